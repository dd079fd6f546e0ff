import { and, eq, inArray, sql } from 'drizzle-orm';
import type { Db } from '../db/client';
import { messagingSessions, workItems } from '../db/schema';
import { conversationScope, workItemScope } from './conversationScope';
import type { ReportFilters } from './reportFilters';
import { ratio } from './stats';

export interface WaitTimes {
  /** Work items an agent accepted. */
  answered: number;
  averageWaitSeconds: number | null;
  p90WaitSeconds: number | null;
  /** Work items the customer left before anyone accepted them. */
  abandoned: number;
  abandonmentRate: number | null;
}

interface Totals {
  answered: number;
  totalWaitMs: number | null;
  p90WaitMs: number | null;
  abandoned: number | null;
}

/**
 * Escalation → accept per work item, and the customers who gave up waiting, in one pass of the
 * database. The p90 is exact: the nearest rank among the sorted waits (rank ⌈0.9·n⌉, written
 * (9n + 9) / 10 in integers).
 */
export function waitTimes(db: Db, orgId: string, filters: ReportFilters): WaitTimes {
  const w = workItems;
  const s = messagingSessions;
  const items = sql`(select ${w.acceptedAt} - ${w.askedAt} as wait,
      case when ${and(
        sql`${w.acceptedAt} is null`,
        eq(w.status, 'cancelled'),
        inArray(s.endedBy, ['customer', 'system']),
      )} then 1 else 0 end as abandoned
    from ${w} inner join ${s} on ${eq(s.id, w.sessionId)}
    where ${and(conversationScope(db, orgId, filters), workItemScope(filters))})`;
  const ranked = sql`(select wait, abandoned,
      row_number() over (partition by wait is null order by wait) as nth,
      count(wait) over () as answered
    from ${items})`;
  const totals = db.get<Totals>(sql`select
      count(wait) as answered,
      sum(wait) as totalWaitMs,
      max(case when wait is not null and nth = (9 * answered + 9) / 10 then wait end) as p90WaitMs,
      sum(abandoned) as abandoned
    from ${ranked}`);
  const answered = totals.answered;
  const abandoned = totals.abandoned ?? 0;
  return {
    answered,
    averageWaitSeconds:
      answered === 0 || totals.totalWaitMs === null ? null : totals.totalWaitMs / answered / 1000,
    p90WaitSeconds: totals.p90WaitMs === null ? null : totals.p90WaitMs / 1000,
    abandoned,
    abandonmentRate: ratio(abandoned, abandoned + answered),
  };
}
