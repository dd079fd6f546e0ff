import { and, eq } from 'drizzle-orm';
import type { Db } from '../db/client';
import { messagingSessions, workItems } from '../db/schema';
import { conversationScope, workItemScope } from './conversationScope';
import type { ReportFilters } from './reportFilters';
import { average, percentile, ratio, secondsBetween } from './stats';

export interface WaitTimes {
  /** Work items an agent accepted. */
  answered: number;
  averageWaitSeconds: number | null;
  p90WaitSeconds: number | null;
  /** Work items the customer left before anyone accepted them. */
  abandoned: number;
  abandonmentRate: number | null;
}

/** Escalation → accept per work item, and the customers who gave up waiting. */
export function waitTimes(db: Db, orgId: string, filters: ReportFilters): WaitTimes {
  const items = db
    .select({
      status: workItems.status,
      askedAt: workItems.askedAt,
      acceptedAt: workItems.acceptedAt,
      endedBy: messagingSessions.endedBy,
    })
    .from(workItems)
    .innerJoin(messagingSessions, eq(messagingSessions.id, workItems.sessionId))
    .where(and(conversationScope(db, orgId, filters), workItemScope(filters)))
    .all();
  const waits: number[] = [];
  let abandoned = 0;
  for (const item of items) {
    if (item.acceptedAt) waits.push(secondsBetween(item.askedAt, item.acceptedAt));
    else if (
      item.status === 'cancelled' &&
      (item.endedBy === 'customer' || item.endedBy === 'system')
    ) {
      abandoned += 1;
    }
  }
  return {
    answered: waits.length,
    averageWaitSeconds: average(waits),
    p90WaitSeconds: percentile(waits, 90),
    abandoned,
    abandonmentRate: ratio(abandoned, abandoned + waits.length),
  };
}
