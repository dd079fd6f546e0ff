import { and, desc, eq, lt } from 'drizzle-orm';
import type { TurnTrace } from '../../bot-runtime/engine';
import type { Db } from '../db/client';
import { botTurnTraces } from '../db/schema';

export interface SessionTracePage {
  /** Newest turn first. */
  traces: {
    id: string;
    turn: number;
    botVersionId: string;
    status: (typeof botTurnTraces.$inferSelect)['status'];
    createdAt: Date;
    trace: TurnTrace;
  }[];
  /** Pass as `before` for the next, older page; null when there is none. */
  nextBefore: number | null;
}

const MAX_PAGE = 100;

/**
 * The stored traces of one customer session's bot turns, a page at a time going back from
 * `before` (a turn number). Scoped by org: another org's session reads as having none.
 */
export function listSessionTraces(
  db: Db,
  orgId: string,
  sessionId: string,
  options: { limit?: number; before?: number } = {},
): SessionTracePage {
  const limit = Math.min(Math.max(Math.trunc(options.limit ?? 20), 1), MAX_PAGE);
  const rows = db
    .select({
      id: botTurnTraces.id,
      turn: botTurnTraces.turn,
      botVersionId: botTurnTraces.botVersionId,
      status: botTurnTraces.status,
      createdAt: botTurnTraces.createdAt,
      trace: botTurnTraces.trace,
    })
    .from(botTurnTraces)
    .where(
      and(
        eq(botTurnTraces.orgId, orgId),
        eq(botTurnTraces.sessionId, sessionId),
        options.before === undefined ? undefined : lt(botTurnTraces.turn, options.before),
      ),
    )
    .orderBy(desc(botTurnTraces.turn))
    .limit(limit + 1)
    .all();
  const page = rows.slice(0, limit);
  return {
    // Written only from engine results, so the stored JSON is a TurnTrace.
    traces: page.map((row) => ({ ...row, trace: row.trace as TurnTrace })),
    nextBefore: rows.length > limit ? (page[page.length - 1]?.turn ?? null) : null,
  };
}
