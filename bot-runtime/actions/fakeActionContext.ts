import { callAction } from '../engine/callAction';
import { fakeClock } from '../engine/testing/fakeClock';
import type { ActionContext, ActionDefinition, OutboundRequest, OutboundResponse } from './types';

/** An `ActionContext` for tests: every outbound request is answered by `answer` and recorded. */
export function fakeActionContext(
  overrides: Partial<Omit<ActionContext, 'fetch'>> & {
    answer?: (request: OutboundRequest) => OutboundResponse | Promise<OutboundResponse>;
  } = {},
): ActionContext & { requests: OutboundRequest[] } {
  const { answer, ...context } = overrides;
  const requests: OutboundRequest[] = [];
  return {
    requests,
    async fetch(request) {
      requests.push(request);
      if (!answer) throw new Error(`No answer prepared for ${request.method} ${request.url}`);
      return answer(request);
    },
    runScript: async () => ({}),
    secret: () => undefined,
    variables: {},
    settings: {},
    signal: new AbortController().signal,
    now: () => 0,
    ...context,
  };
}

export function jsonResponse(status: number, body: unknown): OutboundResponse {
  return {
    status,
    headers: { 'content-type': 'application/json' },
    body: typeof body === 'string' ? body : JSON.stringify(body),
  };
}

/**
 * Calls `action` through the engine, as an action node with these `inputs` would, with
 * `context`: what the flow gets back and what the trace stores.
 */
export async function callThroughEngine<Input, Output>(
  action: ActionDefinition<Input, Output>,
  inputs: Record<string, string>,
  context: ActionContext,
) {
  const { outcome, reason } = await callAction(
    {
      clock: fakeClock(),
      random: () => 0,
      actions: new Map([[action.name, action as unknown as ActionDefinition]]),
      actionContext: (signal) => ({ ...context, signal }),
    },
    {
      name: action.name,
      inputTemplates: inputs,
      variables: { ...context.variables },
      timeoutMs: 5000,
    },
  );
  if (reason.kind !== 'action') throw new Error(`Expected an action trace, got ${reason.kind}.`);
  return { outcome, trace: reason };
}
