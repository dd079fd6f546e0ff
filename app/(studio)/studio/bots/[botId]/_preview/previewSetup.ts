import type { VariableDefinition } from '@/bot-runtime/flow/flowSettings';
import type { JsonValue } from '@/bot-runtime/flow/json';
import type { PreviewCustomer, PreviewStart } from '@/server/bots/botSchemas';

/**
 * What the preview rehearses, chosen before a conversation starts: the draft or a published
 * version, where it starts and with which variables set, and who the customer is.
 */
export interface PreviewSetup {
  /** Null: the draft as it is on the canvas. */
  version: { id: string; number: number } | null;
  startNode: { id: string; label: string } | null;
  variables: Record<string, JsonValue>;
  /** Null: an anonymous customer. */
  customer: { request: PreviewCustomer; label: string } | null;
  /** The deployment whose real services actions call; null: they answer from their mocks. */
  realServices: { deploymentId: string; name: string } | null;
  /**
   * The customer's app is in the background: replies become the notifications it would get,
   * under this deployment's push settings (null: the defaults). Null: the app is open.
   */
  background: { deployment: { id: string; name: string } | null } | null;
}

export const DRAFT_SETUP: PreviewSetup = {
  version: null,
  startNode: null,
  variables: {},
  customer: null,
  realServices: null,
  background: null,
};

/** The parts of a preview turn's request the setup decides. */
export function setupRequest(setup: PreviewSetup): {
  versionId?: string;
  start?: PreviewStart;
  customer?: PreviewCustomer;
  realServices?: { deploymentId: string };
  background?: { deploymentId?: string };
} {
  const start: PreviewStart = {
    ...(setup.startNode ? { nodeId: setup.startNode.id } : {}),
    ...(Object.keys(setup.variables).length > 0 ? { variables: setup.variables } : {}),
  };
  return {
    ...(setup.version ? { versionId: setup.version.id } : {}),
    ...(Object.keys(start).length > 0 ? { start } : {}),
    ...(setup.customer ? { customer: setup.customer.request } : {}),
    ...(setup.realServices
      ? { realServices: { deploymentId: setup.realServices.deploymentId } }
      : {}),
    ...(setup.background
      ? {
          background: setup.background.deployment
            ? { deploymentId: setup.background.deployment.id }
            : {},
        }
      : {}),
  };
}

/** One line for the preview's header: what is being rehearsed. */
export function describeSetup(setup: PreviewSetup): string {
  const parts = [setup.version ? `Version ${setup.version.number}` : 'Draft'];
  if (setup.startNode) parts.push(`from ${setup.startNode.label}`);
  const variableCount = Object.keys(setup.variables).length;
  if (variableCount > 0)
    parts.push(`${variableCount} variable${variableCount === 1 ? '' : 's'} set`);
  if (setup.customer) parts.push(`as ${setup.customer.label}`);
  parts.push(setup.realServices ? `real services of ${setup.realServices.name}` : 'mock actions');
  if (setup.background) {
    const deployment = setup.background.deployment;
    parts.push(
      `app in the background (${deployment ? `${deployment.name}'s push settings` : 'default push settings'})`,
    );
  }
  return parts.join(' · ');
}

/**
 * A variable's value as typed in the form, read by the variable's type: numbers and yes/no as
 * such, lists and objects as JSON, anything else as the text typed.
 */
export function parseVariableValue(
  type: VariableDefinition['type'],
  text: string,
): { ok: true; value: JsonValue } | { ok: false; message: string } {
  if (type === 'number') {
    const value = Number(text.trim());
    return text.trim() !== '' && Number.isFinite(value)
      ? { ok: true, value }
      : { ok: false, message: 'Type a number.' };
  }
  if (type === 'boolean') {
    if (text === 'true' || text === 'false') return { ok: true, value: text === 'true' };
    return { ok: false, message: 'Choose true or false.' };
  }
  if (type === 'object' || type === 'list') {
    try {
      const value = JSON.parse(text) as JsonValue;
      const isList = Array.isArray(value);
      const fits =
        type === 'list' ? isList : value !== null && typeof value === 'object' && !isList;
      return fits
        ? { ok: true, value }
        : {
            ok: false,
            message:
              type === 'list'
                ? 'Type a JSON list, like ["a", "b"].'
                : 'Type a JSON object, like {"a": 1}.',
          };
    } catch {
      return { ok: false, message: 'This is not valid JSON.' };
    }
  }
  return { ok: true, value: text };
}
