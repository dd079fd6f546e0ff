import { and, eq, isNull, or } from 'drizzle-orm';
import type { z } from 'zod';
import type { pushRegistrationBody } from '../../contract/conversations';
import type { Db } from '../db/client';
import { pushRegistrations } from '../db/schema';
import type { ConversationClaims } from '../messaging/accessTokens';
import { MessagingError } from '../messaging/messagingErrors';

/**
 * Devices and browsers that want a notification when an answer arrives while the app is
 * closed. A verified customer's registration follows the contact across conversations; an
 * anonymous one is tied to the conversation it was made in. Either belongs to the deployment
 * it was made through: the same device in another app of the org is another registration.
 */
export function registerPush(
  db: Db,
  claims: ConversationClaims,
  body: z.infer<typeof pushRegistrationBody>,
) {
  const token = body.platform === 'web_push' ? body.subscription.endpoint : body.token;
  const details = {
    keys: body.platform === 'web_push' ? body.subscription.keys : null,
    bundleId: body.platform === 'apns' ? body.bundleId : null,
    environment: body.platform === 'apns' ? body.environment : null,
    timeZone: body.timeZone ?? null,
  };
  // A token the provider declared dead is not reused: registering it again starts afresh.
  const existing = db
    .select()
    .from(pushRegistrations)
    .where(
      and(
        ownedBy(claims),
        eq(pushRegistrations.platform, body.platform),
        eq(pushRegistrations.token, token),
        isNull(pushRegistrations.revokedAt),
        isNull(pushRegistrations.deactivatedAt),
      ),
    )
    .get();
  if (existing) {
    // The same device again: it may have moved time zone or rotated its Web Push keys.
    return db
      .update(pushRegistrations)
      .set(details)
      .where(eq(pushRegistrations.id, existing.id))
      .returning()
      .get();
  }
  return db
    .insert(pushRegistrations)
    .values({
      orgId: claims.orgId,
      deploymentId: claims.deploymentId,
      contactId: claims.contactId,
      sessionId: claims.contactId ? null : claims.conversationId,
      platform: body.platform,
      token,
      ...details,
    })
    .returning()
    .get();
}

/**
 * The registrations this customer made through this deployment: a verified customer's follow
 * their contact, an anonymous customer's belong to the conversation.
 */
function ownedBy(claims: ConversationClaims) {
  return and(
    eq(pushRegistrations.orgId, claims.orgId),
    eq(pushRegistrations.deploymentId, claims.deploymentId),
    claims.contactId
      ? eq(pushRegistrations.contactId, claims.contactId)
      : eq(pushRegistrations.sessionId, claims.conversationId),
  );
}

/**
 * Logging out on a device: every registration of this customer with the token (or Web Push
 * endpoint) stops. Returns how many did; none is not an error, so a logout can be repeated.
 */
export function revokePushToken(db: Db, claims: ConversationClaims, token: string): number {
  return db
    .update(pushRegistrations)
    .set({ revokedAt: new Date() })
    .where(
      and(ownedBy(claims), eq(pushRegistrations.token, token), isNull(pushRegistrations.revokedAt)),
    )
    .returning({ id: pushRegistrations.id })
    .all().length;
}

export function unregisterPush(db: Db, claims: ConversationClaims, registrationId: string) {
  const owned = and(
    eq(pushRegistrations.id, registrationId),
    eq(pushRegistrations.orgId, claims.orgId),
    eq(pushRegistrations.deploymentId, claims.deploymentId),
    isNull(pushRegistrations.revokedAt),
    or(
      claims.contactId ? eq(pushRegistrations.contactId, claims.contactId) : undefined,
      eq(pushRegistrations.sessionId, claims.conversationId),
    ),
  );
  const revoked = db
    .update(pushRegistrations)
    .set({ revokedAt: new Date() })
    .where(owned)
    .returning()
    .all();
  if (revoked.length === 0) {
    throw new MessagingError(
      'PUSH_REGISTRATION_NOT_FOUND',
      'No such push registration for this customer.',
    );
  }
}
