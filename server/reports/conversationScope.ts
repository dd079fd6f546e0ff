import { and, eq, exists, gte, lt, type SQL } from 'drizzle-orm';
import type { Db } from '../db/client';
import { messagingSessions, workItems } from '../db/schema';
import type { ReportFilters } from './reportFilters';

/** The conversations a report counts: the org's, started in the range, through the filters. */
export function conversationScope(db: Db, orgId: string, filters: ReportFilters): SQL {
  const conditions = [
    eq(messagingSessions.orgId, orgId),
    gte(messagingSessions.createdAt, filters.from),
    lt(messagingSessions.createdAt, filters.to),
    filters.deploymentId ? eq(messagingSessions.deploymentId, filters.deploymentId) : undefined,
    filters.channel ? eq(messagingSessions.channel, filters.channel) : undefined,
    filters.botVersionId ? eq(messagingSessions.botVersionId, filters.botVersionId) : undefined,
    filters.agentId ? eq(messagingSessions.agentId, filters.agentId) : undefined,
    filters.queueId
      ? exists(
          db
            .select({ one: workItems.id })
            .from(workItems)
            .where(
              and(
                eq(workItems.sessionId, messagingSessions.id),
                eq(workItems.queueId, filters.queueId),
              ),
            ),
        )
      : undefined,
  ];
  return and(...conditions) as SQL;
}

/** Work items the queue filter lets through: all of a conversation's, or only the queue's. */
export function workItemScope(filters: ReportFilters): SQL | undefined {
  return filters.queueId ? eq(workItems.queueId, filters.queueId) : undefined;
}
