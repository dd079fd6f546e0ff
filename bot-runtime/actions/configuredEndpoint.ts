import { ActionError } from './actionError';
import type { ActionContext, ActionSettings } from './types';

type EndpointSetting = keyof Pick<ActionSettings, 'orderStatusUrl' | 'passwordResetUrl'>;

/**
 * The URL and headers for one of the deployment's self-service endpoints, with the bearer
 * token from `settings.endpointTokenSecret` when one is configured.
 */
export function configuredEndpoint(
  context: Pick<ActionContext, 'settings' | 'secret'>,
  setting: EndpointSetting,
): { url: string; headers: Record<string, string> } {
  const url = context.settings[setting];
  if (!url) {
    throw new ActionError('ACTION_NOT_CONFIGURED', `The deployment has no ${setting} setting.`, {
      setting,
    });
  }
  const headers: Record<string, string> = { accept: 'application/json' };
  const secretName = context.settings.endpointTokenSecret;
  if (secretName) {
    const token = context.secret(secretName);
    if (token === undefined) {
      throw new ActionError('SECRET_NOT_FOUND', `The secret ${secretName} is not set.`, {
        secret: secretName,
      });
    }
    headers.authorization = `Bearer ${token}`;
  }
  return { url, headers };
}
