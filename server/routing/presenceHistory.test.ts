import { asc, eq } from 'drizzle-orm';
import { describe, expect, it } from 'vitest';
import { agentPresenceChanges, agentStates, presenceStatuses } from '../db/schema';
import { createPresenceStatus, updatePresenceStatus } from '../routingConfig/presenceStatuses';
import { routingOrg } from '../testing/routingConfigFixtures';
import { useRoutingWorld, WORLD_START } from '../testing/routingWorld';
import { useTestDb } from '../testing/testDb';

// Every path that changes an agent's presence leaves a row in the history, stamped with the
// moment of the change, so reports can add up the time spent in each status.
describe('presence history', () => {
  const open = useRoutingWorld();
  const openDb = useTestDb();

  function historyOf(db: Parameters<typeof updatePresenceStatus>[0], userId: string) {
    return db
      .select({
        presence: agentPresenceChanges.presence,
        presenceStatusId: agentPresenceChanges.presenceStatusId,
        at: agentPresenceChanges.at,
      })
      .from(agentPresenceChanges)
      .where(eq(agentPresenceChanges.userId, userId))
      .orderBy(asc(agentPresenceChanges.at))
      .all()
      .map((row) => ({ ...row, secondsIn: (row.at.getTime() - WORLD_START) / 1000 }));
  }

  it('records the agent’s own changes and a supervisor’s, built-in or custom', async () => {
    const world = await open();
    const alice = world.agentId('alice');
    world.online('alice');
    world.advance(90);
    world.router.setPresence(world.orgId, alice, { presence: 'busy' }, world.agentId('bob'));
    world.advance(30);
    const coaching = world.db
      .insert(presenceStatuses)
      .values({ orgId: world.orgId, name: 'Coaching', takesWork: false })
      .returning()
      .get();
    world.router.setPresence(world.orgId, alice, { statusId: coaching.id }, alice);
    world.advance(600);
    world.presence('alice', 'offline');
    expect(
      historyOf(world.db, alice).map(({ presence, presenceStatusId, secondsIn }) => [
        presence,
        presenceStatusId,
        secondsIn,
      ]),
    ).toEqual([
      ['online', null, 0],
      ['busy', null, 90],
      ['busy', coaching.id, 120],
      ['offline', null, 720],
    ]);
  });

  it('records the sweep setting Away an agent whose console has gone', async () => {
    const world = await open();
    const alice = world.agentId('alice');
    world.online('alice');
    world.router.consoleSeen(alice);
    world.later(60);
    expect(
      historyOf(world.db, alice).map(({ presence, secondsIn }) => [presence, secondsIn]),
    ).toEqual([
      ['online', 0],
      ['away', 60],
    ]);
  });

  it('records Away after the org’s number of missed offers', async () => {
    const world = await open();
    world.settings({ autoAwayAfterMissedOffers: 1 });
    world.online('alice');
    await world.ask({ queue: 'Orders' });
    world.later(30);
    expect(world.agent('alice').presence).toBe('away');
    expect(
      historyOf(world.db, world.agentId('alice')).map(({ presence, secondsIn }) => [
        presence,
        secondsIn,
      ]),
    ).toEqual([
      ['online', 0],
      ['away', 30],
    ]);
  });

  it('records agents in a custom status when it starts or stops taking work, not on a rename', async () => {
    const db = openDb();
    const { org, admin, alice, bob } = await routingOrg(db, 'acme');
    const lunch = createPresenceStatus(db, admin, { name: 'Lunch', takesWork: false });
    db.insert(agentStates)
      .values({
        orgId: org.id,
        userId: alice.id,
        presence: 'busy',
        presenceStatusId: lunch.id,
        updatedAt: new Date(),
      })
      .run();
    updatePresenceStatus(db, admin, lunch.id, { name: 'Long lunch', takesWork: false });
    expect(historyOf(db, alice.id)).toEqual([]);
    updatePresenceStatus(db, admin, lunch.id, { name: 'Long lunch', takesWork: true });
    expect(
      historyOf(db, alice.id).map(({ presence, presenceStatusId }) => [presence, presenceStatusId]),
    ).toEqual([['online', lunch.id]]);
    expect(historyOf(db, bob.id)).toEqual([]);
  });
});
