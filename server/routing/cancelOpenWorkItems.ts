import { and, eq, inArray } from 'drizzle-orm';
import type { Db } from '../db/client';
import { workItems } from '../db/schema';

/**
 * Withdraws a session's work items that no agent has accepted yet, once the conversation has
 * ended: nobody should be offered a customer who has gone. Accepted items are the agent's to
 * close.
 */
export function cancelOpenWorkItems(db: Db, sessionId: string, at: Date) {
  db.update(workItems)
    .set({ status: 'cancelled', completedAt: at })
    .where(
      and(eq(workItems.sessionId, sessionId), inArray(workItems.status, ['queued', 'offered'])),
    )
    .run();
}
