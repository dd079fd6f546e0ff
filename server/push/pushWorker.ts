import { and, asc, eq, inArray, isNull, lte, sql } from 'drizzle-orm';
import type { Db } from '../db/client';
import {
  conversationEntries,
  type PushPlatform,
  pushDeliveries,
  pushRegistrations,
} from '../db/schema';
import type { WriteBatcher } from '../db/writeBatcher';
import type { PushSender } from './providers/pushSender';
import type { PushTarget, SendResult } from './providers/types';
import { buildPushMessage, NOTIFICATION_TTL_MS } from './pushMessage';
import type { DeploymentPush } from './pushSettings';
import { retryDelayMs } from './retryDelay';

export interface PushWorkerOptions extends PushWorkerSettings {
  db: Db;
  writes: WriteBatcher;
}

/** What the worker needs besides the database: how to send, with what, and how eagerly. */
export interface PushWorkerSettings {
  sender: Pick<PushSender, 'send'>;
  /** The deployment's settings and credentials; null when it has none (push never set up). */
  deploymentPush: (deploymentId: string) => DeploymentPush | null;
  now?: () => number;
  /** Sends in flight at once: providers answer in milliseconds, so this bounds memory, not speed. */
  concurrency?: number;
  /** How often due retries are looked for; new notifications wake the worker at once. */
  pollMs?: number;
  /** A claimed row falls due again after this if its worker never reports (it crashed). */
  leaseMs?: number;
  maxAttempts?: number;
  /** The first retry's delay; each later one doubles, with jitter, up to `maxRetryDelayMs`. */
  retryBaseMs?: number;
  maxRetryDelayMs?: number;
  /** How long a notification is worth delivering after its reply. */
  ttlMs?: number;
}

type Claimed = typeof pushDeliveries.$inferSelect;

/**
 * Sends due `push_deliveries` rows. A row is claimed by one conditional write that moves its
 * `next_attempt_at` past the send's lease, so two workers on one database never both send it
 * and a worker that dies mid-send leaves it to fall due again. A provider's acknowledgement is
 * recorded at once and the row leaves `pending`, so it is never sent again.
 */
export class PushWorker {
  private readonly now: () => number;
  private readonly settings: Required<
    Pick<
      PushWorkerOptions,
      | 'concurrency'
      | 'pollMs'
      | 'leaseMs'
      | 'maxAttempts'
      | 'retryBaseMs'
      | 'maxRetryDelayMs'
      | 'ttlMs'
    >
  >;
  private inFlight = 0;
  private pumping = false;
  private wakeAgain = false;
  private stopped = false;
  private timer: NodeJS.Timeout | undefined;
  private readonly sends = new Set<Promise<void>>();
  private readonly records = new Set<Promise<unknown>>();

  constructor(private readonly options: PushWorkerOptions) {
    this.now = options.now ?? Date.now;
    this.settings = {
      concurrency: options.concurrency ?? 64,
      pollMs: options.pollMs ?? 1_000,
      leaseMs: options.leaseMs ?? 60_000,
      maxAttempts: options.maxAttempts ?? 10,
      retryBaseMs: options.retryBaseMs ?? 2_000,
      maxRetryDelayMs: options.maxRetryDelayMs ?? 3_600_000,
      ttlMs: options.ttlMs ?? NOTIFICATION_TTL_MS,
    };
  }

  start() {
    this.timer = setInterval(() => this.wake(), this.settings.pollMs);
    this.timer.unref();
    this.wake();
  }

  /** Looks for due notifications now: called after a reply's notifications commit. */
  wake() {
    if (this.stopped) return;
    if (this.pumping) {
      this.wakeAgain = true;
      return;
    }
    void this.pump().catch((error: unknown) => console.error('Push worker failed:', error));
  }

  /** Stops looking for work and waits for the sends in flight to be recorded. */
  async stop() {
    this.stopped = true;
    clearInterval(this.timer);
    this.timer = undefined;
    await this.idle();
  }

  /** Resolves once no send is in flight; for shutdown and tests. */
  async idle() {
    while (this.sends.size > 0 || this.records.size > 0 || this.pumping) {
      await Promise.race([
        ...this.sends,
        ...this.records,
        new Promise((resolve) => setTimeout(resolve, 5)),
      ]);
    }
  }

  private async pump() {
    this.pumping = true;
    try {
      do {
        this.wakeAgain = false;
        for (;;) {
          const room = this.settings.concurrency - this.inFlight;
          if (room <= 0) break;
          const claimed = await this.claim(room);
          for (const row of claimed) this.track(this.deliver(row));
          if (claimed.length < room) break;
        }
      } while (this.wakeAgain);
    } finally {
      this.pumping = false;
    }
  }

  private track(send: Promise<void>) {
    this.inFlight++;
    const tracked = send
      .catch((error: unknown) => console.error('Push delivery failed:', error))
      .finally(() => {
        this.inFlight--;
        this.sends.delete(tracked);
        // A free slot may take a row that was left due because all slots were busy.
        this.wake();
      });
    this.sends.add(tracked);
  }

  /** Keeps a send's outcome write in view until it commits, for `idle`. */
  private remember(write: Promise<unknown>) {
    const tracked = write
      .catch((error: unknown) => console.error('Recording a push delivery failed:', error))
      .finally(() => this.records.delete(tracked));
    this.records.add(tracked);
  }

  private claim(limit: number): Promise<Claimed[]> {
    const { db } = this.options;
    return this.options.writes.run(() => {
      const now = new Date(this.now());
      const due = and(eq(pushDeliveries.status, 'pending'), lte(pushDeliveries.nextAttemptAt, now));
      const ids = db
        .select({ id: pushDeliveries.id })
        .from(pushDeliveries)
        .where(due)
        .orderBy(asc(pushDeliveries.nextAttemptAt))
        .limit(limit);
      return db
        .update(pushDeliveries)
        .set({
          nextAttemptAt: new Date(now.getTime() + this.settings.leaseMs),
          attempts: sql`${pushDeliveries.attempts} + 1`,
        })
        .where(and(inArray(pushDeliveries.id, ids), due))
        .returning()
        .all();
    });
  }

  private async deliver(row: Claimed) {
    const { db } = this.options;
    const registration = db
      .select()
      .from(pushRegistrations)
      .where(eq(pushRegistrations.id, row.registrationId))
      .get();
    if (!registration || registration.revokedAt || registration.deactivatedAt) {
      return this.remember(
        this.finish(row, 'dropped', null, 'The device is no longer registered.'),
      );
    }
    let push: DeploymentPush | null;
    try {
      push = this.options.deploymentPush(registration.deploymentId);
    } catch (error) {
      // Keys that no longer decrypt will not decrypt on a retry either; an admin must act.
      const answer = error instanceof Error ? error.message : String(error);
      return this.remember(this.finish(row, 'failed', null, answer));
    }
    if (!push?.settings.enabled) {
      return this.remember(this.finish(row, 'dropped', null, 'Push notifications are turned off.'));
    }
    const entry = row.entryId
      ? db
          .select({
            entryType: conversationEntries.entryType,
            payload: conversationEntries.payload,
            actorName: conversationEntries.actorName,
            createdAt: conversationEntries.createdAt,
            seq: conversationEntries.seq,
          })
          .from(conversationEntries)
          .where(eq(conversationEntries.id, row.entryId))
          .get()
      : undefined;
    if (!entry || !row.sessionId) {
      return this.remember(this.finish(row, 'dropped', null, 'The reply no longer exists.'));
    }
    const message = buildPushMessage(push.settings, row.sessionId, entry, this.settings.ttlMs);
    if (message.expiresAt.getTime() <= this.now()) {
      return this.remember(
        this.finish(row, 'dropped', null, 'The reply is too old to notify about.'),
      );
    }
    const target = targetOf(registration);
    if (!target)
      return this.remember(this.finish(row, 'failed', null, 'The registration is incomplete.'));
    const result = await this.options.sender.send(target, push, message);
    // The slot frees as soon as the provider answers; the answer's write joins the next commit.
    this.remember(this.record(row, registration.id, result));
  }

  private record(row: Claimed, registrationId: string, result: SendResult) {
    if (result.outcome === 'sent') return this.finish(row, 'sent', result.status, result.answer);
    if (result.outcome === 'rejected') {
      return this.finish(row, 'failed', result.status, result.answer);
    }
    if (result.outcome === 'dead') return this.deactivate(row, registrationId, result);
    if (row.attempts >= this.settings.maxAttempts) {
      return this.finish(row, 'failed', result.status, `Gave up: ${result.answer}`);
    }
    const delay = Math.max(
      result.retryAfterMs ?? 0,
      retryDelayMs(row.attempts, this.settings.retryBaseMs, this.settings.maxRetryDelayMs),
    );
    return this.options.writes.run(() =>
      this.options.db
        .update(pushDeliveries)
        .set({
          nextAttemptAt: new Date(this.now() + delay),
          lastError: result.answer,
          providerStatus: result.status,
        })
        .where(and(eq(pushDeliveries.id, row.id), eq(pushDeliveries.status, 'pending')))
        .run(),
    );
  }

  private finish(
    row: Claimed,
    status: 'sent' | 'failed' | 'dropped',
    providerStatus: number | null,
    answer: string,
  ) {
    return this.options.writes.run(() => {
      this.options.db
        .update(pushDeliveries)
        .set({
          status,
          providerStatus,
          lastError: answer,
          ...(status === 'sent' ? { sentAt: new Date(this.now()) } : {}),
        })
        .where(and(eq(pushDeliveries.id, row.id), eq(pushDeliveries.status, 'pending')))
        .run();
    });
  }

  /** The provider says the device is gone: stop sending to it, this row and any still due. */
  private deactivate(row: Claimed, registrationId: string, result: SendResult) {
    const { db } = this.options;
    return this.options.writes.run(() => {
      const at = new Date(this.now());
      db.update(pushRegistrations)
        .set({ deactivatedAt: at, deactivatedReason: result.answer })
        .where(
          and(eq(pushRegistrations.id, registrationId), isNull(pushRegistrations.deactivatedAt)),
        )
        .run();
      db.update(pushDeliveries)
        .set({ status: 'dropped', providerStatus: result.status, lastError: result.answer })
        .where(and(eq(pushDeliveries.id, row.id), eq(pushDeliveries.status, 'pending')))
        .run();
      db.update(pushDeliveries)
        .set({ status: 'dropped', lastError: 'The device was deactivated by its provider.' })
        .where(
          and(
            eq(pushDeliveries.registrationId, registrationId),
            eq(pushDeliveries.status, 'pending'),
            eq(pushDeliveries.attempts, 0),
          ),
        )
        .run();
    });
  }
}

function targetOf(registration: typeof pushRegistrations.$inferSelect): PushTarget | null {
  const platform: PushPlatform = registration.platform;
  if (platform === 'fcm') return { platform, token: registration.token };
  if (platform === 'apns') {
    if (!registration.bundleId || !registration.environment) return null;
    return {
      platform,
      token: registration.token,
      bundleId: registration.bundleId,
      environment: registration.environment,
    };
  }
  const keys = registration.keys;
  if (!keys?.p256dh || !keys.auth) return null;
  return {
    platform,
    endpoint: registration.token,
    keys: { p256dh: keys.p256dh, auth: keys.auth },
  };
}
