import { describe, expect, it } from 'vitest';
import type { Db } from '../db/client';
import { callerFor, createStaff, trpcRejection } from '../testing/fixtures';
import { addPresenceChange, addSession, reportsOrg } from '../testing/reportsFixture';
import { useTestDb } from '../testing/testDb';

const JANUARY = { from: new Date('2026-01-01T00:00:00Z'), to: new Date('2026-02-01T00:00:00Z') };

/**
 * Two orgs with conversations in the same January: Acme has a contained conversation (CSAT 5)
 * and one Alice served from the Orders queue (CSAT 3); Globex has one contained conversation
 * with CSAT 1 and its own Alice. Acme's figures must never include Globex's.
 */
async function twoOrgs(db: Db) {
  const acme = reportsOrg(db, 'acme', 'Europe/Paris');
  addSession(db, acme, {
    deployment: 'app',
    version: 'v1',
    createdAt: '2026-01-08T10:00:00Z',
    status: 'ended',
    agentType: 'bot',
    endedAt: '2026-01-08T10:05:00Z',
    endedBy: 'bot',
    csat: 5,
  });
  addSession(db, acme, {
    deployment: 'web',
    version: 'v2',
    createdAt: '2026-01-09T10:00:00Z',
    status: 'ended',
    agentType: 'bot_to_agent',
    agent: 'alice',
    acceptedAt: '2026-01-09T10:02:00Z',
    endedAt: '2026-01-09T10:12:00Z',
    endedBy: 'agent',
    workItem: {
      queue: 'orders',
      status: 'completed',
      askedAt: '2026-01-09T10:01:00Z',
      acceptedAt: '2026-01-09T10:02:00Z',
      completedAt: '2026-01-09T10:12:00Z',
      handoff: { intent: 'orderStatus', nodeId: 'escalateOrders' },
    },
    entries: [['agent', 'text', '2026-01-09T10:03:00Z']],
    csat: 3,
  });
  addPresenceChange(db, acme, 'alice', 'online', '2026-01-09T09:00:00Z');
  addPresenceChange(db, acme, 'alice', 'offline', '2026-01-09T17:00:00Z');

  const globex = reportsOrg(db, 'globex', 'UTC');
  addSession(db, globex, {
    deployment: 'app',
    version: 'v1',
    createdAt: '2026-01-08T11:00:00Z',
    status: 'ended',
    agentType: 'bot',
    endedAt: '2026-01-08T11:01:00Z',
    endedBy: 'bot',
    csat: 1,
  });
  addPresenceChange(db, globex, 'alice', 'busy', '2026-01-08T09:00:00Z');

  const staff = async (org: typeof acme, role: Parameters<typeof createStaff>[2]) =>
    callerFor(db, await createStaff(db, org.org.id, role)).reports;
  return {
    acme,
    globex,
    acmeSupervisor: await staff(acme, 'supervisor'),
    acmeAdmin: await staff(acme, 'admin'),
    acmeAgent: await staff(acme, 'agent'),
    acmeDesigner: await staff(acme, 'designer'),
    globexSupervisor: await staff(globex, 'supervisor'),
  };
}

describe('the reports router', () => {
  const openDb = useTestDb();

  it("gives supervisors and admins their org's figures, each panel on its own", async () => {
    const db = openDb();
    const { acme, acmeSupervisor, acmeAdmin } = await twoOrgs(db);
    const volume = await acmeSupervisor.volume(JANUARY);
    expect(volume).toMatchObject({
      timeZone: 'Europe/Paris',
      total: 2,
      days: [
        { period: '2026-01-08', conversations: 1 },
        { period: '2026-01-09', conversations: 1 },
      ],
      weeks: [{ period: '2026-01-05', conversations: 2 }],
    });
    expect(volume.byDeployment).toEqual(
      [
        { key: acme.app.id, conversations: 1 },
        { key: acme.web.id, conversations: 1 },
      ].sort((a, b) => a.key.localeCompare(b.key)),
    );
    const outcomes = await acmeAdmin.botOutcomes(JANUARY);
    expect(outcomes.deflection).toMatchObject({
      conversations: 2,
      contained: 1,
      deflectionRate: 0.5,
    });
    expect(outcomes.escalations).toMatchObject({
      escalated: 1,
      byIntent: [{ key: 'orderStatus', escalations: 1, rate: 0.5 }],
    });
    expect(await acmeSupervisor.waitTimes(JANUARY)).toMatchObject({
      answered: 1,
      averageWaitSeconds: 60,
    });
    expect(await acmeSupervisor.agentTimes(JANUARY)).toMatchObject({
      averageFirstResponseSeconds: 60,
      averageHandleSeconds: 600,
    });
    const satisfaction = await acmeSupervisor.csat(JANUARY);
    expect(satisfaction).toMatchObject({ responses: 2, averageScore: 4, responseRate: 1 });
    expect(satisfaction.byAgent).toEqual([
      { key: acme.alice.id, responses: 1, averageScore: 3 },
      { key: null, responses: 1, averageScore: 5 },
    ]);
    const utilisation = await acmeSupervisor.utilisation(JANUARY);
    expect(utilisation.map((agent) => [agent.name, agent.secondsIn.online])).toEqual([
      ['Alice', 8 * 3600],
      ['Bob', 0],
    ]);
  });

  it('offers the org’s own deployments, versions, queues, agents and zone as filters', async () => {
    const db = openDb();
    const { acme, acmeSupervisor } = await twoOrgs(db);
    const options = await acmeSupervisor.options();
    expect(options).toMatchObject({
      timeZone: 'Europe/Paris',
      channels: ['in_app', 'web'],
      deployments: [
        { id: acme.app.id, name: 'App', channel: 'in_app' },
        { id: acme.web.id, name: 'Web', channel: 'web' },
      ],
      botVersions: [
        { id: acme.v2.id, name: 'Helper v2' },
        { id: acme.v1.id, name: 'Helper v1' },
      ],
      queues: [
        { id: acme.billing.id, name: 'Billing' },
        { id: acme.orders.id, name: 'Orders' },
      ],
      presenceStatuses: [{ id: acme.lunch.id, name: 'Lunch' }],
    });
    // The staff the fixture made as agents, and the console roles the test signed in with.
    expect(options.agents.map((agent) => agent.name)).toEqual([
      'Alice',
      'Bob',
      'admin user',
      'agent user',
      'supervisor user',
    ]);
  });

  it('refuses agents and designers, whatever they ask for', async () => {
    const db = openDb();
    const { acmeAgent, acmeDesigner } = await twoOrgs(db);
    for (const reports of [acmeAgent, acmeDesigner]) {
      for (const call of [
        reports.options(),
        reports.volume(JANUARY),
        reports.botOutcomes(JANUARY),
        reports.waitTimes(JANUARY),
        reports.agentTimes(JANUARY),
        reports.csat(JANUARY),
        reports.utilisation(JANUARY),
      ]) {
        expect((await trpcRejection(call)).code).toBe('FORBIDDEN');
      }
    }
  });

  it("never shows another org's data, even asked for by its ids", async () => {
    const db = openDb();
    const { acme, globex, globexSupervisor } = await twoOrgs(db);
    const own = await globexSupervisor.csat(JANUARY);
    expect(own).toMatchObject({ responses: 1, averageScore: 1 });
    const acmeIds = {
      deploymentId: acme.app.id,
      botVersionId: acme.v1.id,
      queueId: acme.orders.id,
      agentId: acme.alice.id,
    };
    for (const [key, value] of Object.entries(acmeIds)) {
      const filters = { ...JANUARY, [key]: value };
      expect((await globexSupervisor.volume(filters)).total).toBe(0);
      expect((await globexSupervisor.csat(filters)).responses).toBe(0);
      expect((await globexSupervisor.botOutcomes(filters)).deflection.conversations).toBe(0);
      expect((await globexSupervisor.waitTimes(filters)).answered).toBe(0);
      expect((await globexSupervisor.agentTimes(filters)).accepted).toBe(0);
    }
    const utilisation = await globexSupervisor.utilisation(JANUARY);
    expect(utilisation.map((agent) => agent.agentId).sort()).toEqual(
      [globex.alice.id, globex.bob.id].sort(),
    );
    const options = JSON.stringify(await globexSupervisor.options());
    for (const id of [acme.app.id, acme.v1.id, acme.orders.id, acme.alice.id, acme.lunch.id]) {
      expect(options).not.toContain(id);
    }
  });

  it('refuses a range that ends before it starts, or is not a date, saying what is wrong', async () => {
    const db = openDb();
    const { acmeSupervisor } = await twoOrgs(db);
    const backwards = await trpcRejection(
      acmeSupervisor.volume({ from: JANUARY.to, to: JANUARY.from }),
    );
    expect(backwards.code).toBe('BAD_REQUEST');
    expect(backwards.message).toContain('The start of the range must come before its end.');
    const notADate = await trpcRejection(
      acmeSupervisor.csat({ from: 'last tuesday' as unknown as Date, to: JANUARY.to }),
    );
    expect(notADate.code).toBe('BAD_REQUEST');
  });
});
