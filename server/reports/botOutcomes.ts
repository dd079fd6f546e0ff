import { and, count, eq, inArray, notExists, sql } from 'drizzle-orm';
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
      // An agent's hand-back sets agent_type to 'bot' again; the work item remembers the person.
      notExists(
        db
          .select({ one: sql`1` })
          .from(workItems)
          .where(eq(workItems.sessionId, messagingSessions.id)),
      ),
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
 * the hand-off the bot wrote (intent, escalate node). The database picks each conversation's
 * first item and counts them per (intent, node) pair; the two lists are summed from those pairs.
 */
export function escalations(db: Db, orgId: string, filters: ReportFilters): Escalations {
  const scope = conversationScope(db, orgId, filters);
  const conversations =
    db.select({ n: count() }).from(messagingSessions).where(scope).get()?.n ?? 0;
  const order = sql`row_number() over (partition by ${workItems.sessionId} order by ${workItems.askedAt}, ${workItems.id})`;
  const items = db
    .select({ handoff: sql<string>`${workItems.handoff}`.as('handoff'), order: order.as('nth') })
    .from(workItems)
    .innerJoin(messagingSessions, eq(messagingSessions.id, workItems.sessionId))
    .where(and(scope, workItemScope(filters)))
    .as('items');
  // A key is a non-empty string in the hand-off; anything else counts as "none".
  const keyOf = (field: string) =>
    sql<string | null>`case when json_type(${items.handoff}, ${`$.${field}`}) = 'text'
      and json_extract(${items.handoff}, ${`$.${field}`}) <> ''
      then json_extract(${items.handoff}, ${`$.${field}`}) end`;
  const pairs = db
    .select({ intent: keyOf('intent'), nodeId: keyOf('nodeId'), escalations: count() })
    .from(items)
    .where(eq(items.order, 1))
    .groupBy(sql`1`, sql`2`)
    .all();
  const escalated = pairs.reduce((sum, pair) => sum + pair.escalations, 0);
  const groupBy = (field: 'intent' | 'nodeId'): EscalationGroup[] => {
    const counts = new Map<string | null, number>();
    for (const pair of pairs)
      counts.set(pair[field], (counts.get(pair[field]) ?? 0) + pair.escalations);
    return [...counts]
      .map(([key, escalations]) => ({ key, escalations, rate: ratio(escalations, conversations) }))
      .sort(byCountThenKey((group) => group.escalations));
  };
  return {
    conversations,
    escalated,
    escalationRate: ratio(escalated, conversations),
    byIntent: groupBy('intent'),
    byNode: groupBy('nodeId'),
  };
}
