import { and, asc, eq, gt, sql } from 'drizzle-orm';
import type { Db } from '../db/client';
import { perConnection } from '../db/perConnection';
import { conversationEntries, messagingSessions } from '../db/schema';

interface SaveBotTurnParams {
  id: string;
  /** JSON of the bot's state. */
  botState: string | null;
  /** Null keeps the stored value. */
  handledSeq: number | null;
  status: 'ended' | null;
  endedAt: number | null;
  endedBy: 'bot' | null;
}

/**
 * The statements every message runs, prepared once per connection: the query builder would
 * build and prepare each anew on every call, which cost more than the queries themselves.
 */
export const sessionStatementsFor = perConnection(prepare);

function prepare(db: Db) {
  return {
    byId: db
      .select()
      .from(messagingSessions)
      .where(eq(messagingSessions.id, sql.placeholder('id')))
      .prepare(),
    /** The oldest customer entry the bot has not answered. */
    pendingCustomerEntry: db
      .select()
      .from(conversationEntries)
      .where(
        and(
          eq(conversationEntries.sessionId, sql.placeholder('sessionId')),
          eq(conversationEntries.actorType, 'customer'),
          gt(conversationEntries.seq, sql.placeholder('afterSeq')),
        ),
      )
      .orderBy(asc(conversationEntries.seq))
      .limit(1)
      .prepare(),
    touchCustomerActivity: db.$client.prepare<{ id: string; at: number }>(
      'update messaging_sessions set last_customer_activity_at = @at where id = @id',
    ),
    saveBotTurn: db.$client.prepare<SaveBotTurnParams>(
      `update messaging_sessions set
         bot_state = @botState,
         bot_handled_seq = coalesce(@handledSeq, bot_handled_seq),
         status = coalesce(@status, status),
         ended_at = coalesce(@endedAt, ended_at),
         ended_by = coalesce(@endedBy, ended_by)
       where id = @id`,
    ),
  };
}
