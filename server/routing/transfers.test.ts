import { describe, expect, it } from 'vitest';
import { useRoutingWorld } from '../testing/routingWorld';

// The demo org: Alice in Orders (orders 7), Bob in Accounts (accounts 7), both offline with
// capacity 3.
describe('after an item is taken', () => {
  const open = useRoutingWorld();

  it('transfers to an agent: offered to them, the first agent’s room freed, the customer waiting meanwhile', async () => {
    const world = await open();
    world.online('alice', 'bob');
    const { sessionId, itemId } = await world.ask({ queue: 'Orders' });
    world.accept('alice', itemId);
    world.router.transferToAgent(world.orgId, itemId, world.agentId('bob'), world.agentId('alice'));
    expect(world.holder(itemId)).toBe('offered to bob');
    expect(world.agent('alice').load).toBe(0);
    expect(world.agent('bob').load).toBe(1);
    expect(world.session(sessionId)).toMatchObject({ status: 'waiting', agentId: null });
    expect(world.staffEvents.at(-1)).toEqual({
      orgId: world.orgId,
      agentIds: [world.agentId('bob'), world.agentId('alice')],
      offer: { workItemId: itemId },
    });
    expect(world.decisions(itemId).at(-1)).toMatchObject({
      event: 'transferred',
      agentId: world.agentId('bob'),
      actorId: world.agentId('alice'),
      reason: 'transferred to Bob Agent',
    });

    world.accept('bob', itemId);
    expect(world.session(sessionId)).toMatchObject({
      status: 'active',
      agentId: world.agentId('bob'),
    });
    expect(world.customerSees(sessionId).slice(1)).toEqual([
      'waiting → active (agent_joined)',
      'Alice Agent joined',
      'Alice Agent left',
      'active → waiting (transferred)',
      'waiting → active (agent_joined)',
      'Bob Agent joined',
    ]);
  });

  it('refuses a transfer to an agent who cannot take it, and leaves the conversation where it was', async () => {
    const world = await open();
    world.online('alice');
    const { sessionId, itemId } = await world.ask({ queue: 'Orders' });
    world.accept('alice', itemId);
    expect(() =>
      world.router.transferToAgent(
        world.orgId,
        itemId,
        world.agentId('bob'),
        world.agentId('alice'),
      ),
    ).toThrow(/Bob Agent cannot take it now/);
    expect(world.holder(itemId)).toBe('accepted by alice');
    expect(world.agent('alice').load).toBe(1);
    expect(world.session(sessionId).status).toBe('active');
  });

  it('transfers to a queue, where the item keeps its place by when the customer first asked', async () => {
    const world = await open();
    world.setCapacity('bob', 1);
    world.online('alice');
    const before = await world.ask({ queue: 'Accounts' });
    world.advance(1);
    const moved = await world.ask({ queue: 'Orders' });
    world.accept('alice', moved.itemId);
    world.advance(1);
    const after = await world.ask({ queue: 'Accounts' });
    world.advance(10);
    world.router.transferToQueue(
      world.orgId,
      moved.itemId,
      world.queueId('Accounts'),
      world.agentId('alice'),
    );
    expect(world.holder(moved.itemId)).toBe('queued');
    expect(world.agent('alice').load).toBe(0);
    expect(world.customerSees(moved.sessionId).slice(-3)).toEqual([
      'Alice Agent left',
      'active → waiting (transferred)',
      'position 2, about 600 s',
    ]);

    world.online('bob');
    const served: string[] = [];
    for (const next of [before, moved, after]) {
      served.push(world.holder(next.itemId));
      world.accept('bob', next.itemId);
      await world.end(next.sessionId);
    }
    expect(served).toEqual(['offered to bob', 'offered to bob', 'offered to bob']);
  });

  it('hands an agent’s open work back to routing when they go Offline', async () => {
    const world = await open();
    world.addAgent('carol', { queues: ['Orders'], skills: { orders: 7 } });
    world.setCapacity('alice', 5);
    world.online('alice', 'carol');
    const accepted = await world.ask({ queue: 'Orders' });
    world.accept('alice', accepted.itemId);
    const offered = await world.ask({ queue: 'Orders' });
    expect(world.holder(offered.itemId)).toBe('offered to alice');

    world.presence('alice', 'offline');
    expect(world.holder(accepted.itemId)).toBe('offered to carol');
    expect(world.holder(offered.itemId)).toBe('offered to carol');
    expect(world.agent('alice').load).toBe(0);
    expect(world.session(accepted.sessionId).status).toBe('waiting');
    expect(world.customerSees(accepted.sessionId).slice(-2)).toEqual([
      'Alice Agent left',
      'active → waiting (agent_offline)',
    ]);
    expect(world.decisions(accepted.itemId).at(-2)).toMatchObject({
      event: 'rerouted',
      agentId: world.agentId('alice'),
      reason: 'the agent went offline',
    });
  });

  it('leaves an agent’s work with them on going Offline when the org turns that off', async () => {
    const world = await open();
    world.settings({ rerouteOnOffline: false });
    world.online('alice');
    const { itemId } = await world.ask({ queue: 'Orders' });
    world.accept('alice', itemId);
    world.presence('alice', 'offline');
    expect(world.holder(itemId)).toBe('accepted by alice');
    expect(world.agent('alice').load).toBe(1);
  });

  it('frees the agent’s room when the customer ends the conversation, and the next customer gets it', async () => {
    const world = await open();
    world.setCapacity('alice', 1);
    world.online('alice');
    const first = await world.ask({ queue: 'Orders' });
    const second = await world.ask({ queue: 'Orders' });
    world.accept('alice', first.itemId);
    expect(world.holder(second.itemId)).toBe('queued');

    await world.end(first.sessionId);
    expect(world.item(first.itemId)).toMatchObject({
      status: 'completed',
      completedAt: new Date(world.now),
    });
    expect(world.holder(second.itemId)).toBe('offered to alice');
    expect(world.agent('alice').load).toBe(1);

    await world.end(second.sessionId);
    expect(world.item(second.itemId).status).toBe('cancelled');
    expect(world.agent('alice').load).toBe(0);
  });
});

describe('queue positions', () => {
  const open = useRoutingWorld();

  it('tells each waiting customer their place when it changes, at most once every 5 seconds', async () => {
    const world = await open();
    world.setCapacity('alice', 1);
    const customers: { sessionId: string; itemId: string }[] = [];
    for (let i = 0; i < 3; i++) customers.push(await world.ask({ queue: 'Orders' }));
    const positions = () =>
      customers.map(({ sessionId }) =>
        world.customerSees(sessionId).filter((line) => line.startsWith('position')),
      );
    expect(positions()).toEqual([
      ['position 1, about 300 s'],
      ['position 2, about 600 s'],
      ['position 3, about 900 s'],
    ]);

    world.advance(2);
    world.online('alice');
    // The line moved, but the others heard their place 2 s ago.
    expect(world.holder(customers[0]?.itemId ?? '')).toBe('offered to alice');
    expect(positions().map((told) => told.length)).toEqual([1, 1, 1]);
    world.later(2);
    expect(positions().map((told) => told.length)).toEqual([1, 1, 1]);
    world.later(1);
    expect(positions()).toEqual([
      ['position 1, about 300 s'],
      ['position 2, about 600 s', 'position 1, about 300 s'],
      ['position 3, about 900 s', 'position 2, about 600 s'],
    ]);
    // Nothing changes: nothing more is said.
    world.later(10);
    expect(positions().map((told) => told.length)).toEqual([1, 2, 2]);
  });
});
