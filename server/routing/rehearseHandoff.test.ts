import { count } from 'drizzle-orm';
import { describe, expect, it } from 'vitest';
import { agentStates, routingDecisions, workItems } from '../db/schema';
import { type RoutingWorld, useRoutingWorld } from '../testing/routingWorld';
import type { Handoff } from './handoff';
import { rehearseHandoff } from './rehearseHandoff';

const toOrders = (minLevel = 1): Handoff => ({
  queue: 'Orders',
  skills: [{ skill: 'orders', minLevel }],
  priority: 3,
  details: {},
  said: [],
});

/** Rows routing writes: a rehearsal must leave every one of them as it was. */
function footprint(world: RoutingWorld) {
  const rows = (table: typeof workItems | typeof routingDecisions) =>
    world.db.select({ n: count() }).from(table).get()?.n;
  return {
    items: rows(workItems),
    decisions: rows(routingDecisions),
    agents: world.db.select().from(agentStates).all(),
  };
}

describe('rehearsing a hand-off', () => {
  const open = useRoutingWorld();

  it('names the agent who would be offered the customer now, and writes nothing', async () => {
    const world = await open();
    world.online('alice');
    const before = footprint(world);

    const rehearsal = rehearseHandoff(world.db, world.orgId, toOrders(), new Date(world.now));

    expect(rehearsal).toMatchObject({
      noAgent: null,
      queue: { name: 'Orders' },
      requiredSkills: [{ skill: 'orders', minLevel: 1 }],
      chosen: { name: 'Alice Agent' },
      waitingAhead: 0,
      waitingReason: '',
    });
    expect(rehearsal.considered[0]).toMatchObject({ name: 'Alice Agent', verdict: 'chosen' });
    expect(footprint(world)).toEqual(before);
  });

  it('says why the customer would wait, and how many wait ahead of them', async () => {
    const world = await open();
    await world.ask({ queue: 'Orders' });

    const rehearsal = rehearseHandoff(world.db, world.orgId, toOrders(), new Date(world.now));

    expect(rehearsal).toMatchObject({
      noAgent: null,
      chosen: null,
      waitingAhead: 1,
      waitingReason: 'No agent can take it: 1 not taking work.',
    });
    expect(rehearsal.considered).toEqual([
      expect.objectContaining({ name: 'Alice Agent', verdict: 'presence' }),
    ]);
  });

  it('gives the noAgent reason the bot would hear, in words', async () => {
    const world = await open();
    world.online('alice');

    expect(
      rehearseHandoff(
        world.db,
        world.orgId,
        { ...toOrders(), queue: 'Returns' },
        new Date(world.now),
      ).noAgent,
    ).toEqual({ reason: 'NO_QUEUE', explanation: 'This org has no queue named "Returns".' });
    expect(
      rehearseHandoff(world.db, world.orgId, toOrders(9), new Date(world.now)).noAgent,
    ).toEqual({
      reason: 'NO_CAPABLE_AGENT',
      explanation: 'No active member of Orders holds every required skill at its level.',
    });
  });
});
