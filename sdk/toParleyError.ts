import { ParleyApiError } from './apiRequest';
import type { ParleyError } from './types';

/** What an app is told about a failure: the API's error code, or CLIENT_ERROR for anything else. */
export function toParleyError(error: unknown, clientMessageId?: string): ParleyError {
  return error instanceof ParleyApiError
    ? { code: error.code, message: error.message, clientMessageId }
    : {
        code: 'CLIENT_ERROR',
        message: error instanceof Error ? error.message : String(error),
        clientMessageId,
      };
}
