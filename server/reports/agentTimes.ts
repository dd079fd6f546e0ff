import { and, isNotNull, sql } from 'drizzle-orm';
import type { Db } from '../db/client';
import { conversationEntries, messagingSessions } from '../db/schema';
import { conversationScope } from './conversationScope';
import type { ReportFilters } from './reportFilters';

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

interface Totals {
  accepted: number;
  answered: number;
  firstResponseMs: number | null;
  p90FirstResponseMs: number | null;
  handled: number;
  handleMs: number | null;
}

/**
 * First response (accept → the agent's first message) and handle time (accept → end), in one
 * pass of the database: each accepted conversation finds its first agent message with one seek
 * in the agents' partial index, and the p90 is exact, the nearest rank among the sorted times
 * (rank ⌈0.9·n⌉, written (9n + 9) / 10 in integers).
 */
export function agentTimes(db: Db, orgId: string, filters: ReportFilters): AgentTimes {
  const e = conversationEntries;
  const s = messagingSessions;
  const firstReply = sql`(select min(${e.createdAt}) from ${e}
    where ${e.sessionId} = ${s.id} and ${e.actorType} = 'agent'
      and ${e.entryType} in (${sql.join(
        AGENT_MESSAGE_TYPES.map((type) => sql`${type}`),
        sql`, `,
      )})
      and ${e.createdAt} >= ${s.acceptedAt})`;
  const times = sql`(select ${firstReply} - ${s.acceptedAt} as first_response,
      ${s.endedAt} - ${s.acceptedAt} as handle
    from ${s} where ${and(conversationScope(db, orgId, filters), isNotNull(s.acceptedAt))})`;
  const ranked = sql`(select first_response, handle,
      row_number() over (partition by first_response is null order by first_response) as nth,
      count(first_response) over () as answered
    from ${times})`;
  const totals = db.get<Totals>(sql`select
      count(*) as accepted,
      count(first_response) as answered,
      sum(first_response) as firstResponseMs,
      max(case when first_response is not null and nth = (9 * answered + 9) / 10
        then first_response end) as p90FirstResponseMs,
      count(handle) as handled,
      sum(handle) as handleMs
    from ${ranked}`);
  const seconds = (totalMs: number | null, n: number) =>
    n === 0 || totalMs === null ? null : totalMs / n / 1000;
  return {
    accepted: totals.accepted,
    unanswered: totals.accepted - totals.answered,
    averageFirstResponseSeconds: seconds(totals.firstResponseMs, totals.answered),
    p90FirstResponseSeconds:
      totals.p90FirstResponseMs === null ? null : totals.p90FirstResponseMs / 1000,
    handled: totals.handled,
    averageHandleSeconds: seconds(totals.handleMs, totals.handled),
  };
}
