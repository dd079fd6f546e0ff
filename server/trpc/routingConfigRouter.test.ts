import { describe, expect, it } from 'vitest';
import type { Db } from '../db/client';
import {
  agentSkills,
  agentStates,
  presenceStatuses,
  queueMembers,
  queues,
  quickTexts,
  routingSettings,
  skills,
} from '../db/schema';
import { callerFor, createStaff, trpcRejection } from '../testing/fixtures';
import { queueWith, routingOrg } from '../testing/routingConfigFixtures';
import { useTestDb } from '../testing/testDb';

/** An org whose admin has configured one of everything. */
async function configuredOrg(db: Db, slug: string) {
  const org = await routingOrg(db, slug);
  const api = callerFor(db, org.admin).routingConfig;
  const skill = await api.skills.create({ name: 'orders' });
  const queue = await api.queues.create(
    queueWith({
      name: 'Orders',
      requiredSkills: [{ skill: 'orders', minLevel: 3 }],
      memberIds: [org.alice.id],
    }),
  );
  await api.agents.update({
    userId: org.alice.id,
    agent: { capacity: 4, skills: [{ skillId: skill.id, level: 6 }], queueIds: [queue.id] },
  });
  const status = await api.presenceStatuses.create({ name: 'Lunch', takesWork: false });
  const text = await api.quickTexts.create({ title: 'Greeting', body: 'Hi {{contact.name}}!' });
  await api.settings.update({
    autoAwayAfterMissedOffers: 2,
    rerouteOnOffline: true,
    noReplyReassignSeconds: null,
  });
  return { ...org, skill, queue, status, text };
}

const page = {};

function routingRows(db: Db) {
  return JSON.stringify(
    [
      skills,
      queues,
      queueMembers,
      agentSkills,
      agentStates,
      presenceStatuses,
      quickTexts,
      routingSettings,
    ].map((table) => db.select().from(table).all()),
  );
}

describe('routing configuration over tRPC', () => {
  const openDb = useTestDb();

  it('lets supervisors read it and change nothing; agents read quick texts and statuses only', async () => {
    const db = openDb();
    const acme = await configuredOrg(db, 'acme');
    const asSupervisor = callerFor(db, acme.supervisor).routingConfig;
    expect((await asSupervisor.queues.list(page)).items.map((q) => q.name)).toEqual(['Orders']);
    expect(await asSupervisor.queues.byId({ id: acme.queue.id })).toMatchObject({ name: 'Orders' });
    expect((await asSupervisor.agents.list({ search: 'alice' })).items).toMatchObject([
      { capacity: 4, skills: [{ name: 'orders', level: 6 }] },
    ]);
    expect(await asSupervisor.settings.get()).toMatchObject({ autoAwayAfterMissedOffers: 2 });
    const before = routingRows(db);
    for (const attempt of [
      asSupervisor.skills.create({ name: 'vip' }),
      asSupervisor.queues.delete({ id: acme.queue.id }),
      asSupervisor.agents.update({
        userId: acme.alice.id,
        agent: { capacity: 9, skills: [], queueIds: [] },
      }),
      asSupervisor.presenceStatuses.update({ id: acme.status.id, name: 'Lunch', takesWork: true }),
      asSupervisor.quickTexts.delete({ id: acme.text.id }),
      asSupervisor.settings.update({
        autoAwayAfterMissedOffers: null,
        rerouteOnOffline: false,
        noReplyReassignSeconds: null,
      }),
    ]) {
      expect((await trpcRejection(attempt)).code).toBe('FORBIDDEN');
    }

    const asAgent = callerFor(db, acme.alice).routingConfig;
    expect((await asAgent.quickTexts.list({ search: 'greet' })).items).toMatchObject([
      { title: 'Greeting', body: 'Hi {{contact.name}}!' },
    ]);
    expect(await asAgent.presenceStatuses.list()).toMatchObject([{ name: 'Lunch' }]);
    for (const attempt of [
      asAgent.queues.list(page),
      asAgent.agents.list(page),
      asAgent.quickTexts.create({ title: 'Mine', body: 'x' }),
    ]) {
      expect((await trpcRejection(attempt)).code).toBe('FORBIDDEN');
    }
    const designer = callerFor(db, await createStaff(db, acme.org.id, 'designer')).routingConfig;
    expect((await trpcRejection(designer.quickTexts.list(page))).code).toBe('FORBIDDEN');
    expect(routingRows(db)).toBe(before);
  });

  it('never shows or changes one org’s configuration to another org’s admin', async () => {
    const db = openDb();
    const acme = await configuredOrg(db, 'acme');
    const globex = await routingOrg(db, 'globex');
    const asGlobex = callerFor(db, globex.admin).routingConfig;
    expect((await asGlobex.skills.list(page)).items).toEqual([]);
    expect(await asGlobex.skills.options()).toEqual([]);
    expect((await asGlobex.queues.list(page)).items).toEqual([]);
    expect(await asGlobex.queues.options()).toEqual([]);
    expect((await asGlobex.agents.list(page)).items.map((a) => a.id)).not.toContain(acme.alice.id);
    expect(await asGlobex.presenceStatuses.list()).toEqual([]);
    expect((await asGlobex.quickTexts.list(page)).items).toEqual([]);
    expect(await asGlobex.settings.get()).toMatchObject({ autoAwayAfterMissedOffers: null });

    const before = routingRows(db);
    const notFound = [
      asGlobex.queues.byId({ id: acme.queue.id }),
      asGlobex.skills.rename({ id: acme.skill.id, name: 'mine' }),
      asGlobex.skills.delete({ id: acme.skill.id }),
      asGlobex.queues.update({ id: acme.queue.id, queue: queueWith({ name: 'Mine' }) }),
      asGlobex.queues.delete({ id: acme.queue.id }),
      asGlobex.agents.update({
        userId: acme.alice.id,
        agent: { capacity: 1, skills: [], queueIds: [] },
      }),
      asGlobex.presenceStatuses.update({ id: acme.status.id, name: 'Mine', takesWork: true }),
      asGlobex.presenceStatuses.delete({ id: acme.status.id }),
      asGlobex.quickTexts.update({ id: acme.text.id, title: 'Mine', body: 'x' }),
      asGlobex.quickTexts.delete({ id: acme.text.id }),
    ];
    for (const attempt of notFound) {
      const error = await trpcRejection(attempt);
      expect(error.code).toBe('NOT_FOUND');
      expect(error.message).not.toContain('Orders');
    }
    const borrowing = await trpcRejection(
      asGlobex.queues.create(
        queueWith({ name: 'Borrowed', overflowQueueId: acme.queue.id, overflowAfterSeconds: 30 }),
      ),
    );
    expect(borrowing.code).toBe('BAD_REQUEST');
    expect(routingRows(db)).toBe(before);
  });

  it('answers a wrong value as BAD_REQUEST naming the field, and a taken name as CONFLICT', async () => {
    const db = openDb();
    const acme = await configuredOrg(db, 'acme');
    const api = callerFor(db, acme.admin).routingConfig;
    const capacity = await trpcRejection(
      api.agents.update({
        userId: acme.alice.id,
        agent: { capacity: 0, skills: [], queueIds: [] },
      }),
    );
    expect(capacity.code).toBe('BAD_REQUEST');
    expect(JSON.stringify(capacity.cause)).toContain('Capacity must be at least 1.');
    const taken = await trpcRejection(api.queues.create(queueWith({ name: 'orders' })));
    expect(taken).toMatchObject({
      code: 'CONFLICT',
      message: 'There is already a queue named “Orders”.',
    });
  });
});
