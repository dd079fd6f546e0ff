import type { ActionContext, OutboundRequest, OutboundResponse } from './types';

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
