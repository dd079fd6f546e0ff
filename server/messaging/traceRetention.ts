import { rolledUpUntilMs, rollUpClosedDays } from '../bots/traceRollups';
import type { Db } from '../db/client';
import { orgs } from '../db/schema';

const DAY_MS = 24 * 60 * 60_000;
const PRUNE_EVERY_MS = 60 * 60_000;
/** Rows per delete: short statements, so customer messages get the write lock in between. */
const PRUNE_BATCH = 2_000;

/**
 * Deletes bot-turn traces stored before `before` (ms since the epoch, or per org; null keeps
 * the org's); returns how many. One org at a time, so the (org, created) index finds them, and
 * a batch at a time with a pause between batches, so a large backlog never holds up a
 * conversation.
 */
export async function pruneBotTurnTraces(
  db: Db,
  before: number | ((orgId: string) => number | null),
  batchSize = PRUNE_BATCH,
): Promise<number> {
  const deleteBatch = db.$client.prepare<[string, number, number]>(
    `delete from bot_turn_traces where rowid in (
       select rowid from bot_turn_traces where org_id = ? and created_at < ? limit ?
     )`,
  );
  let deleted = 0;
  for (const { id } of db.select({ id: orgs.id }).from(orgs).all()) {
    const cutoff = typeof before === 'number' ? before : before(id);
    if (cutoff === null) continue;
    for (;;) {
      const { changes } = deleteBatch.run(id, cutoff, batchSize);
      deleted += changes;
      if (changes < batchSize) break;
      await new Promise((resolve) => setImmediate(resolve));
    }
  }
  return deleted;
}

/**
 * Rolls up every org's closed days for the studio's canvas overlay (`rollUpClosedDays`), then
 * deletes the traces older than `retentionDays`, but never those of a day not rolled up yet, so
 * the overlay's counts outlive the traces. An org whose roll-up failed keeps its traces until
 * the next run. Returns how many traces were deleted.
 */
export async function rollUpAndPruneTraces(db: Db, retentionDays: number, now = Date.now()) {
  const cutoffs = new Map<string, number | null>();
  for (const { id } of db.select({ id: orgs.id }).from(orgs).all()) {
    try {
      await rollUpClosedDays(db, id, now);
      const rolledUntil = rolledUpUntilMs(db, id);
      cutoffs.set(
        id,
        rolledUntil === null ? null : Math.min(now - retentionDays * DAY_MS, rolledUntil),
      );
    } catch (error) {
      console.error('Rolling up bot turn traces failed:', error);
      cutoffs.set(id, null);
    }
  }
  return pruneBotTurnTraces(db, (orgId) => cutoffs.get(orgId) ?? null);
}

/**
 * Keeps `retentionDays` of traces: rolls up and prunes now and then every hour. Returns the
 * stop function. Traces are for analysing recent behaviour; at a few kilobytes per bot turn
 * they would otherwise outgrow the conversations themselves.
 */
export function keepTracesFor(db: Db, retentionDays: number, now: () => number = Date.now) {
  const prune = () => {
    rollUpAndPruneTraces(db, retentionDays, now()).catch((error: unknown) =>
      console.error('Pruning bot turn traces failed:', error),
    );
  };
  prune();
  const timer = setInterval(prune, PRUNE_EVERY_MS);
  timer.unref();
  return () => clearInterval(timer);
}
