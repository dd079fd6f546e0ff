import { and, asc, count, eq, inArray, sql } from 'drizzle-orm';
import type { Db } from '../db/client';
import { messagingSessions, workItems } from '../db/schema';
import { conversationScope, workItemScope } from './conversationScope';
import type { ReportFilters } from './reportFilters';
import { byCountThenKey, ratio } from './stats';

export interface Deflection {
  conversations: number;
  /** Ended by the bot's own flow without ever asking for a person. */
  contained: number;
  /** Ended by the customer or by inactivity while only the bot had spoken with them. */
  abandonedInBot: number;
  deflectionRate: number | null;
  abandonedInBotRate: number | null;
}

/** How the bot-only conversations ended; see the `deflection_rate` definition. */
export function deflection(db: Db, orgId: string, filters: ReportFilters): Deflection {
  const botOnlyEnded = (endedBy: ('bot' | 'customer' | 'system')[]) =>
    sql<number>`coalesce(sum(case when ${and(
      eq(messagingSessions.agentType, 'bot'),
      eq(messagingSessions.status, 'ended'),
      inArray(messagingSessions.endedBy, endedBy),
    )} then 1 else 0 end), 0)`;
  const row = db
    .select({
      conversations: count(),
      contained: botOnlyEnded(['bot']),
      abandonedInBot: botOnlyEnded(['customer', 'system']),
    })
    .from(messagingSessions)
    .where(conversationScope(db, orgId, filters))
    .get() ?? { conversations: 0, contained: 0, abandonedInBot: 0 };
  const contained = Number(row.contained);
  const abandonedInBot = Number(row.abandonedInBot);
  return {
    conversations: row.conversations,
    contained,
    abandonedInBot,
    deflectionRate: ratio(contained, row.conversations),
    abandonedInBotRate: ratio(abandonedInBot, row.conversations),
  };
}

export interface EscalationGroup {
  /** The intent the bot last recognised, or the escalate node's id; null when there was none. */
  key: string | null;
  escalations: number;
  /** Out of all conversations in the report. */
  rate: number | null;
}

export interface Escalations {
  conversations: number;
  escalated: number;
  escalationRate: number | null;
  byIntent: EscalationGroup[];
  byNode: EscalationGroup[];
}

/**
 * Conversations handed to routing, and why: the first work item of each conversation carries
 * the hand-off the bot wrote (intent, escalate node).
 */
export function escalations(db: Db, orgId: string, filters: ReportFilters): Escalations {
  const scope = conversationScope(db, orgId, filters);
  const conversations =
    db.select({ n: count() }).from(messagingSessions).where(scope).get()?.n ?? 0;
  const items = db
    .select({ sessionId: workItems.sessionId, handoff: workItems.handoff })
    .from(workItems)
    .innerJoin(messagingSessions, eq(messagingSessions.id, workItems.sessionId))
    .where(and(scope, workItemScope(filters)))
    .orderBy(asc(workItems.sessionId), asc(workItems.askedAt), asc(workItems.id))
    .all();
  const firstHandoffs = new Map<string, Record<string, unknown>>();
  for (const item of items) {
    if (!firstHandoffs.has(item.sessionId)) firstHandoffs.set(item.sessionId, item.handoff);
  }
  const groupBy = (field: 'intent' | 'nodeId'): EscalationGroup[] => {
    const counts = new Map<string | null, number>();
    for (const handoff of firstHandoffs.values()) {
      const value = handoff[field];
      const key = typeof value === 'string' && value !== '' ? value : null;
      counts.set(key, (counts.get(key) ?? 0) + 1);
    }
    return [...counts]
      .map(([key, escalations]) => ({ key, escalations, rate: ratio(escalations, conversations) }))
      .sort(byCountThenKey((group) => group.escalations));
  };
  return {
    conversations,
    escalated: firstHandoffs.size,
    escalationRate: ratio(firstHandoffs.size, conversations),
    byIntent: groupBy('intent'),
    byNode: groupBy('nodeId'),
  };
}
