import { describe, expect, it } from 'vitest';
import { useRoutingWorld } from '../testing/routingWorld';

// The demo org: Alice in Orders (orders 7), Bob in Accounts (accounts 7), both offline with
// capacity 3. Every timer is a due-at column the tick sweeps, so the tests move the clock.
describe('routing timers', () => {
  const open = useRoutingWorld();

  it('lets the overflow queue’s agents take an item once it has waited past the overflow time', async () => {
    const world = await open();
    world.setQueue('Orders', {
      overflowAfterSeconds: 60,
      overflowQueueId: world.queueId('Accounts'),
    });
    world.online('bob');
    const { itemId } = await world.ask({ queue: 'Orders' });
    expect(world.holder(itemId)).toBe('queued');
    world.later(59);
    expect(world.holder(itemId)).toBe('queued');
    world.later(1);
    expect(world.holder(itemId)).toBe('offered to bob');
    expect(world.decisions(itemId).map(({ event }) => event)).toEqual([
      'queued',
      'waiting',
      'overflowed',
      'offered',
    ]);
  });

  it('still needs the item’s skills from the overflow queue’s agents', async () => {
    const world = await open();
    world.setQueue('Orders', {
      overflowAfterSeconds: 60,
      overflowQueueId: world.queueId('Accounts'),
    });
    world.online('bob');
    const { itemId } = await world.ask({
      queue: 'Orders',
      skills: [{ skill: 'orders', minLevel: 1 }],
    });
    world.later(60);
    expect(world.holder(itemId)).toBe('queued');
    expect(world.item(itemId).waitingReason).toBe(
      'No agent can take it: 1 not taking work, 1 missing a required skill.',
    );
  });

  it('overflows an item whose overflow time came while it was offered, once the offer comes back', async () => {
    const world = await open();
    world.setQueue('Orders', {
      overflowAfterSeconds: 20,
      overflowQueueId: world.queueId('Accounts'),
    });
    world.online('alice', 'bob');
    const { itemId } = await world.ask({ queue: 'Orders' });
    expect(world.holder(itemId)).toBe('offered to alice');
    world.later(20);
    world.later(10);
    expect(world.holder(itemId)).toBe('offered to bob');
  });

  it('waits for an agent holding the queue’s optional skills while its wait lasts, then lets the model choose', async () => {
    const world = await open();
    world.setQueue('Orders', {
      optionalSkills: [{ skill: 'vip', minLevel: 1 }],
      optionalSkillsWaitSeconds: 60,
    });
    world.addAgent('carol', { queues: ['Orders'], skills: { orders: 7, vip: 2 }, capacity: 2 });
    world.online('alice', 'carol');
    // Alice has more room, but Carol holds the optional skill.
    const early = await world.ask({ queue: 'Orders' });
    expect(world.holder(early.itemId)).toBe('offered to carol');
    expect(world.decisions(early.itemId).at(-1)?.considered).toEqual([
      expect.objectContaining({
        name: 'Carol Agent',
        verdict: 'chosen',
        detail: '2 of 2 free, no assignment yet, holds the optional skills',
      }),
      expect.objectContaining({
        name: 'Alice Agent',
        verdict: 'optional_skill',
        detail: expect.stringMatching(/^lacks vip 1, which it waits for until /),
      }),
    ]);

    // With only Alice free, the next customer waits for a holder rather than going to her.
    world.presence('carol', 'busy');
    const late = await world.ask({ queue: 'Orders' });
    world.later(59);
    expect(world.holder(late.itemId)).toBe('queued');
    expect(world.item(late.itemId).waitingReason).toBe(
      'No agent can take it: 1 not taking work, 1 without the optional skills it still waits for.',
    );
    world.later(1);
    expect(world.decisions(late.itemId).map(({ event }) => event)).toContain(
      'optional_skills_dropped',
    );
    expect(world.holder(late.itemId)).toBe('offered to alice');
  });

  it('gives an accepted item to someone else when its agent has not answered in time', async () => {
    const world = await open();
    world.settings({ noReplyReassignSeconds: 120 });
    world.addAgent('carol', { queues: ['Orders'], skills: { orders: 7 }, capacity: 2 });
    world.online('alice', 'carol');
    const { sessionId, itemId } = await world.ask({ queue: 'Orders' });
    world.accept('alice', itemId);
    world.later(119);
    expect(world.holder(itemId)).toBe('accepted by alice');
    world.later(1);
    expect(world.holder(itemId)).toBe('offered to carol');
    expect(world.agent('alice').load).toBe(0);
    expect(world.session(sessionId)).toMatchObject({ status: 'waiting', agentId: null });
    expect(world.customerSees(sessionId).slice(-2)).toEqual([
      'Alice Agent left',
      'active → waiting (no_reply)',
    ]);
    expect(world.decisions(itemId).at(-2)).toMatchObject({
      event: 'rerouted',
      agentId: world.agentId('alice'),
      reason: 'the agent did not answer in time after accepting',
    });
  });

  it('leaves an accepted item with its agent however long they take, unless the org says otherwise', async () => {
    const world = await open();
    world.online('alice');
    const { itemId } = await world.ask({ queue: 'Orders' });
    world.accept('alice', itemId);
    world.later(24 * 60 * 60);
    expect(world.holder(itemId)).toBe('accepted by alice');
  });

  it('refuses an accept that comes after the offer’s time, even before the sweep has run', async () => {
    const world = await open();
    world.online('alice');
    const { itemId } = await world.ask({ queue: 'Orders' });
    world.advance(31);
    expect(() => world.accept('alice', itemId)).toThrow(/no longer yours/);
    world.router.tick();
    expect(world.agent('alice').missedOffers).toBe(1);
  });

  it('resumes an offer across a restart: it moves on once it is due, as if nothing had stopped', async () => {
    const world = await open();
    world.addAgent('carol', { queues: ['Orders'], skills: { orders: 7 }, capacity: 2 });
    world.online('alice', 'carol');
    const kept = await world.ask({ queue: 'Orders' });
    const lapsed = await world.ask({ queue: 'Orders' });
    expect(world.holder(kept.itemId)).toBe('offered to alice');
    expect(world.holder(lapsed.itemId)).toBe('offered to carol');

    world.advance(10);
    await world.restart();
    world.router.tick();
    world.accept('alice', kept.itemId);

    await world.restart();
    world.later(25);
    expect(world.holder(kept.itemId)).toBe('accepted by alice');
    expect(world.holder(lapsed.itemId)).toBe('offered to alice');
    expect(world.agent('carol')).toMatchObject({ load: 0, missedOffers: 1 });
    expect(world.agent('alice').load).toBe(2);
  });
});
