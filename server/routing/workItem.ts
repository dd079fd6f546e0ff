import type { Db } from '../db/client';
import type { workItems } from '../db/schema';

export type WorkItem = typeof workItems.$inferSelect;

/**
 * Runs `work` in one transaction (a savepoint inside an outer one): all of it or none. It takes
 * the write lock as it begins: a transaction that reads first and writes later cannot wait for
 * another process's write to finish (SQLite answers SQLITE_BUSY at once, since its reads may be
 * stale), whereas one that begins by asking for the lock waits its turn.
 */
export function atomically<T>(db: Db, work: () => T): T {
  return db.$client.transaction(work).immediate();
}

/** Thrown inside `atomically` to undo a write whose second half lost a race. */
export class ClaimLost extends Error {}
