import type { Db } from '../db/client';
import { agentPresenceChanges, type Presence } from '../db/schema';

export interface PresenceChange {
  orgId: string;
  userId: string;
  presence: Presence;
  presenceStatusId: string | null;
  at: Date;
}

/**
 * Appends presence changes to the history reports read. Call it inside the transaction that
 * writes `agent_states`, so the history never disagrees with the presence routing acted on.
 */
export function recordPresenceChanges(db: Db, changes: PresenceChange[]) {
  if (changes.length === 0) return;
  db.insert(agentPresenceChanges).values(changes).run();
}
