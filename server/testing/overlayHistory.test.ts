import { eq } from 'drizzle-orm';
import { describe, expect, it } from 'vitest';
import template from '../../bot-runtime/templates/customer-support.json';
import { addDays, localDate } from '../bots/orgDays';
import { rollUpClosedDays } from '../bots/traceRollups';
import { botVersions } from '../db/schema';
import { botFlowOverlay } from '../reports/botFlowOverlay';
import { generateOverlayHistory } from './overlayHistory';
import { reportsOrg } from './reportsFixture';
import { useTestDb } from './testDb';

describe('a generated overlay history', () => {
  const openDb = useTestDb();

  it('walks the flow, and its roll-ups answer as its raw traces do', async () => {
    const db = openDb();
    const world = reportsOrg(db, 'acme', 'America/New_York');
    db.update(botVersions).set({ flow: template }).where(eq(botVersions.id, world.v1.id)).run();
    const now = Date.parse('2030-06-20T15:00:00Z');
    const made = generateOverlayHistory(db, {
      orgId: world.org.id,
      deploymentId: world.app.id,
      channel: 'in_app',
      botId: world.v1.botId,
      botVersionId: world.v1.id,
      days: 6,
      conversationsPerDay: 150,
      endMs: now,
      queueId: world.orders.id,
    });
    expect(made.conversations).toBe(900);

    const to = localDate(new Date(now), 'America/New_York');
    const range = { botVersionId: world.v1.id, from: addDays(to, -6), to };
    const raw = botFlowOverlay(db, world.org.id, range);
    expect(raw.conversations).toBe(900);
    expect(raw.edges.find((e) => e.edgeId === 'e1')?.conversations).toBe(900);
    for (const outcome of ['contained', 'escalated', 'abandoned', 'error', 'noAgent'] as const) {
      expect(raw.outcomes[outcome]).toBeGreaterThan(0);
    }

    expect(await rollUpClosedDays(db, world.org.id, now)).toBeGreaterThan(4);
    expect(botFlowOverlay(db, world.org.id, range)).toEqual(raw);
  });
});
