import { eq, inArray } from 'drizzle-orm';
import { openDatabase } from '../db/client';
import { messagingSessions, workItems } from '../db/schema';
import { DomainError } from '../errors';
import { EventHub } from '../messaging/eventHub';
import { SessionHandoverEntries } from '../messaging/sessionHandoverEntries';
import { Router } from '../routing/router';
import { StaffEvents } from '../routing/staffEvents';
import { atomically } from '../routing/workItem';
import { closeSessionItems, holdersOf } from '../routing/workItemMoves';

/**
 * One Parley process of the race test (`node --import tsx routingRacer.ts '{json}'`): its own
 * connection and router on the shared file, sweeping, answering every offer it sees (mostly
 * yes) and ending conversations, as fast as it can while another process does the same. It
 * prints how many of its moves were refused because the other got there first.
 */
const { file, orgId, rounds, seed, startAt } = JSON.parse(process.argv[2] ?? '{}') as {
  file: string;
  orgId: string;
  rounds: number;
  seed: number;
  /** Epoch ms both racers begin at, so a slow start on a busy machine still makes a race. */
  startAt: number;
};
const db = openDatabase(file);
db.$client.pragma('synchronous = OFF');
const router = new Router({
  db,
  handover: new SessionHandoverEntries(new EventHub()),
  staffEvents: new StaffEvents(),
});

// A small deterministic generator: each worker answers differently, the same way every run.
let state = seed;
const random = () => {
  state = (state * 1103515245 + 12345) % 2 ** 31;
  return state / 2 ** 31;
};

let refused = 0;
const attempt = (move: () => void) => {
  try {
    move();
  } catch (error) {
    if (!(error instanceof DomainError)) throw error;
    refused += 1;
  }
};

await new Promise((resolve) => setTimeout(resolve, Math.max(0, startAt - Date.now())));
for (let round = 0; round < rounds; round++) {
  router.tick();
  const open = db
    .select()
    .from(workItems)
    .where(inArray(workItems.status, ['offered', 'accepted']))
    .all();
  for (const item of open) {
    const roll = random();
    if (item.status === 'offered' && item.offeredTo) {
      const agentId = item.offeredTo;
      if (roll < 0.8) attempt(() => router.accept(orgId, item.id, agentId));
      else attempt(() => router.decline(orgId, item.id, agentId, 'racing'));
    } else if (roll < 0.3) {
      // The customer ends it, as ConversationLifecycle.end does, then routing hears of it.
      const closed = atomically(db, () => {
        db.update(messagingSessions)
          .set({ status: 'ended', endedAt: new Date(), endedBy: 'customer' })
          .where(eq(messagingSessions.id, item.sessionId))
          .run();
        return closeSessionItems(db, item.sessionId, new Date());
      });
      router.closed(orgId, holdersOf(closed));
    }
  }
}
db.$client.close();
console.log(JSON.stringify({ refused }));
