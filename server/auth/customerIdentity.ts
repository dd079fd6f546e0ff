import { errors, importSPKI, type JWTPayload, jwtVerify } from 'jose';
import type { deployments } from '../db/schema';

export interface VerifiedIdentity {
  /** The app's own user id. */
  sub: string;
  email?: string;
  name?: string;
}

export type IdentityErrorCode =
  | 'IDENTITY_REQUIRED'
  | 'IDENTITY_TOKEN_INVALID'
  | 'IDENTITY_TOKEN_EXPIRED'
  | 'IDENTITY_TOKEN_NOT_YET_VALID'
  | 'IDENTITY_TOKEN_WRONG_AUDIENCE'
  | 'IDENTITY_TOKEN_ALGORITHM';

export type IdentityResult =
  | { kind: 'verified'; identity: VerifiedIdentity }
  | { kind: 'anonymous' }
  | { kind: 'refused'; code: IdentityErrorCode; message: string };

type Deployment = Pick<
  typeof deployments.$inferSelect,
  'identityMode' | 'identityAlgorithm' | 'identitySecret' | 'identityPublicKey' | 'identityAudience'
>;

const CLOCK_TOLERANCE_SECONDS = 30;

/**
 * Checks the identity token an app's backend signed for its signed-in user, as the
 * deployment's verification mode says. A token that is present but wrong is refused even in
 * `optional` mode: quietly treating it as anonymous would hide an integration bug.
 */
export async function verifyCustomerIdentity(
  deployment: Deployment,
  token: string | undefined,
  nowSeconds = Math.floor(Date.now() / 1000),
): Promise<IdentityResult> {
  if (deployment.identityMode === 'none') return { kind: 'anonymous' };
  if (!token) {
    return deployment.identityMode === 'required'
      ? {
          kind: 'refused',
          code: 'IDENTITY_REQUIRED',
          message: 'This deployment requires an identity token.',
        }
      : { kind: 'anonymous' };
  }
  const algorithm = deployment.identityAlgorithm ?? 'HS256';
  try {
    const key =
      algorithm === 'HS256'
        ? new TextEncoder().encode(deployment.identitySecret ?? '')
        : await importSPKI(deployment.identityPublicKey ?? '', algorithm);
    const { payload } = await jwtVerify(token, key, {
      algorithms: [algorithm],
      audience: deployment.identityAudience ?? undefined,
      requiredClaims: ['sub', 'exp'],
      clockTolerance: CLOCK_TOLERANCE_SECONDS,
      currentDate: new Date(nowSeconds * 1000),
    });
    if (typeof payload.iat === 'number' && payload.iat > nowSeconds + CLOCK_TOLERANCE_SECONDS) {
      return refusal(
        'IDENTITY_TOKEN_NOT_YET_VALID',
        'The identity token was issued in the future.',
      );
    }
    return { kind: 'verified', identity: identityFrom(payload) };
  } catch (error) {
    return refusalFor(error);
  }
}

function identityFrom(payload: JWTPayload): VerifiedIdentity {
  return {
    sub: String(payload.sub),
    ...(typeof payload.email === 'string' ? { email: payload.email } : {}),
    ...(typeof payload.name === 'string' ? { name: payload.name } : {}),
  };
}

function refusal(code: IdentityErrorCode, message: string): IdentityResult {
  return { kind: 'refused', code, message };
}

function refusalFor(error: unknown): IdentityResult {
  if (error instanceof errors.JWTExpired)
    return refusal('IDENTITY_TOKEN_EXPIRED', 'The identity token has expired.');
  if (error instanceof errors.JOSEAlgNotAllowed) {
    return refusal(
      'IDENTITY_TOKEN_ALGORITHM',
      'The identity token is signed with an algorithm this deployment does not accept.',
    );
  }
  if (error instanceof errors.JWTClaimValidationFailed) {
    if (error.claim === 'aud')
      return refusal(
        'IDENTITY_TOKEN_WRONG_AUDIENCE',
        'The identity token is for another audience.',
      );
    if (error.claim === 'nbf' || error.claim === 'iat') {
      return refusal('IDENTITY_TOKEN_NOT_YET_VALID', 'The identity token is not valid yet.');
    }
    return refusal(
      'IDENTITY_TOKEN_INVALID',
      `The identity token's "${error.claim}" claim is missing or invalid.`,
    );
  }
  return refusal(
    'IDENTITY_TOKEN_INVALID',
    'The identity token is malformed or its signature does not match.',
  );
}
