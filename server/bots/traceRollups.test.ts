import { eq } from 'drizzle-orm';
import { describe, expect, it } from 'vitest';
import type { Db } from '../db/client';
import { botFlowDailyCounts, botTurnTraces, botVersions } from '../db/schema';
import { rollUpAndPruneTraces } from '../messaging/traceRetention';
import { botFlowNodeConversations, botFlowOverlay } from '../reports/botFlowOverlay';
import { addSession, at, reportsOrg } from '../testing/reportsFixture';
import { useTestDb } from '../testing/testDb';
import { countFlowPaths } from './flowPathCounts';
import { rolledUpThrough, rollUpClosedDays } from './traceRollups';

/**
 * start → menu; menu "order" → order → bye; menu "human" → human; human "noAgent" → bye.
 * Only edges matter to the counts; the nodes' data is never read.
 */
const FLOW = {
  nodes: [],
  edges: [
    { id: 'e1', sourceNodeId: 'start', sourceOutput: 'next', targetNodeId: 'menu' },
    { id: 'e2', sourceNodeId: 'menu', sourceOutput: 'order', targetNodeId: 'order' },
    { id: 'e3', sourceNodeId: 'menu', sourceOutput: 'human', targetNodeId: 'human' },
    { id: 'e4', sourceNodeId: 'order', sourceOutput: 'success', targetNodeId: 'bye' },
    { id: 'e5', sourceNodeId: 'human', sourceOutput: 'noAgent', targetNodeId: 'bye' },
  ],
};

/** One step of a trace: the node, and the output and node it left for (none when it waited). */
type Step = [nodeId: string, output?: string, next?: string];

function trace(steps: Step[], extra: Record<string, unknown> = {}) {
  return {
    input: { type: 'text', text: '…' },
    steps: steps.map(([nodeId, output, next], i) => ({
      step: i + 1,
      nodeId,
      nodeType: 'any',
      nodeLabel: nodeId,
      resumed: false,
      result: next ? 'next' : 'wait',
      output: output ?? null,
      nextNodeId: next ?? null,
      reasons: [],
      startedAt: 0,
      durationMs: 0,
    })),
    error: null,
    startedAt: 0,
    durationMs: 0,
    ...extra,
  };
}

/**
 * Five conversations on version 1 in Paris (UTC+1 in March) over three days, one of each
 * outcome, and one on version 2. Worked out by hand:
 *
 * | conversation | began (Paris)  | path                         | outcome    |
 * | S1           | 03-01 11:00    | start menu order bye         | contained  |
 * | S2           | 03-02 00:30    | start menu human             | escalated  |
 * | S3           | 03-02 10:00    | start menu human bye         | no agent   |
 * | S4           | 03-03 09:00    | start menu                   | abandoned  |
 * | S5           | 03-03 10:00    | start                        | error      |
 */
function seed(db: Db) {
  const world = reportsOrg(db, 'acme', 'Europe/Paris');
  db.update(botVersions).set({ flow: FLOW }).where(eq(botVersions.id, world.v1.id)).run();
  const addTraces = (
    sessionId: string,
    versionId: string,
    turns: [when: string, ReturnType<typeof trace>][],
  ) => {
    turns.forEach(([when, turnTrace], i) => {
      db.insert(botTurnTraces)
        .values({
          orgId: world.org.id,
          sessionId,
          turn: i + 1,
          botVersionId: versionId,
          status: 'awaiting_input',
          trace: turnTrace,
          createdAt: at(when),
        })
        .run();
    });
  };
  const s1 = addSession(db, world, {
    deployment: 'app',
    version: 'v1',
    createdAt: '2030-03-01T10:00:00Z',
    status: 'ended',
    agentType: 'bot',
    endedBy: 'bot',
    endedAt: '2030-03-01T10:05:00Z',
  });
  addTraces(s1.id, world.v1.id, [
    ['2030-03-01T10:00:00Z', trace([['start', 'next', 'menu'], ['menu']])],
    [
      '2030-03-01T10:01:00Z',
      trace([['menu', 'order', 'order'], ['order', 'success', 'bye'], ['bye']]),
    ],
  ]);
  const s2 = addSession(db, world, {
    deployment: 'app',
    version: 'v1',
    createdAt: '2030-03-01T23:30:00Z',
    status: 'active',
    agentType: 'bot_to_agent',
    agent: 'alice',
    acceptedAt: '2030-03-01T23:40:00Z',
    workItem: {
      queue: 'orders',
      status: 'accepted',
      askedAt: '2030-03-01T23:35:00Z',
      acceptedAt: '2030-03-01T23:40:00Z',
      handoff: { nodeId: 'human' },
    },
  });
  addTraces(s2.id, world.v1.id, [
    ['2030-03-01T23:30:00Z', trace([['start', 'next', 'menu'], ['menu']])],
    ['2030-03-01T23:35:00Z', trace([['menu', 'human', 'human'], ['human']])],
  ]);
  const s3 = addSession(db, world, {
    deployment: 'web',
    version: 'v1',
    createdAt: '2030-03-02T09:00:00Z',
    status: 'ended',
    agentType: 'bot',
    endedBy: 'bot',
    endedAt: '2030-03-02T09:10:00Z',
  });
  addTraces(s3.id, world.v1.id, [
    ['2030-03-02T09:00:00Z', trace([['start', 'next', 'menu'], ['menu']])],
    ['2030-03-02T09:01:00Z', trace([['menu', 'human', 'human'], ['human']])],
    [
      '2030-03-02T09:01:01Z',
      trace([['human', 'noAgent', 'bye'], ['bye']], {
        input: { type: 'noAgent' },
        noAgentReason: 'NO_AGENT_ONLINE',
      }),
    ],
  ]);
  const s4 = addSession(db, world, {
    deployment: 'app',
    version: 'v1',
    createdAt: '2030-03-03T08:00:00Z',
    status: 'ended',
    agentType: 'bot',
    endedBy: 'customer',
    endedAt: '2030-03-03T08:30:00Z',
  });
  addTraces(s4.id, world.v1.id, [
    ['2030-03-03T08:00:00Z', trace([['start', 'next', 'menu'], ['menu']])],
  ]);
  const s5 = addSession(db, world, {
    deployment: 'app',
    version: 'v1',
    createdAt: '2030-03-03T09:00:00Z',
    status: 'error',
    agentType: 'bot',
  });
  addTraces(s5.id, world.v1.id, [
    ['2030-03-03T09:00:00Z', trace([['start']], { error: { code: 'X', message: 'broken' } })],
  ]);
  const other = addSession(db, world, {
    deployment: 'app',
    version: 'v2',
    createdAt: '2030-03-02T12:00:00Z',
    status: 'ended',
    agentType: 'bot',
    endedBy: 'bot',
  });
  addTraces(other.id, world.v2.id, [
    ['2030-03-02T12:00:00Z', trace([['start', 'next', 'menu'], ['menu']])],
  ]);
  return { world, s1, s2, s3, s4, s5 };
}

const none = { contained: 0, escalated: 0, abandoned: 0, error: 0, noAgent: 0, inProgress: 0 };
const RANGE = { from: '2030-03-01', to: '2030-03-03' };
/** 12:00 UTC on 03-04: 03-01 and 03-02 (Paris) ended over a day ago, 03-03 did not. */
const NOW = at('2030-03-04T12:00:00Z').getTime();

describe('the canvas overlay and its daily roll-ups', () => {
  const openDb = useTestDb();

  it('counts each conversation once per node and edge it went through, by how it ended', () => {
    const db = openDb();
    const { world } = seed(db);

    const overlay = botFlowOverlay(db, world.org.id, { botVersionId: world.v1.id, ...RANGE });

    expect(overlay.conversations).toBe(5);
    expect(overlay.outcomes).toEqual({
      ...none,
      contained: 1,
      escalated: 1,
      noAgent: 1,
      abandoned: 1,
      error: 1,
    });
    expect(overlay.edges).toEqual([
      { edgeId: 'e1', conversations: 4 },
      { edgeId: 'e2', conversations: 1 },
      { edgeId: 'e3', conversations: 2 },
      { edgeId: 'e4', conversations: 1 },
      { edgeId: 'e5', conversations: 1 },
    ]);
    const node = (id: string) => overlay.nodes.find((n) => n.nodeId === id);
    expect(node('start')?.conversations).toBe(5);
    expect(node('menu')).toMatchObject({
      conversations: 4,
      outcomes: { ...none, contained: 1, escalated: 1, noAgent: 1, abandoned: 1 },
      badShare: 3 / 4,
    });
    expect(node('human')).toMatchObject({
      conversations: 2,
      outcomes: { ...none, escalated: 1, noAgent: 1 },
      badShare: 1,
    });
    expect(node('bye')).toMatchObject({
      conversations: 2,
      outcomes: { ...none, contained: 1, noAgent: 1 },
      badShare: 1 / 2,
    });
    expect(node('order')).toMatchObject({ conversations: 1, badShare: 0 });

    // A day in Paris: S2 began at 23:30 UTC on 03-01, which is 03-02 there.
    const day2 = botFlowOverlay(db, world.org.id, {
      botVersionId: world.v1.id,
      from: '2030-03-02',
      to: '2030-03-02',
    });
    expect(day2.conversations).toBe(2);
    expect(day2.outcomes).toEqual({ ...none, escalated: 1, noAgent: 1 });
  });

  it('rolls up closed days with the counts of the raw traces, and a range mixing both counts each conversation once', async () => {
    const db = openDb();
    const { world } = seed(db);
    const version = { botVersionId: world.v1.id };
    const allRaw = botFlowOverlay(db, world.org.id, { ...version, ...RANGE });
    const rawByDay = (day: string) =>
      countFlowPaths(db, world.org.id, {
        fromMs: at(`${day}T00:00:00+01:00`).getTime(),
        toMs: at(`${day}T24:00:00+01:00`).getTime(),
      });
    const rawDay1 = rawByDay('2030-03-01');
    const rawDay2 = rawByDay('2030-03-02');

    // From the day before the oldest trace's, through the last day closed for a day.
    expect(await rollUpClosedDays(db, world.org.id, NOW)).toBe(3);
    expect(rolledUpThrough(db, world.org.id)).toBe('2030-03-02');

    const rows = db.select().from(botFlowDailyCounts).all();
    const rowOf = (day: string, kind: string, elementId: string, versionId = world.v1.id) =>
      rows.find(
        (r) =>
          r.day === day &&
          r.kind === kind &&
          r.elementId === elementId &&
          r.botVersionId === versionId,
      );
    for (const [day, raw] of [
      ['2030-03-01', rawDay1],
      ['2030-03-02', rawDay2],
    ] as const) {
      for (const [versionId, counts] of raw) {
        expect(rowOf(day, 'version', '', versionId)).toMatchObject({
          conversations: counts.total.conversations,
          ...counts.total.outcomes,
        });
        for (const [nodeId, node] of counts.nodes) {
          expect(rowOf(day, 'node', nodeId, versionId)).toMatchObject({
            conversations: node.conversations,
            ...node.outcomes,
          });
        }
        for (const [edgeId, n] of counts.edges) {
          expect(rowOf(day, 'edge', edgeId, versionId)?.conversations).toBe(n);
        }
      }
    }
    const rowCount = (counts: typeof rawDay1) =>
      [...counts.values()].reduce((sum, v) => sum + 1 + v.nodes.size + v.edges.size, 0);
    expect(rows).toHaveLength(rowCount(rawDay1) + rowCount(rawDay2));

    // 03-01 and 03-02 from the roll-ups, 03-03 from the traces: the same as all raw.
    expect(botFlowOverlay(db, world.org.id, { ...version, ...RANGE })).toEqual(allRaw);
    // Again, and with a second run at once: nothing is rolled up twice.
    expect(
      await Promise.all([
        rollUpClosedDays(db, world.org.id, NOW),
        rollUpClosedDays(db, world.org.id, NOW),
      ]),
    ).toEqual([0, 0]);
    expect(db.select().from(botFlowDailyCounts).all()).toHaveLength(rows.length);
    expect(botFlowOverlay(db, world.org.id, { ...version, ...RANGE })).toEqual(allRaw);
  });

  it('two processes rolling up at once never count a day twice', async () => {
    const db = openDb();
    const { world } = seed(db);
    const allRaw = botFlowOverlay(db, world.org.id, { botVersionId: world.v1.id, ...RANGE });

    const days = await Promise.all([
      rollUpClosedDays(db, world.org.id, NOW),
      rollUpClosedDays(db, world.org.id, NOW),
    ]);

    expect(days[0] + days[1]).toBe(3);
    expect(botFlowOverlay(db, world.org.id, { botVersionId: world.v1.id, ...RANGE })).toEqual(
      allRaw,
    );
  });

  it('a day whose roll-up fails leaves neither rows nor its mark, and is rolled up whole next time', async () => {
    const db = openDb();
    const { world } = seed(db);
    const allRaw = botFlowOverlay(db, world.org.id, { botVersionId: world.v1.id, ...RANGE });
    // A row in the way of 03-01's edge e4 makes that day's inserts fail half-way.
    const blocker = {
      orgId: world.org.id,
      botVersionId: world.v1.id,
      day: '2030-03-01',
      kind: 'edge' as const,
      elementId: 'e4',
      conversations: 99,
    };
    db.insert(botFlowDailyCounts).values(blocker).run();

    await expect(rollUpClosedDays(db, world.org.id, NOW)).rejects.toThrow(/UNIQUE/);
    expect(rolledUpThrough(db, world.org.id)).toBe('2030-02-28');
    expect(db.select().from(botFlowDailyCounts).all()).toHaveLength(1);

    db.delete(botFlowDailyCounts).run();
    expect(await rollUpClosedDays(db, world.org.id, NOW)).toBe(2);
    expect(botFlowOverlay(db, world.org.id, { botVersionId: world.v1.id, ...RANGE })).toEqual(
      allRaw,
    );
  });

  it('prunes only the traces of rolled-up days, and the overlay still counts them', async () => {
    const db = openDb();
    const { world, s4 } = seed(db);
    const allRaw = botFlowOverlay(db, world.org.id, { botVersionId: world.v1.id, ...RANGE });

    // A one-day retention would reach into 03-03 (Paris), which is not rolled up yet.
    const deleted = await rollUpAndPruneTraces(db, 1, NOW);

    const left = db.select({ sessionId: botTurnTraces.sessionId }).from(botTurnTraces).all();
    expect(deleted).toBe(8);
    expect(left.map((t) => t.sessionId)).toContain(s4.id);
    expect(left).toHaveLength(2);
    expect(botFlowOverlay(db, world.org.id, { botVersionId: world.v1.id, ...RANGE })).toEqual(
      allRaw,
    );
  });

  it('lists the conversations through a node, newest first, a page at a time, as far as traces are kept', () => {
    const db = openDb();
    const { world, s2, s3 } = seed(db);
    const query = { botVersionId: world.v1.id, ...RANGE, nodeId: 'human', limit: 1 };

    const first = botFlowNodeConversations(db, world.org.id, query, 0);
    expect(first.items).toEqual([
      { sessionId: s3.id, startedAt: at('2030-03-02T09:00:00Z'), outcome: 'noAgent' },
    ]);
    expect(first.startsBeforeTraces).toBe(false);
    const second = botFlowNodeConversations(
      db,
      world.org.id,
      { ...query, cursor: first.nextCursor },
      0,
    );
    expect(second.items.map((c) => [c.sessionId, c.outcome])).toEqual([[s2.id, 'escalated']]);
    expect(second.nextCursor).toBeNull();

    const kept = at('2030-03-02T00:00:00Z').getTime();
    const recent = botFlowNodeConversations(db, world.org.id, { ...query, limit: 10 }, kept);
    expect(recent.items.map((c) => c.sessionId)).toEqual([s3.id]);
    expect(recent.startsBeforeTraces).toBe(true);
    expect(recent.listedFrom).toEqual(new Date(kept));
  });

  it('refuses another org’s version and a range the wrong way round, with a code', () => {
    const db = openDb();
    const { world } = seed(db);
    const other = reportsOrg(db, 'other', 'UTC');

    expect(() => botFlowOverlay(db, other.org.id, { botVersionId: world.v1.id, ...RANGE })).toThrow(
      expect.objectContaining({ code: 'NOT_FOUND' }),
    );
    expect(() =>
      botFlowOverlay(db, world.org.id, {
        botVersionId: world.v1.id,
        from: '2030-03-03',
        to: '2030-03-01',
      }),
    ).toThrow(expect.objectContaining({ code: 'INVALID_INPUT' }));
    expect(() =>
      botFlowOverlay(db, world.org.id, {
        botVersionId: world.v1.id,
        from: '2030-02-30',
        to: '2030-03-01',
      }),
    ).toThrow(expect.objectContaining({ code: 'INVALID_INPUT' }));
  });
});
