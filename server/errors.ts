/**
 * Domain errors carry a stable code; the tRPC and HTTP edges map codes to statuses in one place
 * each, so no caller matches on message text.
 */
export type DomainErrorCode =
  | 'NOT_FOUND'
  | 'FORBIDDEN'
  | 'CONFLICT'
  | 'INVALID_INPUT'
  | 'EMAIL_TAKEN'
  | 'PUBLIC_ID_TAKEN'
  | 'CANNOT_CHANGE_SELF'
  | 'IDENTITY_KEY_REQUIRED'
  | 'INVALID_IDENTITY_KEY'
  | 'FLOW_HAS_ERRORS'
  | 'FLOW_INVALID'
  | 'DRAFT_CONFLICT'
  | 'BOT_IS_LIVE'
  | 'TEST_CASES_INVALID'
  | 'TEST_CASE_EXISTS'
  | 'TEST_CASE_CONFLICT'
  | 'INVALID_PUSH_CREDENTIALS';

export class DomainError extends Error {
  constructor(
    readonly code: DomainErrorCode,
    message: string,
    readonly details?: Record<string, unknown>,
  ) {
    super(message);
    this.name = 'DomainError';
  }
}
