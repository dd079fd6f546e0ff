import { hkdfSync } from 'node:crypto';
import { jwtVerify, SignJWT } from 'jose';

export interface ConversationClaims {
  conversationId: string;
  orgId: string;
  deploymentId: string;
  contactId: string | null;
}

const AUDIENCE = 'parley:conversation';
const ISSUER = 'parley';

/**
 * Server-signed tokens that let a customer's app act on one conversation. The key is derived
 * from the installation secret, so rotating that secret also revokes every access token.
 */
export class AccessTokens {
  private readonly key: Uint8Array;

  constructor(
    rootSecret: string,
    private readonly ttlSeconds = 60 * 60,
  ) {
    this.key = new Uint8Array(
      hkdfSync('sha256', rootSecret, 'parley', 'conversation access token', 32),
    );
  }

  async issue(claims: ConversationClaims, now = Date.now()) {
    const expiresAt = new Date(now + this.ttlSeconds * 1000);
    const token = await new SignJWT({
      org: claims.orgId,
      dep: claims.deploymentId,
      cid: claims.contactId,
    })
      .setProtectedHeader({ alg: 'HS256', typ: 'JWT' })
      .setSubject(claims.conversationId)
      .setAudience(AUDIENCE)
      .setIssuer(ISSUER)
      .setIssuedAt(Math.floor(now / 1000))
      .setExpirationTime(Math.floor(expiresAt.getTime() / 1000))
      .sign(this.key);
    return { token, expiresAt };
  }

  /**
   * The conversation a token opens, or null for a bad, expired or foreign token.
   * `expiredGraceSeconds` lets a refresh accept a token that expired while the app slept.
   */
  async verify(token: string, expiredGraceSeconds = 0): Promise<ConversationClaims | null> {
    try {
      const { payload } = await jwtVerify(token, this.key, {
        algorithms: ['HS256'],
        audience: AUDIENCE,
        issuer: ISSUER,
        clockTolerance: expiredGraceSeconds,
      });
      if (
        typeof payload.sub !== 'string' ||
        typeof payload.org !== 'string' ||
        typeof payload.dep !== 'string'
      ) {
        return null;
      }
      return {
        conversationId: payload.sub,
        orgId: payload.org,
        deploymentId: payload.dep,
        contactId: typeof payload.cid === 'string' ? payload.cid : null,
      };
    } catch {
      return null;
    }
  }
}
