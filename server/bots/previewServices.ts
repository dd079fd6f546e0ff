import { and, eq } from 'drizzle-orm';
import type { ActionContext } from '../../bot-runtime/actions/types';
import { canEditBots } from '../auth/roles';
import type { Db } from '../db/client';
import { deployments, type StaffRole } from '../db/schema';
import { listDeployments } from '../deployments/deploymentCatalog';
import { createSecretLookup } from '../deployments/deploymentSecrets';
import { DomainError } from '../errors';
import type { Page, PageInput } from '../pagination';
import { createGuardedFetch } from './runtimeServices/guardedFetch';
import { createScriptSandbox, type ScriptSandbox } from './runtimeServices/scriptSandbox';

/** What the server's configuration gives real services: the secrets' key and trusted origins. */
export interface LiveServicesConfig {
  secretsKey: Buffer;
  trustedOrigins: readonly string[];
}

/** The parts of an action's context that reach the outside world. */
export type LiveServices = Pick<ActionContext, 'fetch' | 'runScript' | 'secret' | 'settings'>;

let sandbox: ScriptSandbox | null = null;

/**
 * A deployment's real services for the preview, as production's runner builds them: its
 * endpoints and knowledge base, its secrets, the same guarded client and script sandbox.
 * Calling real endpoints from the studio is a designer's or admin's decision; QA rehearses on
 * mocks. Another org's deployment answers like a missing one.
 */
export function liveServices(
  db: Db,
  actor: { orgId: string; role: StaffRole },
  deploymentId: string,
  readConfig: () => LiveServicesConfig,
): (signal: AbortSignal) => LiveServices {
  if (!canEditBots(actor.role)) {
    throw new DomainError(
      'FORBIDDEN',
      'Only designers and admins may preview with real services; the preview answers from mocks.',
    );
  }
  const deployment = db
    .select({ settings: deployments.settings })
    .from(deployments)
    .where(and(eq(deployments.id, deploymentId), eq(deployments.orgId, actor.orgId)))
    .get();
  if (!deployment) throw new DomainError('NOT_FOUND', 'No such deployment in your organisation.');
  const config = readConfig();
  const fetch = createGuardedFetch({
    allowHosts: deployment.settings.outboundAllowList,
    trustedOrigins: config.trustedOrigins,
  });
  const secrets = createSecretLookup(db, config.secretsKey);
  sandbox ??= createScriptSandbox();
  const scripts = sandbox;
  return (signal) => ({
    fetch: (request) => fetch(request, signal),
    runScript: (source, variables) => scripts.run(source, variables),
    secret: (name) => secrets(deploymentId, name),
    settings: deployment.settings.actions,
  });
}

export interface PreviewDeployment {
  id: string;
  name: string;
  publicId: string;
}

/**
 * The org's deployments a preview may borrow real services (designers) or push settings (QA
 * too) from: names only, nothing of keys.
 */
export function previewDeployments(
  db: Db,
  orgId: string,
  input: PageInput,
): Page<PreviewDeployment> {
  const page = listDeployments(db, orgId, input);
  return {
    ...page,
    items: page.items.map(({ id, name, publicId }) => ({ id, name, publicId })),
  };
}
