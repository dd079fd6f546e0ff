import type { Db } from '../db/client';
import type { EntryRow } from '../messaging/conversationEntries';
import type { EventHub } from '../messaging/eventHub';
import { enqueuePushNotifications, type NotifiedSession } from './pushOutbox';

export interface ReplyNotificationsDeps {
  db: Db;
  hub: EventHub;
  /** Tells the outbox worker that deliveries are due; called after the reply commits. */
  wake: () => void;
  now?: () => number;
  collapseWindowMs?: number;
}

/**
 * Turns replies into notifications for customers who are not looking: no open stream on the
 * conversation. The messaging code calls `enqueue` in the reply's own transaction and `wake`
 * once it has committed.
 */
export class ReplyNotifications {
  private readonly now: () => number;

  constructor(private readonly deps: ReplyNotificationsDeps) {
    this.now = deps.now ?? Date.now;
  }

  enqueue(session: NotifiedSession, rows: readonly EntryRow[]): boolean {
    if (this.deps.hub.hasCustomerStream(session.id)) return false;
    const written = enqueuePushNotifications(
      this.deps.db,
      session,
      rows,
      new Date(this.now()),
      this.deps.collapseWindowMs,
    );
    return written > 0;
  }

  wake() {
    this.deps.wake();
  }
}
