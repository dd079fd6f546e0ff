import { eq } from 'drizzle-orm';
import { describe, expect, it } from 'vitest';
import type { Db } from '../db/client';
import { agentStates, orgs, queues, staffUsers } from '../db/schema';
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
    expect(
      routeHandoff(db, orgId, handoff('Orders', [{ skill: 'orders', minLevel: 7 }])),
    ).toMatchObject({ ok: true, queue: { id: queueId('Orders') } });
    expect(routeHandoff(db, orgId, handoff('Accounts'))).toMatchObject({
      ok: true,
      queue: { id: queueId('Accounts') },
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
      expect(routeHandoff(db, orgId, handoff('Orders', skills))).toMatchObject({
        ok: false,
        reason: 'NO_CAPABLE_AGENT',
        queue: { id: queueId('Orders') },
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
      queue: null,
    });
    expect(routeHandoff(db, 'another-org', handoff('Orders'))).toMatchObject({
      reason: 'NO_QUEUE',
    });
  });

  it("takes the org's first queue for a handoff that names none", async () => {
    const { db, orgId, queueId } = await demo();
    expect(routeHandoff(db, orgId, handoff(null))).toMatchObject({
      ok: true,
      queue: { id: queueId('Orders') },
    });
  });

  it('answers CLOSED outside the queue’s hours and on its holidays', async () => {
    const { db, orgId } = await demo();
    db.update(queues)
      .set({
        businessHours: {
          timeZone: 'America/New_York',
          weekly: [{ day: 1, open: '09:00', close: '17:00' }],
          holidays: [{ date: '2030-12-23', name: 'Closed for the day' }],
        },
      })
      .where(eq(queues.name, 'Orders'))
      .run();
    const orders = handoff('Orders');
    // Monday 2030-12-16 10:00 in New York is 15:00 UTC.
    expect(routeHandoff(db, orgId, orders, new Date('2030-12-16T15:00:00Z'))).toMatchObject({
      ok: true,
    });
    expect(routeHandoff(db, orgId, orders, new Date('2030-12-16T23:00:00Z'))).toMatchObject({
      ok: false,
      reason: 'CLOSED',
    });
    expect(routeHandoff(db, orgId, orders, new Date('2030-12-17T15:00:00Z'))).toMatchObject({
      reason: 'CLOSED',
    });
    expect(routeHandoff(db, orgId, orders, new Date('2030-12-23T15:00:00Z'))).toMatchObject({
      reason: 'CLOSED',
    });
  });

  it('waits for a capable agent to come online, unless the queue says to give up at once', async () => {
    const { db, orgId } = await demo();
    expect(routeHandoff(db, orgId, handoff('Orders'))).toMatchObject({ ok: true });
    db.update(queues).set({ whenNoneOnline: 'no_agent' }).where(eq(queues.name, 'Orders')).run();
    expect(routeHandoff(db, orgId, handoff('Orders'))).toMatchObject({
      ok: false,
      reason: 'NO_AGENT_ONLINE',
    });
    const alice = db.select().from(staffUsers).where(eq(staffUsers.email, 'alice@acme.test')).get();
    db.update(agentStates)
      .set({ presence: 'online' })
      .where(eq(agentStates.userId, alice?.id ?? ''))
      .run();
    expect(routeHandoff(db, orgId, handoff('Orders'))).toMatchObject({ ok: true });
  });

  it('needs the queue’s own required skills on top of the hand-off’s', async () => {
    const { db, orgId } = await demo();
    db.update(queues)
      .set({ requiredSkills: [{ skill: 'accounts', minLevel: 1 }] })
      .where(eq(queues.name, 'Orders'))
      .run();
    expect(routeHandoff(db, orgId, handoff('Orders'))).toMatchObject({
      ok: false,
      reason: 'NO_CAPABLE_AGENT',
    });
  });
});
