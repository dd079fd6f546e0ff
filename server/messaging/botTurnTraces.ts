import type { Db } from '../db/client';
import { perConnection } from '../db/perConnection';
import { newId } from '../db/schema/columns';
import type { BotTurnOutcome, SessionRow } from './botTurns';

/** One bot turn's trace as it will be stored: the JSON and the status the turn ended in. */
export interface TurnTraceJson {
  status: BotTurnOutcome['status'];
  trace: string;
}

interface TraceRowParams {
  id: string;
  orgId: string;
  sessionId: string;
  botVersionId: string | null;
  status: BotTurnOutcome['status'];
  trace: string;
  createdAt: number;
}

/**
 * Stores a bot turn's trace. Call it inside the write that commits the turn's entries, so a
 * trace exists exactly when its turn does. `trace` is the JSON text, serialized before the
 * write so the shared transaction is not held for it.
 */
export function saveBotTurnTrace(
  db: Db,
  session: SessionRow,
  status: BotTurnOutcome['status'],
  trace: string,
  createdAt: number,
) {
  insertStatementFor(db).run({
    id: newId(),
    orgId: session.orgId,
    sessionId: session.id,
    botVersionId: session.botVersionId,
    status,
    trace,
    createdAt,
  });
}

// Prepared once per connection and numbering the turn in the same statement: every bot turn
// runs it, and a query builder call or a separate count would cost more than the insert.
const insertStatementFor = perConnection(prepareInsert);

function prepareInsert(db: Db) {
  return db.$client.prepare<TraceRowParams>(
    `insert into bot_turn_traces
       (id, org_id, session_id, turn, bot_version_id, status, trace, created_at)
     values (
       @id, @orgId, @sessionId,
       (select coalesce(max(turn), 0) + 1 from bot_turn_traces where session_id = @sessionId),
       @botVersionId, @status, @trace, @createdAt
     )`,
  );
}
