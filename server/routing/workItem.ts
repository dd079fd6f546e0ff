import type { Db } from '../db/client';
import type { workItems } from '../db/schema';

export type WorkItem = typeof workItems.$inferSelect;

/** Runs `work` in one transaction (a savepoint inside an outer one): all of it or none. */
export function atomically<T>(db: Db, work: () => T): T {
  return db.$client.transaction(work)();
}

/** Thrown inside `atomically` to undo a write whose second half lost a race. */
export class ClaimLost extends Error {}
