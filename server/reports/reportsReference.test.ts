import { describe, expect, it } from 'vitest';
import type { Db } from '../db/client';
import { workItems } from '../db/schema';
import { addSession, at, reportsOrg, type SessionSpec } from '../testing/reportsFixture';
import { referenceReports } from '../testing/reportsReference';
import { useTestDb } from '../testing/testDb';
import { agentTimes } from './agentTimes';
import { deflection, escalations } from './botOutcomes';
import { conversationsBy, conversationsByPeriod } from './conversationVolume';
import { csat } from './csat';
import { type ReportFilters, reportFiltersSchema } from './reportFilters';
import { waitTimes } from './waitTimes';

/**
 * The reports aggregate in the database (grouped counts and sums, the p90 by rank) so a year of
 * a busy org stays fast. Here every figure must equal the metric's definition worked out row by
 * row, on random conversations: ties in time, several work items per conversation, agents'
 * entries before the accept and of every type, hand-offs with odd values, answers without an
 * agent. Many seeds, each with random filters.
 */
const DAY_MS = 24 * 60 * 60 * 1000;
const START = at('2030-03-20T00:00:00Z').getTime();

function randomFrom(seed: number) {
  let state = seed;
  return () => {
    state = (state + 0x6d2b79f5) | 0;
    let t = state;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4_294_967_296;
  };
}

function seedRandomWorld(db: Db, seed: number) {
  const random = randomFrom(seed);
  const pick = <T>(list: readonly T[]): T => list[Math.floor(random() * list.length)] as T;
  // Whole minutes, so equal times (and so ties in the order) happen often.
  const minute = (base: number, most: number) => base + Math.floor(random() * most) * 60_000;
  const iso = (ms: number) => new Date(ms).toISOString();
  // Paris changes to summer time on 31 March 2030: days of 23 hours are in the range.
  const world = reportsOrg(db, `org${seed}`, pick(['Europe/Paris', 'UTC', 'Asia/Kathmandu']));
  const other = reportsOrg(db, `other${seed}`, 'UTC');
  for (let i = 0; i < 120; i++) {
    const target = random() < 0.1 ? other : world;
    const createdAt = minute(START, 21 * 24 * 60);
    const kind = random();
    const agent = pick(['alice', 'bob'] as const);
    const spec: SessionSpec = {
      deployment: pick(['app', 'web'] as const),
      version: pick(['v1', 'v2', null] as const),
      createdAt: iso(createdAt),
      status: pick(['ended', 'ended', 'active', 'waiting', 'inactive'] as const),
      agentType: pick(['bot', 'bot', 'bot_to_agent', 'agent'] as const),
      endedBy: pick(['bot', 'customer', 'system', 'agent', undefined] as const),
    };
    if (spec.status === 'ended') spec.endedAt = iso(minute(createdAt, 120));
    if (kind < 0.6) {
      const askedAt = minute(createdAt, 5);
      const acceptedAt = random() < 0.7 ? minute(askedAt, 30) : undefined;
      spec.workItem = {
        queue: pick(['orders', 'billing'] as const),
        status: acceptedAt
          ? pick(['accepted', 'completed'] as const)
          : pick(['queued', 'cancelled', 'cancelled'] as const),
        askedAt: iso(askedAt),
        acceptedAt: acceptedAt ? iso(acceptedAt) : undefined,
        completedAt: acceptedAt && random() < 0.5 ? iso(minute(acceptedAt, 60)) : undefined,
        handoff: pick([
          { intent: 'orderStatus', nodeId: 'escalateOrders' },
          { intent: 'refund', nodeId: 'escalateBilling' },
          { intent: '', nodeId: 'escalateOrders' },
          { intent: 7, nodeId: null },
          {},
        ]),
      };
      if (acceptedAt) {
        spec.agent = agent;
        spec.acceptedAt = iso(acceptedAt);
        spec.entries = Array.from({ length: Math.floor(random() * 5) }, () => [
          pick(['agent', 'agent', 'customer', 'bot', 'system'] as const),
          pick(['text', 'typing', 'image', 'participant_changed', 'cards'] as const),
          iso(minute(acceptedAt - 2 * 60_000, 20)),
        ]);
        spec.entries.sort((a, b) => a[2].localeCompare(b[2]));
      }
    }
    if (spec.status === 'ended' && random() < 0.5) spec.csat = 1 + Math.floor(random() * 5);
    const session = addSession(db, target, spec);
    // A second item now and then, asked at the same time or later: a transfer.
    if (spec.workItem && random() < 0.3) {
      db.insert(workItems)
        .values({
          orgId: target.org.id,
          sessionId: session.id,
          queueId: target[pick(['orders', 'billing'] as const)].id,
          status: pick(['completed', 'cancelled', 'queued'] as const),
          askedAt: at(spec.workItem.askedAt),
          acceptedBy: random() < 0.5 ? target[agent].id : null,
          acceptedAt:
            random() < 0.5 ? at(iso(minute(at(spec.workItem.askedAt).getTime(), 9))) : null,
          handoff: pick([{ intent: 'delivery', nodeId: 'escalateOther' }, {}]),
          createdAt: at(spec.workItem.askedAt),
        })
        .run();
    }
  }
  const filters = (): ReportFilters => {
    const from = minute(START - DAY_MS, 10 * 24 * 60);
    return reportFiltersSchema.parse({
      from: new Date(from),
      to: new Date(from + (1 + Math.floor(random() * 20)) * DAY_MS),
      deploymentId: random() < 0.25 ? world.app.id : undefined,
      channel: random() < 0.2 ? pick(['web', 'in_app']) : undefined,
      botVersionId: random() < 0.2 ? world.v1.id : undefined,
      queueId: random() < 0.3 ? pick([world.orders.id, world.billing.id]) : undefined,
      agentId: random() < 0.2 ? world.alice.id : undefined,
    });
  };
  return { orgId: world.org.id, filters };
}

/** Averages are summed in another order: equal to the last few bits. */
function rounded<T>(value: T): T {
  return JSON.parse(
    JSON.stringify(value, (_key, v) => (typeof v === 'number' ? Number(v.toPrecision(12)) : v)),
  );
}

const byKey = <T extends { key: string | null }>(groups: T[]) =>
  [...groups].sort((a, b) => (a.key ?? '').localeCompare(b.key ?? ''));

describe('reports equal their definitions worked out row by row', () => {
  const openDb = useTestDb();

  it.each(Array.from({ length: 12 }, (_, i) => i + 1))(
    'on random conversations, seed %i',
    (seed) => {
      const db = openDb();
      const { orgId, filters } = seedRandomWorld(db, seed);
      for (let round = 0; round < 6; round++) {
        const f = filters();
        const expected = referenceReports(db, orgId, f);
        expect(conversationsByPeriod(db, orgId, f, 'day')).toEqual(expected.byDay);
        expect(conversationsByPeriod(db, orgId, f, 'week')).toEqual(expected.byWeek);
        // Equal counts may come in either order of key: compare as sets.
        expect(byKey(conversationsBy(db, orgId, f, 'deployment'))).toEqual(
          byKey(expected.byDeployment),
        );
        expect(byKey(conversationsBy(db, orgId, f, 'channel'))).toEqual(byKey(expected.byChannel));
        expect(byKey(conversationsBy(db, orgId, f, 'botVersion'))).toEqual(
          byKey(expected.byBotVersion),
        );
        expect(rounded(deflection(db, orgId, f))).toEqual(rounded(expected.deflection));
        expect(rounded(escalations(db, orgId, f))).toEqual(rounded(expected.escalations));
        expect(rounded(waitTimes(db, orgId, f))).toEqual(rounded(expected.waitTimes));
        expect(rounded(agentTimes(db, orgId, f))).toEqual(rounded(expected.agentTimes));
        expect(rounded(csat(db, orgId, f))).toEqual(rounded(expected.csat));
      }
    },
  );
});
