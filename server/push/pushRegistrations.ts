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
  const keys = body.platform === 'web_push' ? body.subscription.keys : null;
  const owner = claims.contactId
    ? eq(pushRegistrations.contactId, claims.contactId)
    : eq(pushRegistrations.sessionId, claims.conversationId);
  const existing = db
    .select()
    .from(pushRegistrations)
    .where(
      and(
        owner,
        eq(pushRegistrations.deploymentId, claims.deploymentId),
        eq(pushRegistrations.token, token),
        isNull(pushRegistrations.revokedAt),
      ),
    )
    .get();
  if (existing) return existing;
  return db
    .insert(pushRegistrations)
    .values({
      orgId: claims.orgId,
      deploymentId: claims.deploymentId,
      contactId: claims.contactId,
      sessionId: claims.contactId ? null : claims.conversationId,
      platform: body.platform,
      token,
      keys,
    })
    .returning()
    .get();
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
