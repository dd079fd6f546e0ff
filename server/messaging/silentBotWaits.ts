import { and, eq, gt, inArray, isNotNull, lt, max } from 'drizzle-orm';
import type { Db } from '../db/client';
import { conversationEntries, messagingSessions } from '../db/schema';
import type { BotTurnRunner, SessionRow } from './botTurns';

/** No node times out sooner, so sessions heard from more recently are not even looked at. */
const SHORTEST_SILENCE_MS = 60_000;

/**
 * Bot sessions waiting at a node that wants a `timeout` turn, where the customer has been
 * silent at least that long and no timeout turn has answered this wait yet. The silence runs
 * from the later of the customer's last activity and the bot's last entry, so a re-asked
 * question waits in full again.
 */
export function findSilentBotWaits(db: Db, bot: BotTurnRunner, now: number) {
  const candidates = db
    .select()
    .from(messagingSessions)
    .where(
      and(
        eq(messagingSessions.agentType, 'bot'),
        inArray(messagingSessions.status, ['new', 'inactive']),
        isNotNull(messagingSessions.botVersionId),
        lt(messagingSessions.lastCustomerActivityAt, new Date(now - SHORTEST_SILENCE_MS)),
      ),
    )
    .all();
  return candidates.flatMap((session) => {
    const timeout = bot.silenceTimeout(session);
    if (!timeout || timeout.wait === session.botTimedOutWait) return [];
    const silentSince = Math.max(
      session.lastCustomerActivityAt?.getTime() ?? 0,
      lastBotEntryAt(db, session.id),
    );
    return now - silentSince >= timeout.afterMs
      ? [{ sessionId: session.id, wait: timeout.wait }]
      : [];
  });
}

/**
 * Whether a timeout turn may still answer this wait: the bot still has the session, its state
 * is the one the turn ran on, the customer has said nothing the bot has not answered, and no
 * timeout turn has answered the wait before.
 */
export function isUnansweredWait(db: Db, ranOn: SessionRow, current: SessionRow, wait: number) {
  return (
    current.agentType === 'bot' &&
    (current.status === 'new' || current.status === 'inactive') &&
    current.botTimedOutWait !== wait &&
    JSON.stringify(current.botState) === JSON.stringify(ranOn.botState) &&
    !hasUnansweredCustomerEntry(db, current)
  );
}

/**
 * Marks the wait answered, inside the transaction that stores the timeout turn's entries, and
 * only if it still is unanswered: a crash before that commit leaves the wait to the next sweep,
 * and a wait is never answered twice.
 */
export function claimSilentWait(db: Db, ranOn: SessionRow, wait: number): boolean {
  const current = db
    .select()
    .from(messagingSessions)
    .where(eq(messagingSessions.id, ranOn.id))
    .get();
  if (!current || !isUnansweredWait(db, ranOn, current, wait)) return false;
  db.update(messagingSessions)
    .set({ botTimedOutWait: wait })
    .where(eq(messagingSessions.id, ranOn.id))
    .run();
  return true;
}

function lastBotEntryAt(db: Db, sessionId: string): number {
  const row = db
    .select({ at: max(conversationEntries.createdAt) })
    .from(conversationEntries)
    .where(
      and(eq(conversationEntries.sessionId, sessionId), eq(conversationEntries.actorType, 'bot')),
    )
    .get();
  return row?.at?.getTime() ?? 0;
}

function hasUnansweredCustomerEntry(db: Db, session: SessionRow): boolean {
  const entry = db
    .select({ seq: conversationEntries.seq })
    .from(conversationEntries)
    .where(
      and(
        eq(conversationEntries.sessionId, session.id),
        eq(conversationEntries.actorType, 'customer'),
        gt(conversationEntries.seq, session.botHandledSeq),
      ),
    )
    .get();
  return entry !== undefined;
}
