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
/** Enough for every open conversation of a busy node; the oldest entry makes way past it. */
const VERIFIED_CACHE_SIZE = 10_000;

interface VerifiedToken {
  claims: ConversationClaims;
  /** The token's `exp`, in seconds since the epoch. */
  expiresAt: number;
}

/**
 * Server-signed tokens that let a customer's app act on one conversation. The key is derived
 * from the installation secret, so rotating that secret also revokes every access token.
 */
export class AccessTokens {
  private readonly key: Uint8Array;
  // A customer sends every request with the same token, and checking its signature is a large
  // share of a message's CPU. A token's claims never change, so only its expiry is re-checked.
  private readonly verified = new Map<string, VerifiedToken>();

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
    const cached = this.verified.get(token);
    // The same test as jose's: a token is expired once `exp <= now - tolerance`.
    if (cached && cached.expiresAt > Math.floor(Date.now() / 1000) - expiredGraceSeconds) {
      return cached.claims;
    }
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
      const claims: ConversationClaims = Object.freeze({
        conversationId: payload.sub,
        orgId: payload.org,
        deploymentId: payload.dep,
        contactId: typeof payload.cid === 'string' ? payload.cid : null,
      });
      if (typeof payload.exp === 'number') this.remember(token, claims, payload.exp);
      return claims;
    } catch {
      return null;
    }
  }

  private remember(token: string, claims: ConversationClaims, expiresAt: number) {
    this.verified.delete(token);
    if (this.verified.size >= VERIFIED_CACHE_SIZE) {
      const oldest = this.verified.keys().next();
      if (!oldest.done) this.verified.delete(oldest.value);
    }
    this.verified.set(token, { claims, expiresAt });
  }
}
