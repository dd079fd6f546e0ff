import { and, count, eq, sql } from 'drizzle-orm';
import type { Db } from '../db/client';
import { csatResponses, messagingSessions, workItems } from '../db/schema';
import { conversationScope } from './conversationScope';
import type { ReportFilters } from './reportFilters';
import { byCountThenKey, ratio } from './stats';

export interface CsatGroup {
  /** An agent id, a queue id or a bot version id; null for answers without one. */
  key: string | null;
  responses: number;
  averageScore: number | null;
}

export interface Csat {
  responses: number;
  averageScore: number | null;
  /** Answers per score, 1 to 5. */
  distribution: Record<1 | 2 | 3 | 4 | 5, number>;
  /** Conversations in the report that have ended: the ones that could have been asked. */
  ended: number;
  responseRate: number | null;
  byAgent: CsatGroup[];
  byQueue: CsatGroup[];
  byBotVersion: CsatGroup[];
}

/**
 * Satisfaction answers of the conversations in the report, overall and by who served them.
 * The database counts answers per (score, agent, queue, bot version); every figure is summed
 * from those few rows, so no answer is read one by one.
 */
export function csat(db: Db, orgId: string, filters: ReportFilters): Csat {
  const scope = conversationScope(db, orgId, filters);
  // The queue of the conversation's latest work item: where it was last served.
  const lastQueue = sql<string | null>`(select ${workItems.queueId} from ${workItems}
    where ${workItems.sessionId} = ${messagingSessions.id}
    order by ${workItems.askedAt} desc, ${workItems.id} desc limit 1)`;
  const groups = db
    .select({
      score: csatResponses.score,
      agentId: messagingSessions.agentId,
      queueId: lastQueue,
      botVersionId: messagingSessions.botVersionId,
      responses: count(),
    })
    .from(csatResponses)
    .innerJoin(messagingSessions, eq(messagingSessions.id, csatResponses.sessionId))
    .where(scope)
    .groupBy(sql`1`, sql`2`, sql`3`, sql`4`)
    .all();
  const ended =
    db
      .select({ n: count() })
      .from(messagingSessions)
      .where(and(scope, eq(messagingSessions.status, 'ended')))
      .get()?.n ?? 0;
  const distribution = { 1: 0, 2: 0, 3: 0, 4: 0, 5: 0 };
  let responses = 0;
  let total = 0;
  for (const group of groups) {
    distribution[group.score as keyof typeof distribution] += group.responses;
    responses += group.responses;
    total += group.score * group.responses;
  }
  const groupBy = (keyOf: (group: (typeof groups)[number]) => string | null): CsatGroup[] => {
    const sums = new Map<string | null, { responses: number; total: number }>();
    for (const group of groups) {
      const key = keyOf(group);
      const sum = sums.get(key) ?? { responses: 0, total: 0 };
      sum.responses += group.responses;
      sum.total += group.score * group.responses;
      sums.set(key, sum);
    }
    return [...sums]
      .map(([key, sum]) => ({
        key,
        responses: sum.responses,
        averageScore: sum.total / sum.responses,
      }))
      .sort(byCountThenKey((group) => group.responses));
  };
  return {
    responses,
    averageScore: responses === 0 ? null : total / responses,
    distribution,
    ended,
    responseRate: ratio(responses, ended),
    byAgent: groupBy(({ agentId }) => agentId),
    byQueue: groupBy(({ queueId }) => queueId),
    byBotVersion: groupBy(({ botVersionId }) => botVersionId),
  };
}
