import { and, eq, gte, inArray, isNotNull, min } from 'drizzle-orm';
import type { Db } from '../db/client';
import { conversationEntries, messagingSessions } from '../db/schema';
import { conversationScope } from './conversationScope';
import type { ReportFilters } from './reportFilters';
import { average, percentile, secondsBetween } from './stats';

/** Entry types that are an agent saying something to the customer. */
export const AGENT_MESSAGE_TYPES = ['text', 'quick_replies', 'cards', 'image', 'form_request'];

export interface AgentTimes {
  /** Conversations an agent accepted. */
  accepted: number;
  /** Accepted conversations the agent has not yet written in. */
  unanswered: number;
  averageFirstResponseSeconds: number | null;
  p90FirstResponseSeconds: number | null;
  /** Accepted conversations that have ended. */
  handled: number;
  averageHandleSeconds: number | null;
}

/** First response (accept → the agent's first message) and handle time (accept → end). */
export function agentTimes(db: Db, orgId: string, filters: ReportFilters): AgentTimes {
  const rows = db
    .select({
      acceptedAt: messagingSessions.acceptedAt,
      endedAt: messagingSessions.endedAt,
      firstReplyAt: min(conversationEntries.createdAt),
    })
    .from(messagingSessions)
    .leftJoin(
      conversationEntries,
      and(
        eq(conversationEntries.sessionId, messagingSessions.id),
        eq(conversationEntries.actorType, 'agent'),
        inArray(conversationEntries.entryType, AGENT_MESSAGE_TYPES),
        gte(conversationEntries.createdAt, messagingSessions.acceptedAt),
      ),
    )
    .where(and(conversationScope(db, orgId, filters), isNotNull(messagingSessions.acceptedAt)))
    .groupBy(messagingSessions.id)
    .all();
  const firstResponses: number[] = [];
  const handles: number[] = [];
  for (const row of rows) {
    if (!row.acceptedAt) continue;
    if (row.firstReplyAt) firstResponses.push(secondsBetween(row.acceptedAt, row.firstReplyAt));
    if (row.endedAt) handles.push(secondsBetween(row.acceptedAt, row.endedAt));
  }
  return {
    accepted: rows.length,
    unanswered: rows.length - firstResponses.length,
    averageFirstResponseSeconds: average(firstResponses),
    p90FirstResponseSeconds: percentile(firstResponses, 90),
    handled: handles.length,
    averageHandleSeconds: average(handles),
  };
}
