import { and, asc, count, eq, type SQL } from 'drizzle-orm';
import type { Db } from '../db/client';
import { csatResponses, messagingSessions, workItems } from '../db/schema';
import { conversationScope } from './conversationScope';
import type { ReportFilters } from './reportFilters';
import { average, byCountThenKey, ratio } from './stats';

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

/** Satisfaction answers of the conversations in the report, overall and by who served them. */
export function csat(db: Db, orgId: string, filters: ReportFilters): Csat {
  const scope = conversationScope(db, orgId, filters);
  const answers = db
    .select({
      sessionId: messagingSessions.id,
      score: csatResponses.score,
      agentId: messagingSessions.agentId,
      botVersionId: messagingSessions.botVersionId,
    })
    .from(csatResponses)
    .innerJoin(messagingSessions, eq(messagingSessions.id, csatResponses.sessionId))
    .where(scope)
    .all();
  const ended =
    db
      .select({ n: count() })
      .from(messagingSessions)
      .where(and(scope, eq(messagingSessions.status, 'ended')))
      .get()?.n ?? 0;
  const queueOf = lastQueues(db, scope);
  const distribution = { 1: 0, 2: 0, 3: 0, 4: 0, 5: 0 };
  for (const { score } of answers) distribution[score as keyof typeof distribution] += 1;
  const groupBy = (keyOf: (answer: (typeof answers)[number]) => string | null): CsatGroup[] => {
    const scores = new Map<string | null, number[]>();
    for (const answer of answers) {
      const key = keyOf(answer);
      scores.set(key, [...(scores.get(key) ?? []), answer.score]);
    }
    return [...scores]
      .map(([key, list]) => ({ key, responses: list.length, averageScore: average(list) }))
      .sort(byCountThenKey((group) => group.responses));
  };
  return {
    responses: answers.length,
    averageScore: average(answers.map(({ score }) => score)),
    distribution,
    ended,
    responseRate: ratio(answers.length, ended),
    byAgent: groupBy(({ agentId }) => agentId),
    byQueue: groupBy(({ sessionId }) => queueOf.get(sessionId) ?? null),
    byBotVersion: groupBy(({ botVersionId }) => botVersionId),
  };
}

/** The queue of each answered conversation's latest work item: where it was last served. */
function lastQueues(db: Db, scope: SQL): Map<string, string> {
  const items = db
    .select({ sessionId: workItems.sessionId, queueId: workItems.queueId })
    .from(workItems)
    .innerJoin(csatResponses, eq(csatResponses.sessionId, workItems.sessionId))
    .innerJoin(messagingSessions, eq(messagingSessions.id, workItems.sessionId))
    .where(scope)
    .orderBy(asc(workItems.askedAt), asc(workItems.id))
    .all();
  return new Map(items.map(({ sessionId, queueId }) => [sessionId, queueId]));
}
