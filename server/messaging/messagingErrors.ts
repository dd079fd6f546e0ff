import type { IdentityErrorCode } from '../auth/customerIdentity';

export type MessagingErrorCode =
  | IdentityErrorCode
  | 'DEPLOYMENT_NOT_FOUND'
  | 'CONVERSATION_NOT_FOUND'
  | 'CONVERSATION_ENDED'
  | 'CSAT_ALREADY_GIVEN'
  | 'PUSH_REGISTRATION_NOT_FOUND'
  | 'VERIFIED_IDENTITY_REQUIRED'
  | 'IDENTITY_MISMATCH'
  | 'PRECHAT_INVALID';

/** A refusal the public API turns into a 4xx with this code. */
export class MessagingError extends Error {
  constructor(
    readonly code: MessagingErrorCode,
    message: string,
  ) {
    super(message);
    this.name = 'MessagingError';
  }
}
