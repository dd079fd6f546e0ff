import { and, count, eq, inArray, isNotNull, sql } from 'drizzle-orm';
import type { Db } from '../db/client';
import { messagingSessions, workItems } from '../db/schema';
import { conversationScope, workItemScope } from './conversationScope';
import type { ReportFilters } from './reportFilters';
import { nearestRank, ratio } from './stats';

export interface WaitTimes {
  /** Work items an agent accepted. */
  answered: number;
  averageWaitSeconds: number | null;
  p90WaitSeconds: number | null;
  /** Work items the customer left before anyone accepted them. */
  abandoned: number;
  abandonmentRate: number | null;
}

/**
 * Escalation → accept per work item, and the customers who gave up waiting. Counted and summed
 * in the database; the p90 is exact: the database sorts the waits and returns the one at the
 * nearest rank.
 */
export function waitTimes(db: Db, orgId: string, filters: ReportFilters): WaitTimes {
  const scope = and(conversationScope(db, orgId, filters), workItemScope(filters));
  const wait = sql<number>`${workItems.acceptedAt} - ${workItems.askedAt}`;
  const row = db
    .select({
      answered: count(workItems.acceptedAt),
      totalWaitMs: sql<number>`coalesce(sum(${wait}), 0)`,
      abandoned: sql<number>`coalesce(sum(case when ${and(
        sql`${workItems.acceptedAt} is null`,
        eq(workItems.status, 'cancelled'),
        inArray(messagingSessions.endedBy, ['customer', 'system']),
      )} then 1 else 0 end), 0)`,
    })
    .from(workItems)
    .innerJoin(messagingSessions, eq(messagingSessions.id, workItems.sessionId))
    .where(scope)
    .get() ?? { answered: 0, totalWaitMs: 0, abandoned: 0 };
  const answered = row.answered;
  const abandoned = Number(row.abandoned);
  const rank = nearestRank(answered, 90);
  const p90 =
    rank === null
      ? undefined
      : db
          .select({ wait })
          .from(workItems)
          .innerJoin(messagingSessions, eq(messagingSessions.id, workItems.sessionId))
          .where(and(scope, isNotNull(workItems.acceptedAt)))
          .orderBy(wait)
          .limit(1)
          .offset(rank - 1)
          .get();
  return {
    answered,
    averageWaitSeconds: answered === 0 ? null : Number(row.totalWaitMs) / answered / 1000,
    p90WaitSeconds: p90 ? Number(p90.wait) / 1000 : null,
    abandoned,
    abandonmentRate: ratio(abandoned, abandoned + answered),
  };
}
