import { and, desc, eq, isNull, or } from 'drizzle-orm';
import type { Db } from '../db/client';
import { pushDeliveries, pushRegistrations, pushSettings } from '../db/schema';
import type { EntryRow } from '../messaging/conversationEntries';
import { latestReply } from './notifiableEntry';
import { afterQuietHours } from './quietHours';

/** At most one notification per conversation and device in this long; later replies wait. */
export const DEFAULT_COLLAPSE_WINDOW_MS = 60_000;

export interface NotifiedSession {
  id: string;
  orgId: string;
  deploymentId: string;
  contactId: string | null;
}

/**
 * Writes the notifications that just-appended replies call for, in the caller's transaction, so
 * a reply and its notifications commit or roll back together. Per device and conversation one
 * notification goes out per collapse window: a reply while one is still unsent replaces what it
 * will say, and a reply soon after one was sent waits for the window's end.
 *
 * Returns how many deliveries were written or updated, so the caller can wake the worker.
 */
export function enqueuePushNotifications(
  db: Db,
  session: NotifiedSession,
  rows: readonly EntryRow[],
  now: Date,
  collapseWindowMs = DEFAULT_COLLAPSE_WINDOW_MS,
): number {
  const reply = latestReply(rows);
  if (!reply) return 0;
  const settings = db
    .select({ enabled: pushSettings.enabled, quietHours: pushSettings.quietHours })
    .from(pushSettings)
    .where(eq(pushSettings.deploymentId, session.deploymentId))
    .get();
  if (!settings?.enabled) return 0;
  const owner = session.contactId
    ? or(
        eq(pushRegistrations.contactId, session.contactId),
        eq(pushRegistrations.sessionId, session.id),
      )
    : eq(pushRegistrations.sessionId, session.id);
  const devices = db
    .select({ id: pushRegistrations.id, timeZone: pushRegistrations.timeZone })
    .from(pushRegistrations)
    .where(
      and(
        owner,
        eq(pushRegistrations.deploymentId, session.deploymentId),
        isNull(pushRegistrations.revokedAt),
        isNull(pushRegistrations.deactivatedAt),
      ),
    )
    .all();
  const collapseKey = session.id;
  for (const device of devices) {
    const latest = db
      .select({
        id: pushDeliveries.id,
        status: pushDeliveries.status,
        attempts: pushDeliveries.attempts,
        createdAt: pushDeliveries.createdAt,
      })
      .from(pushDeliveries)
      .where(
        and(
          eq(pushDeliveries.registrationId, device.id),
          eq(pushDeliveries.collapseKey, collapseKey),
        ),
      )
      .orderBy(desc(pushDeliveries.createdAt))
      .limit(1)
      .get();
    // Not tried yet: it will tell of this newer reply instead. One already tried keeps what it
    // carries, since a worker may be sending it right now.
    if (latest?.status === 'pending' && latest.attempts === 0) {
      db.update(pushDeliveries)
        .set({ entryId: reply.id, seq: reply.seq })
        .where(and(eq(pushDeliveries.id, latest.id), eq(pushDeliveries.attempts, 0)))
        .run();
      continue;
    }
    const windowEnds = latest ? latest.createdAt.getTime() + collapseWindowMs : 0;
    const due = new Date(Math.max(now.getTime(), windowEnds));
    db.insert(pushDeliveries)
      .values({
        orgId: session.orgId,
        registrationId: device.id,
        sessionId: session.id,
        entryId: reply.id,
        seq: reply.seq,
        collapseKey,
        nextAttemptAt: afterQuietHours(due, settings.quietHours, device.timeZone),
        createdAt: now,
      })
      .run();
  }
  return devices.length;
}
