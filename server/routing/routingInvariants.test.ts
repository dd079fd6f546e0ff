import { execFile } from 'node:child_process';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { eq, sql } from 'drizzle-orm';
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import {
  agentSkills,
  agentStates,
  messagingSessions,
  queueMembers,
  type RequiredSkill,
  routingDecisions,
  skills,
  workItems,
} from '../db/schema';
import { DomainError } from '../errors';
import { type RoutingWorld, useRoutingWorld } from '../testing/routingWorld';

const AGENTS = ['alice', 'bob', 'carol', 'dave'] as const;
const QUEUES = [
  { name: 'Orders', skill: 'orders' },
  { name: 'Accounts', skill: 'accounts' },
  { name: 'Billing', skill: 'billing' },
] as const;
const PRESENCES = ['online', 'offline', 'away', 'busy'] as const;

type Step =
  | { kind: 'ask'; queue: number; priority: number; level: number }
  | { kind: 'presence'; agent: number; presence: (typeof PRESENCES)[number] }
  | { kind: 'capacity'; agent: number; capacity: number }
  | { kind: 'accept'; pick: number; byHolder: boolean; agent: number }
  | { kind: 'decline'; pick: number }
  | { kind: 'later'; seconds: number }
  | { kind: 'toAgent'; pick: number; agent: number }
  | { kind: 'toQueue'; pick: number; queue: number }
  | { kind: 'end'; pick: number }
  | { kind: 'restart' };

const agent = fc.nat({ max: AGENTS.length - 1 });
const queue = fc.nat({ max: QUEUES.length - 1 });
const pick = fc.nat({ max: 1000 });

const step: fc.Arbitrary<Step> = fc.oneof(
  {
    weight: 6,
    arbitrary: fc.record({
      kind: fc.constant('ask' as const),
      queue,
      priority: fc.integer({ min: 1, max: 5 }),
      level: fc.integer({ min: 0, max: 9 }),
    }),
  },
  {
    weight: 3,
    arbitrary: fc.record({
      kind: fc.constant('presence' as const),
      agent,
      presence: fc.constantFrom(...PRESENCES, 'online', 'online'),
    }),
  },
  {
    weight: 1,
    arbitrary: fc.record({
      kind: fc.constant('capacity' as const),
      agent,
      capacity: fc.integer({ min: 0, max: 5 }),
    }),
  },
  {
    weight: 4,
    arbitrary: fc.record({
      kind: fc.constant('accept' as const),
      pick,
      byHolder: fc.boolean(),
      agent,
    }),
  },
  { weight: 2, arbitrary: fc.record({ kind: fc.constant('decline' as const), pick }) },
  {
    weight: 4,
    arbitrary: fc.record({
      kind: fc.constant('later' as const),
      seconds: fc.integer({ min: 1, max: 40 }),
    }),
  },
  { weight: 1, arbitrary: fc.record({ kind: fc.constant('toAgent' as const), pick, agent }) },
  { weight: 1, arbitrary: fc.record({ kind: fc.constant('toQueue' as const), pick, queue }) },
  { weight: 2, arbitrary: fc.record({ kind: fc.constant('end' as const), pick }) },
  { weight: 1, arbitrary: fc.constant({ kind: 'restart' as const }) },
);

const setup = fc.record({
  models: fc.array(fc.constantFrom('most_available' as const, 'least_active' as const), {
    minLength: 3,
    maxLength: 3,
  }),
  sizes: fc.array(fc.integer({ min: 1, max: 2 }), { minLength: 3, maxLength: 3 }),
  autoAcceptBilling: fc.boolean(),
  autoAway: fc.constantFrom(null, 2),
  rerouteOnOffline: fc.boolean(),
  noReply: fc.constantFrom(null, 60),
  online: fc.subarray([...AGENTS], { minLength: 1 }),
});

/** The demo org plus Carol and Dave, a third queue, an overflow and an optional skill. */
function buildTemplate(world: RoutingWorld) {
  world.addQueue('Billing', { offerTimeoutSeconds: 15 });
  world.setQueue('Orders', {
    overflowAfterSeconds: 45,
    overflowQueueId: world.queueId('Billing'),
    optionalSkills: [{ skill: 'vip', minLevel: 1 }],
    optionalSkillsWaitSeconds: 20,
  });
  world.setQueue('Accounts', { offerTimeoutSeconds: 20 });
  world.addAgent('carol', {
    queues: ['Orders', 'Billing'],
    skills: { orders: 4, vip: 1, billing: 5 },
    capacity: 2,
  });
  world.addAgent('dave', {
    queues: ['Accounts', 'Billing'],
    skills: { accounts: 9, billing: 8, orders: 2 },
    capacity: 4,
  });
}

interface Journal {
  asked: number;
  lastDecision: number;
}

async function run(world: RoutingWorld, step: Step, journal: Journal) {
  const { db, orgId } = world;
  const items = (status: string) =>
    db
      .select()
      .from(workItems)
      .where(eq(workItems.status, status as 'queued'))
      .orderBy(workItems.createdAt, workItems.id)
      .all();
  const nth = <T>(list: T[], index: number): T | undefined => list[index % list.length];
  switch (step.kind) {
    case 'ask': {
      const { name, skill } = QUEUES[step.queue] ?? QUEUES[0];
      await world.ask({
        queue: name,
        priority: step.priority,
        skills: step.level === 0 ? [] : [{ skill, minLevel: step.level }],
      });
      journal.asked += 1;
      return;
    }
    case 'presence':
      world.presence(AGENTS[step.agent] ?? 'alice', step.presence);
      return;
    case 'capacity':
      world.setCapacity(AGENTS[step.agent] ?? 'alice', step.capacity);
      return;
    case 'accept': {
      const item = nth(items('offered'), step.pick);
      if (!item?.offeredTo) return;
      const by = step.byHolder ? item.offeredTo : world.agentId(AGENTS[step.agent] ?? 'alice');
      world.router.accept(orgId, item.id, by);
      return;
    }
    case 'decline': {
      const item = nth(items('offered'), step.pick);
      if (!item?.offeredTo) return;
      world.router.decline(orgId, item.id, item.offeredTo, 'busy');
      return;
    }
    case 'later':
      world.later(step.seconds);
      return;
    case 'toAgent': {
      const item = nth([...items('offered'), ...items('accepted'), ...items('queued')], step.pick);
      if (!item) return;
      const to = world.agentId(AGENTS[step.agent] ?? 'alice');
      world.router.transferToAgent(orgId, item.id, to, to);
      return;
    }
    case 'toQueue': {
      const item = nth([...items('offered'), ...items('accepted'), ...items('queued')], step.pick);
      if (!item) return;
      const target = world.queueId(QUEUES[step.queue]?.name ?? 'Orders');
      world.router.transferToQueue(orgId, item.id, target, world.agentId('alice'));
      return;
    }
    case 'end': {
      const open = db
        .select({ id: messagingSessions.id })
        .from(messagingSessions)
        .where(sql`${messagingSessions.status} != 'ended'`)
        .orderBy(messagingSessions.createdAt, messagingSessions.id)
        .all();
      const session = nth(open, step.pick);
      if (session) await world.end(session.id);
      return;
    }
    case 'restart':
      await world.restart();
      return;
  }
}

/** What every step must leave true, checked against the database itself. */
function checkInvariants(world: RoutingWorld, loadBefore: Map<string, number>, journal: Journal) {
  checkHoldings(world, loadBefore, journal.asked);
  checkOffers(world, journal);
}

/** Each item is in one place, and each agent's load is what they hold. */
function checkHoldings(world: RoutingWorld, loadBefore: Map<string, number>, asked: number) {
  const { db } = world;
  const items = db.select().from(workItems).all();
  const agents = db.select().from(agentStates).all();
  const sessions = new Map(
    db
      .select()
      .from(messagingSessions)
      .all()
      .map((session) => [session.id, session]),
  );

  // No item lost, none twice: one per hand-off, each where its conversation says it is.
  expect(items).toHaveLength(asked);
  for (const item of items) {
    const session = sessions.get(item.sessionId);
    const where = `${item.status}, session ${session?.status}`;
    if (item.status === 'accepted') {
      expect(item.acceptedBy, where).not.toBeNull();
      expect(session?.status, where).toBe('active');
      expect(session?.agentId, where).toBe(item.acceptedBy);
    } else if (item.status === 'offered' || item.status === 'queued') {
      expect(item.offeredTo === null, where).toBe(item.status === 'queued');
      expect(item.acceptedBy, where).toBeNull();
      expect(session?.status, where).toBe('waiting');
    } else {
      expect(session?.status, where).toBe('ended');
    }
  }

  // Load is exactly what the agent holds, and routing never fills anyone past capacity
  // (an admin may lower capacity below the load: then it may only fall).
  for (const state of agents) {
    const held = items
      .filter(
        (item) =>
          (item.status === 'offered' && item.offeredTo === state.userId) ||
          (item.status === 'accepted' && item.acceptedBy === state.userId),
      )
      .reduce((sum, item) => sum + item.size, 0);
    const name = world.nameOf(state.userId);
    expect(state.load, `${name}'s load`).toBe(held);
    if (state.load > state.capacity) {
      expect(state.load, `${name} over capacity`).toBeLessThanOrEqual(
        loadBefore.get(state.userId) ?? 0,
      );
    }
  }
}

/**
 * Every offer since the last check went to an agent the rules allow, and no better-placed item
 * that agent could take was left waiting.
 */
function checkOffers(world: RoutingWorld, journal: Journal) {
  const { db } = world;
  const items = db.select().from(workItems).all();
  const agents = db.select().from(agentStates).all();
  const offers = db
    .select({
      rowid: sql<number>`rowid`,
      itemId: routingDecisions.workItemId,
      agentId: routingDecisions.agentId,
      at: routingDecisions.createdAt,
    })
    .from(routingDecisions)
    .where(sql`rowid > ${journal.lastDecision} and ${routingDecisions.event} = 'offered'`)
    .all();
  journal.lastDecision =
    db.select({ max: sql<number>`coalesce(max(rowid), 0)` }).from(routingDecisions).get()?.max ?? 0;
  for (const offer of offers) {
    const item = items.find(({ id }) => id === offer.itemId);
    const state = agents.find(({ userId }) => userId === offer.agentId);
    if (!item || !state || !offer.agentId) throw new Error('an offer names no item or agent');
    const member = new Set(
      db
        .select({ queueId: queueMembers.queueId })
        .from(queueMembers)
        .where(eq(queueMembers.userId, offer.agentId))
        .all()
        .map(({ queueId }) => queueId),
    );
    const levels = new Map(
      db
        .select({ skill: skills.name, level: agentSkills.level })
        .from(agentSkills)
        .innerJoin(skills, eq(skills.id, agentSkills.skillId))
        .where(eq(agentSkills.userId, offer.agentId))
        .all()
        .map(({ skill, level }) => [skill, level]),
    );
    const holdsAll = (wanted: RequiredSkill[]) =>
      wanted.every(({ skill, minLevel }) => (levels.get(skill) ?? 0) >= minLevel);
    // Optional skills count as required until their wait is over, as of the offer.
    const optionalWanted = (candidate: typeof item) =>
      candidate.optionalSkillsUntil !== null && offer.at < candidate.optionalSkillsUntil
        ? candidate.optionalSkills
        : [];
    const able = (candidate: typeof item) =>
      (member.has(candidate.queueId) ||
        (candidate.overflowQueueId !== null && member.has(candidate.overflowQueueId))) &&
      holdsAll(candidate.requiredSkills) &&
      holdsAll(optionalWanted(candidate));
    const who = `${world.nameOf(offer.agentId)} offered ${item.id}`;
    expect(state.presence, who).toBe('online');
    expect(able(item), `${who}: member with the skills`).toBe(true);
    expect([item.offeredTo, item.acceptedBy], who).toContain(offer.agentId);
    const skipped = items.filter(
      (other) =>
        other.status === 'queued' &&
        (other.priority < item.priority ||
          (other.priority === item.priority && other.askedAt < item.askedAt)) &&
        other.size <= item.size &&
        !other.passedOverBy.includes(offer.agentId ?? '') &&
        able(other),
    );
    expect(
      skipped.map(({ id, priority }) => `${id} at priority ${priority}`),
      `${who} at priority ${item.priority} while these waited`,
    ).toEqual([]);
  }
}

describe('routing invariants', () => {
  const open = useRoutingWorld();

  it('hold through any interleaving of arrivals, presence, answers, timeouts, transfers, ends and restarts', async () => {
    const template = await open();
    buildTemplate(template);
    const scratch = mkdtempSync(path.join(tmpdir(), 'parley-routing-runs-'));
    let runs = 0;
    try {
      await fc.assert(
        fc.asyncProperty(
          setup,
          fc.array(step, { minLength: 5, maxLength: 60 }),
          async (config, steps) => {
            const world = template.fork(path.join(scratch, `run-${runs++}.db`));
            try {
              QUEUES.forEach(({ name }, index) => {
                world.setQueue(name, {
                  routingModel: config.models[index],
                  workItemSize: config.sizes[index],
                  ...(name === 'Billing' ? { autoAccept: config.autoAcceptBilling } : {}),
                });
              });
              world.settings({
                autoAwayAfterMissedOffers: config.autoAway,
                rerouteOnOffline: config.rerouteOnOffline,
                noReplyReassignSeconds: config.noReply,
              });
              world.online(...config.online);
              const journal: Journal = { asked: 0, lastDecision: 0 };
              for (const next of steps) {
                const loadBefore = new Map(
                  world.db
                    .select()
                    .from(agentStates)
                    .all()
                    .map((state) => [state.userId, state.load]),
                );
                try {
                  await run(world, next, journal);
                } catch (error) {
                  // Refusals people see (an offer gone, no room for a transfer) are part of the game.
                  if (!(error instanceof DomainError)) throw error;
                }
                checkInvariants(world, loadBefore, journal);
              }
            } finally {
              await world.close();
            }
          },
        ),
        { seed: 20301206, numRuns: 80 },
      );
    } finally {
      rmSync(scratch, { recursive: true, force: true });
    }
    // About 10 s on a quiet machine; the margin is for a busy one.
  }, 60_000);

  it('never assigns an item twice when two processes route the same database at once', async () => {
    const world = await open();
    for (const name of ['carol', 'dave', 'erin', 'frank']) {
      world.addAgent(name, { queues: ['Orders', 'Accounts'], capacity: 2 });
    }
    world.online('alice', 'bob', 'carol', 'dave', 'erin', 'frank');
    const asked = 60;
    for (let i = 0; i < asked; i++) {
      await world.ask({ queue: i % 2 ? 'Orders' : 'Accounts', priority: 1 + (i % 5) });
    }
    await world.restart();
    // Node with tsx takes a second or more to start on a busy machine: both begin together.
    const startAt = Date.now() + 5_000;
    const racers = [1, 2].map(
      (seed) =>
        new Promise<{ refused: number }>((resolve, reject) => {
          const job = { file: world.file, orgId: world.orgId, rounds: 20, seed, startAt };
          execFile(
            process.execPath,
            ['--import', 'tsx', 'server/testing/routingRacer.ts', JSON.stringify(job)],
            (error, stdout) => (error ? reject(error) : resolve(JSON.parse(stdout))),
          );
        }),
    );
    const results = await Promise.all(racers);

    checkHoldings(world, new Map(), asked);
    // The log, item by item, never shows an offer or accept while someone else held it.
    const log = world.db.select().from(routingDecisions).orderBy(sql`rowid`).all();
    const holder = new Map<string, string | null>();
    for (const { workItemId, event, agentId } of log) {
      const held = holder.get(workItemId) ?? null;
      if (event === 'offered') {
        expect(held, `${workItemId} offered while held`).toBeNull();
        holder.set(workItemId, agentId);
      } else if (event === 'accepted') {
        expect(agentId, `${workItemId} accepted by another`).toBe(held);
      } else if (['declined', 'offer_timed_out', 'completed', 'cancelled'].includes(event)) {
        expect(agentId, `${workItemId} ${event} by another`).toBe(held);
        holder.set(workItemId, null);
      }
    }
    // The race was run: both sides finished and the log holds every kind of move. Whether one
    // side found an item already taken depends on timing, so it is not asked for.
    const events = new Set(log.map(({ event }) => event));
    for (const event of ['offered', 'accepted', 'declined', 'completed'] as const) {
      expect(events, `the log has ${event} moves`).toContain(event);
    }
    expect(results).toHaveLength(2);
    // Two processes start with tsx: seconds on a busy machine.
  }, 60_000);
});
