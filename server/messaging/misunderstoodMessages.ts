import type { Db } from '../db/client';
import { perConnection } from '../db/perConnection';
import { newId } from '../db/schema/columns';
import type { MisunderstoodTurn, SessionRow } from './botTurns';

interface InsertParams {
  id: string;
  orgId: string;
  botId: string;
  botVersionId: string;
  sessionId: string;
  seq: number | null;
  text: string;
  topIntent: string | null;
  score: number;
  createdAt: number;
}

/**
 * Keeps a message the bot did not understand for its designer. Call it inside the write that
 * commits the turn, so the item exists exactly when the turn does; only a misunderstood turn
 * pays for it, one insert. A turn replayed after a crash finds its row and adds none.
 */
export function saveMisunderstoodMessage(
  db: Db,
  session: SessionRow,
  turn: MisunderstoodTurn | undefined,
  seq: number | null,
  createdAt: number,
) {
  if (!turn || !session.botId || !session.botVersionId) return;
  insertStatementFor(db).run({
    id: newId(),
    orgId: session.orgId,
    botId: session.botId,
    botVersionId: session.botVersionId,
    sessionId: session.id,
    seq,
    text: turn.text,
    topIntent: turn.topIntent,
    score: turn.score,
    createdAt,
  });
}

// Prepared once per connection, like the trace insert beside it on the same path.
const insertStatementFor = perConnection(prepareInsert);

function prepareInsert(db: Db) {
  return db.$client.prepare<InsertParams>(
    `insert into misunderstood_messages
       (id, org_id, bot_id, bot_version_id, session_id, seq, text, top_intent, score, status,
        created_at)
     values (@id, @orgId, @botId, @botVersionId, @sessionId, @seq, @text, @topIntent, @score,
        'open', @createdAt)
     on conflict do nothing`,
  );
}
