import type { ActionContext, OutboundRequest } from './types';

/** A secret value handed to an action, with the name it was looked up by. */
export interface SecretUse {
  name: string;
  value: string;
}

/** What one action call used, for its trace: never stored as it is. */
export interface ActionCallRecord {
  /** Every secret value the call was given, so the trace can blank it wherever it shows. */
  secrets: SecretUse[];
  /** Every request the call sent (or tried to: a refused request is here too), as sent. */
  requests: OutboundRequest[];
}

export function emptyCallRecord(): ActionCallRecord {
  return { secrets: [], requests: [] };
}

/** `context` whose `secret` and `fetch` note in `record` each value handed out and request sent. */
export function recordingContext(context: ActionContext, record: ActionCallRecord): ActionContext {
  return {
    ...context,
    secret(name) {
      const value = context.secret(name);
      if (value && !record.secrets.some((used) => used.name === name && used.value === value)) {
        record.secrets.push({ name, value });
      }
      return value;
    },
    fetch(request) {
      record.requests.push({ ...request, headers: request.headers && { ...request.headers } });
      return context.fetch(request);
    },
  };
}
