import { eq } from 'drizzle-orm';
import { describe, expect, it } from 'vitest';
import type { Db } from '../db/client';
import { orgs, queues, staffUsers } from '../db/schema';
import { seedDemoOrg } from '../seed/seedDemoOrg';
import { useTestDb } from '../testing/testDb';
import type { Handoff } from './handoff';
import { routeHandoff } from './routeHandoff';

function handoff(queue: string | null, skills: Handoff['skills'] = []): Handoff {
  return { queue, skills, priority: 3, details: {}, said: [] };
}

// The demo org: Alice in Orders with skill orders at 7, Bob in Accounts with accounts at 7.
describe('routeHandoff', () => {
  const openDb = useTestDb();

  async function demo(): Promise<{ db: Db; orgId: string; queueId: (name: string) => string }> {
    const db = openDb();
    await seedDemoOrg(db, { demoPassword: 'demo-password-1' });
    const orgId = db.select().from(orgs).get()?.id ?? '';
    const queueId = (name: string) =>
      db.select().from(queues).where(eq(queues.name, name)).get()?.id ?? '';
    return { db, orgId, queueId };
  }

  it('routes to the named queue when one of its agents has the skills at their levels', async () => {
    const { db, orgId, queueId } = await demo();
    expect(routeHandoff(db, orgId, handoff('Orders', [{ skill: 'orders', minLevel: 7 }]))).toEqual({
      ok: true,
      queueId: queueId('Orders'),
    });
    expect(routeHandoff(db, orgId, handoff('Accounts'))).toEqual({
      ok: true,
      queueId: queueId('Accounts'),
    });
  });

  it('answers that nobody can take it when no member has a skill at its level', async () => {
    const { db, orgId, queueId } = await demo();
    for (const skills of [
      [{ skill: 'orders', minLevel: 8 }],
      [{ skill: 'accounts', minLevel: 1 }],
      [
        { skill: 'orders', minLevel: 1 },
        { skill: 'billing', minLevel: 1 },
      ],
    ]) {
      expect(routeHandoff(db, orgId, handoff('Orders', skills))).toEqual({
        ok: false,
        reason: 'NO_CAPABLE_AGENT',
        queueId: queueId('Orders'),
      });
    }
  });

  it('does not count a deactivated agent', async () => {
    const { db, orgId } = await demo();
    db.update(staffUsers).set({ active: false }).where(eq(staffUsers.email, 'bob@acme.test')).run();
    expect(routeHandoff(db, orgId, handoff('Accounts'))).toMatchObject({
      ok: false,
      reason: 'NO_CAPABLE_AGENT',
    });
  });

  it('answers that nobody can take it for a queue the org does not have', async () => {
    const { db, orgId } = await demo();
    expect(routeHandoff(db, orgId, handoff('Billing'))).toEqual({
      ok: false,
      reason: 'NO_QUEUE',
      queueId: null,
    });
    expect(routeHandoff(db, 'another-org', handoff('Orders'))).toMatchObject({
      reason: 'NO_QUEUE',
    });
  });

  it("takes the org's first queue for a handoff that names none", async () => {
    const { db, orgId, queueId } = await demo();
    expect(routeHandoff(db, orgId, handoff(null))).toEqual({
      ok: true,
      queueId: queueId('Orders'),
    });
  });
});
