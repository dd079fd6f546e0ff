import { describe, expect, it } from 'vitest';
import type { Db } from '../db/client';
import { addPresenceChange, addSession, at, reportsOrg } from '../testing/reportsFixture';
import { useTestDb } from '../testing/testDb';
import { agentTimes } from './agentTimes';
import { agentUtilisation } from './agentUtilisation';
import { deflection, escalations } from './botOutcomes';
import { conversationsBy, conversationsByPeriod } from './conversationVolume';
import { csat } from './csat';
import { type ReportFilters, reportFiltersSchema } from './reportFilters';
import { waitTimes } from './waitTimes';

/**
 * Acme works in Paris (UTC+1 in January). Its report covers two Paris weeks, Monday 7 to
 * Sunday 20 January 2030: [2030-01-06T23:00Z, 2030-01-20T23:00Z).
 *
 *      deployment  version  started (UTC)   how it went
 * S1   App         v1       Jan  6 23:30    bot-only, ended by the bot (contained); CSAT 5
 * S2   App         v1       Jan  7 10:00    bot-only, ended by the customer mid-bot
 * S3   Web         v2       Jan  8 10:00    bot-only, ended by the system (inactivity)
 * S4   App         v1       Jan  8 12:00    to Orders (orderStatus, node escalateOrders) at 12:01,
 *                                          Alice accepts 12:02, writes 12:02:30, ends 12:12; CSAT 4
 * S5   Web         v2       Jan 14 09:00    to Billing (refund, node escalateBilling) at 09:00,
 *                                          Bob accepts 09:03, writes 09:04, customer ends 09:20; CSAT 2
 * S6   App         v1       Jan 14 10:00    to Orders (orderStatus) at 10:00, Alice accepts 10:10,
 *                                          only types so far; still active
 * S7   App         v2       Jan 15 10:00    to Orders (no intent) at 10:00, customer leaves 10:05
 * S8   Web         none     Jan 15 11:00    no bot: to Billing with an empty hand-off, still queued
 * S9   App         v1       Jan 16 10:00    still with the bot
 * S10  App         v1       Jan 20 23:30    contained, but 00:30 on 21 January in Paris: outside
 *
 * Globex, another org, has a contained conversation with CSAT 1, a work item and an agent's
 * presence in the same days: none of it may ever count for Acme.
 */
function seedReportsWorld(db: Db) {
  const acme = reportsOrg(db, 'acme', 'Europe/Paris');
  const add = (spec: Parameters<typeof addSession>[2]) => addSession(db, acme, spec);
  add({
    deployment: 'app',
    version: 'v1',
    createdAt: '2030-01-06T23:30:00Z',
    status: 'ended',
    agentType: 'bot',
    endedAt: '2030-01-06T23:35:00Z',
    endedBy: 'bot',
    csat: 5,
  });
  add({
    deployment: 'app',
    version: 'v1',
    createdAt: '2030-01-07T10:00:00Z',
    status: 'ended',
    agentType: 'bot',
    endedAt: '2030-01-07T10:02:00Z',
    endedBy: 'customer',
  });
  add({
    deployment: 'web',
    version: 'v2',
    createdAt: '2030-01-08T10:00:00Z',
    status: 'ended',
    agentType: 'bot',
    endedAt: '2030-01-08T11:00:00Z',
    endedBy: 'system',
  });
  add({
    deployment: 'app',
    version: 'v1',
    createdAt: '2030-01-08T12:00:00Z',
    status: 'ended',
    agentType: 'bot_to_agent',
    agent: 'alice',
    acceptedAt: '2030-01-08T12:02:00Z',
    endedAt: '2030-01-08T12:12:00Z',
    endedBy: 'agent',
    workItem: {
      queue: 'orders',
      status: 'completed',
      askedAt: '2030-01-08T12:01:00Z',
      acceptedAt: '2030-01-08T12:02:00Z',
      completedAt: '2030-01-08T12:12:00Z',
      handoff: { intent: 'orderStatus', nodeId: 'escalateOrders' },
    },
    entries: [
      ['customer', 'text', '2030-01-08T12:00:10Z'],
      ['bot', 'text', '2030-01-08T12:01:00Z'],
      ['system', 'participant_changed', '2030-01-08T12:02:00Z'],
      ['agent', 'text', '2030-01-08T12:02:30Z'],
    ],
    csat: 4,
  });
  add({
    deployment: 'web',
    version: 'v2',
    createdAt: '2030-01-14T09:00:00Z',
    status: 'ended',
    agentType: 'bot_to_agent',
    agent: 'bob',
    acceptedAt: '2030-01-14T09:03:00Z',
    endedAt: '2030-01-14T09:20:00Z',
    endedBy: 'customer',
    workItem: {
      queue: 'billing',
      status: 'completed',
      askedAt: '2030-01-14T09:00:00Z',
      acceptedAt: '2030-01-14T09:03:00Z',
      completedAt: '2030-01-14T09:20:00Z',
      handoff: { intent: 'refund', nodeId: 'escalateBilling' },
    },
    entries: [['agent', 'text', '2030-01-14T09:04:00Z']],
    csat: 2,
  });
  add({
    deployment: 'app',
    version: 'v1',
    createdAt: '2030-01-14T10:00:00Z',
    status: 'active',
    agentType: 'bot_to_agent',
    agent: 'alice',
    acceptedAt: '2030-01-14T10:10:00Z',
    workItem: {
      queue: 'orders',
      status: 'accepted',
      askedAt: '2030-01-14T10:00:00Z',
      acceptedAt: '2030-01-14T10:10:00Z',
      handoff: { intent: 'orderStatus', nodeId: 'escalateOrders' },
    },
    entries: [
      ['bot', 'text', '2030-01-14T10:00:00Z'],
      ['agent', 'typing', '2030-01-14T10:10:05Z'],
    ],
  });
  add({
    deployment: 'app',
    version: 'v2',
    createdAt: '2030-01-15T10:00:00Z',
    status: 'ended',
    agentType: 'bot_to_agent',
    endedAt: '2030-01-15T10:05:00Z',
    endedBy: 'customer',
    workItem: {
      queue: 'orders',
      status: 'cancelled',
      askedAt: '2030-01-15T10:00:00Z',
      handoff: { intent: null, nodeId: 'escalateOrders' },
    },
  });
  add({
    deployment: 'web',
    version: null,
    createdAt: '2030-01-15T11:00:00Z',
    status: 'waiting',
    agentType: 'agent',
    workItem: { queue: 'billing', status: 'queued', askedAt: '2030-01-15T11:00:00Z', handoff: {} },
  });
  add({
    deployment: 'app',
    version: 'v1',
    createdAt: '2030-01-16T10:00:00Z',
    status: 'active',
    agentType: 'bot',
  });
  add({
    deployment: 'app',
    version: 'v1',
    createdAt: '2030-01-20T23:30:00Z',
    status: 'ended',
    agentType: 'bot',
    endedAt: '2030-01-20T23:31:00Z',
    endedBy: 'bot',
  });

  const globex = reportsOrg(db, 'globex', 'UTC');
  addSession(db, globex, {
    deployment: 'app',
    version: 'v1',
    createdAt: '2030-01-08T10:00:00Z',
    status: 'ended',
    agentType: 'bot',
    endedAt: '2030-01-08T10:01:00Z',
    endedBy: 'bot',
    csat: 1,
  });
  addSession(db, globex, {
    deployment: 'app',
    version: 'v1',
    createdAt: '2030-01-14T09:00:00Z',
    status: 'ended',
    agentType: 'bot_to_agent',
    agent: 'alice',
    acceptedAt: '2030-01-14T09:01:00Z',
    endedAt: '2030-01-14T10:30:00Z',
    endedBy: 'agent',
    workItem: {
      queue: 'orders',
      status: 'completed',
      askedAt: '2030-01-14T09:00:00Z',
      acceptedAt: '2030-01-14T09:01:00Z',
      completedAt: '2030-01-14T10:30:00Z',
      handoff: { intent: 'orderStatus', nodeId: 'escalateOrders' },
    },
    entries: [['agent', 'text', '2030-01-14T09:01:05Z']],
  });
  addPresenceChange(db, globex, 'alice', 'online', '2030-01-14T08:00:00Z');
  return acme;
}

const RANGE = { from: at('2030-01-06T23:00:00Z'), to: at('2030-01-20T23:00:00Z') };

describe('reports', () => {
  const openDb = useTestDb();

  function open() {
    const db = openDb();
    const acme = seedReportsWorld(db);
    const report = (changes: Partial<ReportFilters> = {}) =>
      reportFiltersSchema.parse({ ...RANGE, ...changes });
    return { db, acme, orgId: acme.org.id, report };
  }

  it('counts conversations per Paris day and week, deployment, channel and bot version', () => {
    const { db, acme, orgId, report } = open();
    // S1 started 23:30 UTC on the 6th, which is 00:30 on Monday the 7th in Paris; S10, 23:30 UTC
    // on the 20th, is already the 21st there and outside the range.
    expect(conversationsByPeriod(db, orgId, report(), 'day')).toEqual([
      { period: '2030-01-07', conversations: 2 }, // S1, S2
      { period: '2030-01-08', conversations: 2 }, // S3, S4
      { period: '2030-01-14', conversations: 2 }, // S5, S6
      { period: '2030-01-15', conversations: 2 }, // S7, S8
      { period: '2030-01-16', conversations: 1 }, // S9
    ]);
    expect(conversationsByPeriod(db, orgId, report(), 'week')).toEqual([
      { period: '2030-01-07', conversations: 4 }, // S1–S4
      { period: '2030-01-14', conversations: 5 }, // S5–S9
    ]);
    expect(conversationsBy(db, orgId, report(), 'deployment')).toEqual([
      { key: acme.app.id, conversations: 6 }, // S1 S2 S4 S6 S7 S9
      { key: acme.web.id, conversations: 3 }, // S3 S5 S8
    ]);
    expect(conversationsBy(db, orgId, report(), 'channel')).toEqual([
      { key: 'in_app', conversations: 6 },
      { key: 'web', conversations: 3 },
    ]);
    const byVersion = conversationsBy(db, orgId, report(), 'botVersion');
    expect(byVersion).toHaveLength(3);
    expect(byVersion).toEqual(
      expect.arrayContaining([
        { key: acme.v1.id, conversations: 5 }, // S1 S2 S4 S6 S9
        { key: acme.v2.id, conversations: 3 }, // S3 S5 S7
        { key: null, conversations: 1 }, // S8, no bot
      ]),
    );
  });

  it('buckets the same conversations by UTC day for an org in UTC', () => {
    const { db, acme, orgId, report } = open();
    db.$client.prepare('update orgs set time_zone = ? where id = ?').run('UTC', acme.org.id);
    // In UTC, S1 falls on Sunday the 6th, in the week of Monday 31 December 2029.
    expect(conversationsByPeriod(db, orgId, report(), 'day').slice(0, 2)).toEqual([
      { period: '2030-01-06', conversations: 1 },
      { period: '2030-01-07', conversations: 1 },
    ]);
    expect(conversationsByPeriod(db, orgId, report(), 'week')).toEqual([
      { period: '2029-12-31', conversations: 1 },
      { period: '2030-01-07', conversations: 3 },
      { period: '2030-01-14', conversations: 5 },
    ]);
  });

  it('works out deflection, with conversations abandoned mid-bot in the denominator only', () => {
    const { db, orgId, report } = open();
    // Contained: S1 only. Abandoned in the bot: S2 (customer) and S3 (inactivity). Out of 9.
    expect(deflection(db, orgId, report())).toEqual({
      conversations: 9,
      contained: 1,
      abandonedInBot: 2,
      deflectionRate: 1 / 9,
      abandonedInBotRate: 2 / 9,
    });
  });

  it('does not count a conversation an agent handed back to the bot as contained', () => {
    const { db, acme, orgId, report } = open();
    // S11: Orders took it, Alice handed it back (agent_type is 'bot' again), the bot ended it.
    addSession(db, acme, {
      deployment: 'app',
      version: 'v1',
      createdAt: '2030-01-17T10:00:00Z',
      status: 'ended',
      agentType: 'bot',
      endedAt: '2030-01-17T10:20:00Z',
      endedBy: 'bot',
      agent: 'alice',
      acceptedAt: '2030-01-17T10:02:00Z',
      workItem: {
        queue: 'orders',
        status: 'completed',
        askedAt: '2030-01-17T10:01:00Z',
        acceptedAt: '2030-01-17T10:02:00Z',
        completedAt: '2030-01-17T10:10:00Z',
        handoff: { intent: 'orderStatus', nodeId: 'escalateOrders' },
      },
    });
    expect(deflection(db, orgId, report())).toMatchObject({
      conversations: 10,
      contained: 1,
      abandonedInBot: 2,
      deflectionRate: 1 / 10,
    });
  });

  it('works out escalations overall, by intent and by escalate node from the first hand-off', () => {
    const { db, orgId, report } = open();
    // S4–S8 reached routing: 5 of 9.
    const result = escalations(db, orgId, report());
    expect(result).toMatchObject({ conversations: 9, escalated: 5, escalationRate: 5 / 9 });
    expect(result.byIntent).toEqual([
      { key: 'orderStatus', escalations: 2, rate: 2 / 9 }, // S4, S6
      { key: null, escalations: 2, rate: 2 / 9 }, // S7 (no intent), S8 (no bot): "none" goes last
      { key: 'refund', escalations: 1, rate: 1 / 9 }, // S5
    ]);
    expect(result.byNode).toEqual([
      { key: 'escalateOrders', escalations: 3, rate: 3 / 9 }, // S4, S6, S7
      { key: 'escalateBilling', escalations: 1, rate: 1 / 9 }, // S5
      { key: null, escalations: 1, rate: 1 / 9 }, // S8
    ]);
  });

  it('works out wait times and abandonment while waiting', () => {
    const { db, orgId, report } = open();
    // Waits: S4 60 s, S5 180 s, S6 600 s → average 840 / 3 = 280; p90 is rank ceil(2.7) = 3 →
    // 600. S7 was left by the customer unanswered: 1 of (1 + 3). S8 still waits: neither.
    expect(waitTimes(db, orgId, report())).toEqual({
      answered: 3,
      averageWaitSeconds: 280,
      p90WaitSeconds: 600,
      abandoned: 1,
      abandonmentRate: 0.25,
    });
  });

  it('works out first response and handle times from the accept, whatever the bot said before', () => {
    const { db, orgId, report } = open();
    // Accepted: S4, S5, S6. First agent message: S4 30 s (the bot's 12:01 entry and the system's
    // join do not count), S5 60 s; S6 has only a typing entry: unanswered. Average 90 / 2 = 45,
    // p90 rank ceil(1.8) = 2 → 60. Handle: S4 600 s, S5 1020 s → 810; S6 has not ended.
    expect(agentTimes(db, orgId, report())).toEqual({
      accepted: 3,
      unanswered: 1,
      averageFirstResponseSeconds: 45,
      p90FirstResponseSeconds: 60,
      handled: 2,
      averageHandleSeconds: 810,
    });
  });

  it('works out CSAT overall, per score, by agent, queue and bot version, and the response rate', () => {
    const { db, acme, orgId, report } = open();
    const result = csat(db, orgId, report());
    // Answers: S1 5, S4 4, S5 2 → 11 / 3. Ended: S1 S2 S3 S4 S5 S7 = 6 → 3 / 6.
    expect(result).toMatchObject({
      responses: 3,
      averageScore: 11 / 3,
      distribution: { 1: 0, 2: 1, 3: 0, 4: 1, 5: 1 },
      ended: 6,
      responseRate: 0.5,
    });
    const scores = (groups: typeof result.byAgent) =>
      Object.fromEntries(groups.map((g) => [g.key ?? 'none', [g.responses, g.averageScore]]));
    expect(scores(result.byAgent)).toEqual({
      [acme.alice.id]: [1, 4],
      [acme.bob.id]: [1, 2],
      none: [1, 5],
    });
    expect(scores(result.byQueue)).toEqual({
      [acme.orders.id]: [1, 4],
      [acme.billing.id]: [1, 2],
      none: [1, 5],
    });
    // v1: S1 5 and S4 4 → 4.5; v2: S5 2.
    expect(scores(result.byBotVersion)).toEqual({
      [acme.v1.id]: [2, 4.5],
      [acme.v2.id]: [1, 2],
    });
  });

  it('narrows every figure to a deployment and to a channel', () => {
    const { db, acme, orgId, report } = open();
    const web = report({ deploymentId: acme.web.id });
    // Web: S3 (abandoned in bot), S5 (Billing, waited 180 s, CSAT 2), S8 (queued).
    expect(deflection(db, orgId, web)).toMatchObject({
      conversations: 3,
      contained: 0,
      abandonedInBot: 1,
    });
    expect(escalations(db, orgId, web)).toMatchObject({ escalated: 2, escalationRate: 2 / 3 });
    expect(waitTimes(db, orgId, web)).toMatchObject({
      averageWaitSeconds: 180,
      abandoned: 0,
      abandonmentRate: 0,
    });
    // Ended: S3, S5; one answer.
    expect(csat(db, orgId, web)).toMatchObject({ averageScore: 2, ended: 2, responseRate: 0.5 });
    // In-app: S1 S2 S4 S6 S7 S9; S1 contained.
    expect(deflection(db, orgId, report({ channel: 'in_app' }))).toMatchObject({
      conversations: 6,
      contained: 1,
      deflectionRate: 1 / 6,
    });
  });

  it('narrows every figure to a bot version', () => {
    const { db, acme, orgId, report } = open();
    const v1 = report({ botVersionId: acme.v1.id });
    // v1: S1 S2 S4 S6 S9. Contained S1; escalated S4, S6 (waits 60, 600 → 330); CSAT 5, 4.
    expect(deflection(db, orgId, v1)).toMatchObject({ conversations: 5, deflectionRate: 1 / 5 });
    expect(escalations(db, orgId, v1)).toMatchObject({ escalated: 2, escalationRate: 2 / 5 });
    expect(waitTimes(db, orgId, v1)).toMatchObject({
      averageWaitSeconds: 330,
      p90WaitSeconds: 600,
    });
    expect(csat(db, orgId, v1)).toMatchObject({ averageScore: 4.5, responses: 2 });
  });

  it('narrows to a queue’s conversations and counts only that queue’s work items', () => {
    const { db, acme, orgId, report } = open();
    const orders = report({ queueId: acme.orders.id });
    // Orders: S4 (60 s), S6 (600 s), S7 (abandoned).
    expect(deflection(db, orgId, orders)).toMatchObject({ conversations: 3, contained: 0 });
    expect(waitTimes(db, orgId, orders)).toEqual({
      answered: 2,
      averageWaitSeconds: 330,
      p90WaitSeconds: 600,
      abandoned: 1,
      abandonmentRate: 1 / 3,
    });
    expect(escalations(db, orgId, orders).byIntent).toEqual([
      { key: 'orderStatus', escalations: 2, rate: 2 / 3 },
      { key: null, escalations: 1, rate: 1 / 3 },
    ]);
  });

  it('narrows to an agent’s conversations', () => {
    const { db, acme, orgId, report } = open();
    const alice = report({ agentId: acme.alice.id });
    // Alice: S4 (first response 30 s, handled 600 s, CSAT 4) and S6 (unanswered, open).
    expect(agentTimes(db, orgId, alice)).toEqual({
      accepted: 2,
      unanswered: 1,
      averageFirstResponseSeconds: 30,
      p90FirstResponseSeconds: 30,
      handled: 1,
      averageHandleSeconds: 600,
    });
    expect(csat(db, orgId, alice)).toMatchObject({ responses: 1, averageScore: 4, ended: 1 });
  });

  it('narrows to a shorter date range', () => {
    const { db, orgId, report } = open();
    // The second Paris week alone: S5–S9.
    const week = report({ from: at('2030-01-13T23:00:00Z') });
    expect(deflection(db, orgId, week)).toMatchObject({ conversations: 5, contained: 0 });
    expect(agentTimes(db, orgId, week)).toMatchObject({ accepted: 2, averageHandleSeconds: 1020 });
  });

  it('never counts another org’s conversations, work items, answers or agents', () => {
    const { db, orgId, report } = open();
    const wide = report({ from: at('2029-01-01T00:00:00Z'), to: at('2031-01-01T00:00:00Z') });
    // Acme over all time: S1–S10. Globex's contained conversation and CSAT 1 stay out.
    expect(deflection(db, orgId, wide)).toMatchObject({ conversations: 10, contained: 2 });
    expect(csat(db, orgId, wide)).toMatchObject({ responses: 3, averageScore: 11 / 3 });
    expect(waitTimes(db, orgId, wide)).toMatchObject({ answered: 3 });
    expect(agentUtilisation(db, orgId, wide, wide.to).map(({ name }) => name)).toEqual([
      'Alice',
      'Bob',
    ]);
  });

  it('refuses a range that ends before it starts', () => {
    expect(
      reportFiltersSchema.safeParse({ from: RANGE.to, to: RANGE.from }).error?.issues[0]?.message,
    ).toBe('The start of the range must come before its end.');
  });
});

describe('agent utilisation', () => {
  const openDb = useTestDb();

  /**
   * Monday 14 January 2030, 09:00–11:00 UTC (7,200 s).
   * Alice (capacity 2): Online since 08:00, Lunch (a Busy status) from 10:30. She holds S6 from
   *   10:10 on, one item: never at capacity.
   * Bob (capacity 1): no change before the range, so Offline; Online 09:02, Away 09:30 (console
   *   gone), Offline 10:00. He holds S5 09:03–09:20: at capacity for 1,020 s.
   */
  function open() {
    const db = openDb();
    const acme = seedReportsWorld(db);
    addPresenceChange(db, acme, 'alice', 'busy', '2030-01-08T12:30:00Z');
    addPresenceChange(db, acme, 'alice', 'online', '2030-01-14T08:00:00Z');
    addPresenceChange(db, acme, 'alice', 'busy', '2030-01-14T10:30:00Z', acme.lunch.id);
    addPresenceChange(db, acme, 'bob', 'online', '2030-01-14T09:02:00Z');
    addPresenceChange(db, acme, 'bob', 'away', '2030-01-14T09:30:00Z');
    addPresenceChange(db, acme, 'bob', 'offline', '2030-01-14T10:00:00Z');
    addPresenceChange(db, acme, 'bob', 'online', '2030-01-14T11:00:00Z');
    const filters = reportFiltersSchema.parse({
      from: '2030-01-14T09:00:00Z',
      to: '2030-01-14T11:00:00Z',
    });
    return { db, acme, filters };
  }

  it('adds up time in each presence from the history and time at capacity from work items', () => {
    const { db, acme, filters } = open();
    expect(agentUtilisation(db, acme.org.id, filters, at('2030-02-01T00:00:00Z'))).toEqual([
      {
        agentId: acme.alice.id,
        name: 'Alice',
        capacity: 2,
        // Online 09:00–10:30 = 5,400 s; Lunch 10:30–11:00 = 1,800 s.
        secondsIn: { online: 5400, busy: 1800, away: 0, offline: 0 },
        secondsInStatus: { [acme.lunch.id]: 1800 },
        secondsAtCapacity: 0,
      },
      {
        agentId: acme.bob.id,
        name: 'Bob',
        capacity: 1,
        // Offline 09:00–09:02 and 10:00–11:00 = 120 + 3,600; Online 09:02–09:30 = 1,680; Away
        // 09:30–10:00 = 1,800. The 11:00 change is the range's end, not in it.
        secondsIn: { online: 1680, busy: 0, away: 1800, offline: 3720 },
        secondsInStatus: {},
        secondsAtCapacity: 1020,
      },
    ]);
  });

  it('stops at now for a range still under way, and follows the agent and queue filters', () => {
    const { db, acme, filters } = open();
    const now = at('2030-01-14T10:00:00Z');
    const [alice, bob] = agentUtilisation(db, acme.org.id, filters, now);
    // Alice: Online 09:00–10:00. Bob: Offline 120, Online 1,680, Away 1,800.
    expect(alice?.secondsIn).toEqual({ online: 3600, busy: 0, away: 0, offline: 0 });
    expect(bob?.secondsIn).toEqual({ online: 1680, busy: 0, away: 1800, offline: 120 });
    const only = (changes: Partial<ReportFilters>) =>
      agentUtilisation(db, acme.org.id, { ...filters, ...changes }, now).map(({ name }) => name);
    expect(only({ agentId: acme.bob.id })).toEqual(['Bob']);
    expect(only({ queueId: acme.orders.id })).toEqual(['Alice']);
  });
});

describe('time at capacity across the start of the range', () => {
  const openDb = useTestDb();

  it('counts an item accepted before the range and completed within it', () => {
    const db = openDb();
    const acme = seedReportsWorld(db);
    // Bob (capacity 1) holds S5 from 09:03 to 09:20; the range 09:10–09:15 is all at capacity.
    // Alice holds S6 from 10:10 on, one item of two: never at capacity from 10:30.
    const filters = (from: string, to: string) => reportFiltersSchema.parse({ from, to });
    const now = at('2030-02-01T00:00:00Z');
    const [, bob] = agentUtilisation(
      db,
      acme.org.id,
      filters('2030-01-14T09:10:00Z', '2030-01-14T09:15:00Z'),
      now,
    );
    expect(bob?.secondsAtCapacity).toBe(300);
    const [alice] = agentUtilisation(
      db,
      acme.org.id,
      filters('2030-01-14T10:30:00Z', '2030-01-14T11:00:00Z'),
      now,
    );
    expect(alice?.secondsAtCapacity).toBe(0);
    db.$client.prepare('update agent_states set capacity = 1 where user_id = ?').run(acme.alice.id);
    const [aliceAtOne] = agentUtilisation(
      db,
      acme.org.id,
      filters('2030-01-14T10:30:00Z', '2030-01-14T11:00:00Z'),
      now,
    );
    expect(aliceAtOne?.secondsAtCapacity).toBe(1800);
  });
});
