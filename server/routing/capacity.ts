import { and, eq, sql } from 'drizzle-orm';
import type { Db } from '../db/client';
import { agentStates } from '../db/schema';

/**
 * Takes `size` units of an online agent's capacity, or nothing: one conditional write, so two
 * routing passes (or two processes) can never fill the same room twice.
 */
export function claimCapacity(db: Db, agentId: string, size: number, at: Date): boolean {
  const row = db
    .update(agentStates)
    .set({ load: sql`${agentStates.load} + ${size}`, lastAssignedAt: at })
    .where(
      and(
        eq(agentStates.userId, agentId),
        eq(agentStates.presence, 'online'),
        sql`${agentStates.load} + ${size} <= ${agentStates.capacity}`,
      ),
    )
    .returning({ userId: agentStates.userId })
    .get();
  return row !== undefined;
}

/** Gives back what an item held. Goes with the item's own conditional write, in its transaction. */
export function releaseCapacity(db: Db, agentId: string, size: number) {
  db.update(agentStates)
    .set({ load: sql`${agentStates.load} - ${size}` })
    .where(eq(agentStates.userId, agentId))
    .run();
}
