import { describe, expect, it } from 'vitest';
import { useRoutingWorld } from '../testing/routingWorld';

const orders = (minLevel: number) => [{ skill: 'orders', minLevel }];

// The demo org: Alice in Orders (orders 7), Bob in Accounts (accounts 7), both offline with
// capacity 3. Queues offer for 30 s by default.
describe('Router: offers', () => {
  const open = useRoutingWorld();

  it('offers a waiting customer to an online agent; accepting makes the conversation theirs', async () => {
    const world = await open();
    world.online('alice');
    const { sessionId, itemId } = await world.ask({ queue: 'Orders', skills: orders(5) });
    expect(world.holder(itemId)).toBe('offered to alice');
    expect(world.agent('alice').load).toBe(1);
    expect(world.session(sessionId).status).toBe('waiting');
    expect(world.staffEvents).toContainEqual({
      orgId: world.orgId,
      agentIds: [world.agentId('alice')],
      offer: { workItemId: itemId },
    });

    world.advance(4);
    world.accept('alice', itemId);
    const acceptedAt = new Date(world.now);
    expect(world.item(itemId)).toMatchObject({
      status: 'accepted',
      acceptedBy: world.agentId('alice'),
      acceptedAt,
      offerExpiresAt: null,
    });
    expect(world.session(sessionId)).toMatchObject({
      status: 'active',
      agentId: world.agentId('alice'),
      acceptedAt,
    });
    expect(world.customerSees(sessionId)).toEqual([
      'new → waiting (escalated)',
      'waiting → active (agent_joined)',
      'Alice Agent joined',
    ]);
    expect(world.agent('alice').load).toBe(1);
  });

  it('tells a customer nobody can take yet their place in line and the expected wait', async () => {
    const world = await open();
    const { sessionId, itemId } = await world.ask({ queue: 'Orders' });
    expect(world.holder(itemId)).toBe('queued');
    expect(world.customerSees(sessionId)).toEqual([
      'new → waiting (escalated)',
      'position 1, about 300 s',
    ]);
  });

  it('refuses an accept from anyone but the agent offered it, and an offer already passed on', async () => {
    const world = await open();
    world.addAgent('carol', { queues: ['Orders'], skills: { orders: 7 } });
    world.online('alice');
    const { itemId } = await world.ask({ queue: 'Orders' });
    expect(() => world.accept('carol', itemId)).toThrow(/no longer yours/);
    world.decline('alice', itemId);
    expect(() => world.accept('alice', itemId)).toThrow(/no longer yours/);
    expect(world.holder(itemId)).toBe('queued');
  });

  it('passes a declined offer to the next eligible agent and logs who declined and why', async () => {
    const world = await open();
    world.addAgent('carol', { queues: ['Orders'], skills: { orders: 7 } });
    world.setCapacity('alice', 4);
    world.online('alice', 'carol');
    const { itemId } = await world.ask({ queue: 'Orders' });
    expect(world.holder(itemId)).toBe('offered to alice');

    world.advance(3);
    world.decline('alice', itemId, '  Going on a break  ');
    expect(world.holder(itemId)).toBe('offered to carol');
    expect(world.agent('alice').load).toBe(0);
    expect(world.agent('carol').load).toBe(1);
    const log = world.decisions(itemId);
    expect(log.map(({ event }) => event)).toEqual(['queued', 'offered', 'declined', 'offered']);
    expect(log[2]).toMatchObject({
      agentId: world.agentId('alice'),
      actorId: world.agentId('alice'),
      reason: 'Going on a break',
    });
    expect(log[3]?.considered).toEqual([
      expect.objectContaining({ name: 'Carol Agent', verdict: 'chosen' }),
      {
        agentId: world.agentId('alice'),
        name: 'Alice Agent',
        verdict: 'passed_over',
        detail: 'declined it or let the offer time out',
      },
    ]);
  });

  it('records a decline without a reason as such', async () => {
    const world = await open();
    world.online('alice');
    const { itemId } = await world.ask({ queue: 'Orders' });
    world.decline('alice', itemId, ' ');
    expect(world.decisions(itemId).at(-2)).toMatchObject({
      event: 'declined',
      reason: 'declined without a reason',
    });
  });

  it('moves an unanswered offer on at its timeout, counting the miss against the agent', async () => {
    const world = await open();
    world.addAgent('carol', { queues: ['Orders'], skills: { orders: 7 } });
    world.setCapacity('alice', 4);
    world.online('alice', 'carol');
    const { itemId } = await world.ask({ queue: 'Orders' });
    world.later(29);
    expect(world.holder(itemId)).toBe('offered to alice');
    world.later(1);
    expect(world.holder(itemId)).toBe('offered to carol');
    expect(world.agent('alice')).toMatchObject({ load: 0, missedOffers: 1, presence: 'online' });
    expect(world.decisions(itemId).map(({ event }) => event)).toEqual([
      'queued',
      'offered',
      'offer_timed_out',
      'offered',
    ]);
  });

  it('sets an agent Away after the org’s number of missed offers in a row; an accept resets the count', async () => {
    const world = await open();
    world.settings({ autoAwayAfterMissedOffers: 2 });
    world.setCapacity('alice', 10);
    world.online('alice');

    const first = await world.ask({ queue: 'Orders' });
    world.later(30);
    expect(world.agent('alice').missedOffers).toBe(1);
    // Alice is the only one in the queue: the item comes straight back to her for a new round.
    expect(world.holder(first.itemId)).toBe('offered to alice');
    world.accept('alice', first.itemId);
    expect(world.agent('alice').missedOffers).toBe(0);

    const second = await world.ask({ queue: 'Orders' });
    world.later(30);
    expect(world.agent('alice')).toMatchObject({ missedOffers: 1, presence: 'online' });
    expect(world.holder(second.itemId)).toBe('offered to alice');
    world.later(30);
    expect(world.agent('alice')).toMatchObject({ presence: 'away', load: 1 });
    expect(world.holder(first.itemId)).toBe('accepted by alice');
    expect(world.holder(second.itemId)).toBe('queued');
    expect(world.item(second.itemId).waitingReason).toBe(
      'No agent can take it: 1 not taking work.',
    );
  });

  it('sets an Online agent Away a minute after their console stops beating, keeping their conversations', async () => {
    const world = await open();
    world.online('alice', 'bob');
    world.router.consoleSeen(world.agentId('alice'));
    world.router.consoleSeen(world.agentId('bob'));
    const held = await world.ask({ queue: 'Orders' });
    world.accept('alice', held.itemId);

    // Bob's console keeps beating; Alice's was closed.
    world.later(40);
    world.router.consoleSeen(world.agentId('bob'));
    world.later(19);
    expect(world.agent('alice').presence).toBe('online');
    world.later(1);
    expect(world.agent('alice')).toMatchObject({ presence: 'away', load: 1 });
    expect(world.holder(held.itemId)).toBe('accepted by alice');
    expect(world.agent('bob').presence).toBe('online');
    expect(world.staffEvents.at(-1)?.agentIds).toContain(world.agentId('alice'));

    const next = await world.ask({ queue: 'Orders' });
    expect(world.holder(next.itemId)).toBe('queued');
  });

  it('leaves a presence a supervisor set alone, console or not', async () => {
    const world = await open();
    world.router.consoleSeen(world.agentId('alice'));
    world.online('alice');
    world.router.consoleSeen(world.agentId('alice'));
    const supervisor = world.agentId('supervisor');
    world.router.setPresence(
      world.orgId,
      world.agentId('alice'),
      { presence: 'online' },
      supervisor,
    );
    world.later(300);
    expect(world.agent('alice').presence).toBe('online');
  });

  it('accepts at once for a queue that auto-accepts: no offer to answer', async () => {
    const world = await open();
    world.setQueue('Orders', { autoAccept: true });
    world.online('alice');
    const { sessionId, itemId } = await world.ask({ queue: 'Orders' });
    expect(world.holder(itemId)).toBe('accepted by alice');
    expect(world.session(sessionId).status).toBe('active');
    expect(world.customerSees(sessionId)).toContain('Alice Agent joined');
    expect(world.staffEvents.filter((event) => event.offer)).toEqual([]);
    world.later(300);
    expect(world.holder(itemId)).toBe('accepted by alice');
  });
});

describe('Router: who gets what', () => {
  const open = useRoutingWorld();

  it('never gives an agent more than their capacity when an item takes several units', async () => {
    const world = await open();
    world.setQueue('Orders', { workItemSize: 2 });
    world.online('alice');
    const items: string[] = [];
    for (let i = 0; i < 3; i++) items.push((await world.ask({ queue: 'Orders' })).itemId);
    expect(items.map((id) => world.holder(id))).toEqual(['offered to alice', 'queued', 'queued']);
    expect(world.agent('alice').load).toBe(2);
    expect(world.item(items[1] ?? '').waitingReason).toBe('No agent can take it: 1 at capacity.');
    expect(world.decisions(items[1] ?? '').at(-1)?.considered).toEqual([
      expect.objectContaining({ verdict: 'capacity', detail: 'load 2 of 3, item needs 2' }),
    ]);

    world.setCapacity('alice', 4);
    world.later(1);
    expect(items.map((id) => world.holder(id))).toEqual([
      'offered to alice',
      'offered to alice',
      'queued',
    ]);
    expect(world.agent('alice').load).toBe(4);
  });

  it('serves priority 1 first, then whoever asked first', async () => {
    const world = await open();
    world.setCapacity('alice', 1);
    const asked = new Map<string, { sessionId: string; itemId: string }>();
    for (const [name, priority] of [
      ['early, priority 3', 3],
      ['early, priority 1', 1],
      ['late, priority 3', 3],
      ['late, priority 1', 1],
    ] as const) {
      asked.set(name, await world.ask({ queue: 'Orders', priority }));
      world.advance(1);
    }
    world.online('alice');
    const served: string[] = [];
    for (let i = 0; i < asked.size; i++) {
      const [name, next] = [...asked].find(([, { itemId }]) =>
        world.holder(itemId).startsWith('offered'),
      ) ?? ['none', undefined];
      served.push(name);
      if (!next) break;
      world.accept('alice', next.itemId);
      await world.end(next.sessionId);
    }
    expect(served).toEqual([
      'early, priority 1',
      'late, priority 1',
      'early, priority 3',
      'late, priority 3',
    ]);
  });

  it('between items of equal priority, serves the queue with the lower priority number first', async () => {
    const world = await open();
    world.addQueue('VIP', { priority: 1 });
    world.setQueue('Orders', { priority: 5 });
    world.addAgent('carol', { queues: ['Orders', 'VIP'], skills: {}, capacity: 1 });
    const orders = await world.ask({ queue: 'Orders', priority: 3, skills: [] });
    world.advance(1);
    const vip = await world.ask({ queue: 'VIP', priority: 3, skills: [] });
    world.online('carol');
    expect(world.holder(vip.itemId)).toBe('offered to carol');
    expect(world.holder(orders.itemId)).toBe('queued');
  });

  it('gives the item to whoever has most room, or fewest items, by the queue’s model; ties to the longest idle', async () => {
    const world = await open();
    world.addAgent('carol', { queues: ['Orders'], skills: { orders: 7 }, capacity: 5 });
    world.online('alice', 'carol');
    const takers: (string | null)[] = [];
    const ask = async () => {
      world.advance(1);
      const { itemId } = await world.ask({ queue: 'Orders' });
      takers.push(world.nameOf(world.item(itemId).offeredTo));
    };
    // most_available: Carol 5 free, then 4 against Alice's 3, then 3 each: Alice has never had one.
    await ask();
    await ask();
    await ask();
    expect(takers).toEqual(['carol', 'carol', 'alice']);
    // Now Alice has 1 item (2 of 3 free), Carol 2 items (3 of 5 free).
    world.setQueue('Orders', { routingModel: 'least_active' });
    await ask();
    expect(takers.at(-1)).toBe('alice');
    // Two items each: Carol was last given one before Alice was, so she has waited longest.
    await ask();
    expect(takers.at(-1)).toBe('carol');
  });

  it('goes round again to agents who passed on an item once everyone able has, after an offer’s time', async () => {
    const world = await open();
    world.online('alice');
    const { itemId } = await world.ask({ queue: 'Orders' });
    world.advance(5);
    world.decline('alice', itemId, 'not now');
    expect(world.holder(itemId)).toBe('queued');
    expect(world.item(itemId).waitingReason).toBe('No agent can take it: 1 already passed on it.');
    world.later(24);
    expect(world.holder(itemId)).toBe('queued');
    world.later(1);
    expect(world.holder(itemId)).toBe('offered to alice');
    expect(world.decisions(itemId).at(-1)).toMatchObject({
      event: 'offered',
      reason: 'most_available (a new round: everyone able had passed on it)',
    });
  });
});

describe('Router: the decision log', () => {
  const open = useRoutingWorld();

  it('answers why an item is still waiting, naming each agent of its queues and what keeps them out', async () => {
    const world = await open();
    world.addAgent('carol', { queues: ['Orders'], skills: { orders: 3 } });
    world.addAgent('dave', { queues: ['Orders'], skills: { accounts: 9 } });
    world.addAgent('erin', { queues: ['Orders'], skills: { orders: 9 }, capacity: 1 });
    world.online('carol', 'dave', 'erin');
    const busy = await world.ask({ queue: 'Orders', skills: orders(5) });
    expect(world.holder(busy.itemId)).toBe('offered to erin');
    const { itemId } = await world.ask({ queue: 'Orders', skills: orders(5) });
    const id = (name: string) => world.agentId(name);
    expect(world.holder(itemId)).toBe('queued');
    expect(world.decisions(itemId).at(-1)).toMatchObject({
      event: 'waiting',
      reason:
        'No agent can take it: 1 not taking work, 1 below a required level, 1 missing a required skill, 1 at capacity.',
    });
    expect(new Set(world.decisions(itemId).at(-1)?.considered)).toEqual(
      new Set([
        {
          agentId: id('alice'),
          name: 'Alice Agent',
          verdict: 'presence',
          detail: 'not taking work',
        },
        {
          agentId: id('carol'),
          name: 'Carol Agent',
          verdict: 'level',
          detail: 'orders at 3, needs 5',
        },
        { agentId: id('dave'), name: 'Dave Agent', verdict: 'skill', detail: 'lacks orders' },
        {
          agentId: id('erin'),
          name: 'Erin Agent',
          verdict: 'capacity',
          detail: 'load 1 of 1, item needs 1',
        },
      ]),
    );
    // The same reason is not logged again on every sweep.
    world.later(1);
    world.later(1);
    expect(world.decisions(itemId).filter(({ event }) => event === 'waiting')).toHaveLength(1);
  });

  it('answers why an item went to Alice: the model’s figures for her and for the others', async () => {
    const world = await open();
    world.addAgent('carol', { queues: ['Orders'], skills: { orders: 7 }, capacity: 2 });
    world.online('alice', 'carol');
    const { itemId } = await world.ask({ queue: 'Orders', skills: orders(5) });
    expect(world.decisions(itemId).at(-1)).toMatchObject({
      event: 'offered',
      agentId: world.agentId('alice'),
      reason: 'most_available',
      considered: [
        {
          name: 'Alice Agent',
          verdict: 'chosen',
          detail: '3 of 3 free, no assignment yet',
        },
        {
          name: 'Carol Agent',
          verdict: 'eligible',
          detail: '2 of 2 free, no assignment yet',
        },
      ],
    });
  });
});
