export type ActionFailureCode =
  | 'ACTION_NOT_CONFIGURED'
  | 'SECRET_NOT_FOUND'
  | 'HTTP_ERROR_STATUS'
  | 'HTTP_INVALID_RESPONSE'
  | 'OUTBOUND_INVALID_URL'
  | 'OUTBOUND_INVALID_REQUEST'
  | 'OUTBOUND_ADDRESS_BLOCKED'
  | 'OUTBOUND_DNS_FAILED'
  | 'OUTBOUND_CONNECTION_FAILED'
  | 'OUTBOUND_TIMEOUT'
  | 'OUTBOUND_ABORTED'
  | 'OUTBOUND_RESPONSE_TOO_LARGE'
  | 'SCRIPT_TIMEOUT'
  | 'SCRIPT_MEMORY'
  | 'SCRIPT_ERROR'
  | 'SCRIPT_INVALID_RESULT';

/**
 * Why an action failed. Actions and the host services behind `ActionContext` throw it; the
 * engine records `code` and `details` in the trace and takes the action's `failure` output.
 * `message` and `details` never carry secret values.
 */
export class ActionError extends Error {
  override readonly name = 'ActionError';

  constructor(
    readonly code: ActionFailureCode,
    message: string,
    readonly details: Record<string, unknown> = {},
  ) {
    super(message);
  }
}

export function isActionError(error: unknown): error is ActionError {
  return error instanceof ActionError;
}
