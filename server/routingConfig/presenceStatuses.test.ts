import { eq } from 'drizzle-orm';
import { describe, expect, it } from 'vitest';
import { agentStates } from '../db/schema';
import { auditedActions, domainRefusal, routingOrg } from '../testing/routingConfigFixtures';
import { useTestDb } from '../testing/testDb';
import { listAgents } from './agents';
import {
  createPresenceStatus,
  deletePresenceStatus,
  listPresenceStatuses,
  updatePresenceStatus,
} from './presenceStatuses';

const page = { page: 1, pageSize: 20, search: '' };

describe('custom presence statuses', () => {
  const openDb = useTestDb();

  /** Alice has chosen the status, as the console would set it. */
  function putInStatus(db: ReturnType<typeof openDb>, orgId: string, userId: string, id: string) {
    db.insert(agentStates)
      .values({ orgId, userId, presence: 'busy', presenceStatusId: id, updatedAt: new Date() })
      .run();
  }
  const presenceOf = (db: ReturnType<typeof openDb>, userId: string) =>
    db.select().from(agentStates).where(eq(agentStates.userId, userId)).get()?.presence;

  it('are listed with the agents in them, and refuse a built-in or a taken name', async () => {
    const db = openDb();
    const { org, admin, alice } = await routingOrg(db, 'acme');
    const lunch = createPresenceStatus(db, admin, { name: 'Lunch', takesWork: false });
    createPresenceStatus(db, admin, { name: 'Training', takesWork: true });
    putInStatus(db, org.id, alice.id, lunch.id);
    expect(listPresenceStatuses(db, org.id)).toEqual([
      { id: lunch.id, name: 'Lunch', takesWork: false, agentCount: 1 },
      { id: expect.any(String), name: 'Training', takesWork: true, agentCount: 0 },
    ]);
    expect(
      domainRefusal(() => createPresenceStatus(db, admin, { name: 'lunch', takesWork: true })),
    ).toMatchObject({
      code: 'CONFLICT',
      message: 'There is already a status named “Lunch”.',
    });
    expect(
      domainRefusal(() => createPresenceStatus(db, admin, { name: 'away', takesWork: false })),
    ).toMatchObject({
      code: 'INVALID_INPUT',
      details: { field: 'name' },
      message: 'Online, Busy, Away and Offline are built in; choose another name.',
    });
  });

  it('move the agents in them when renamed or when whether they take work changes', async () => {
    const db = openDb();
    const { org, admin, alice, bob } = await routingOrg(db, 'acme');
    const lunch = createPresenceStatus(db, admin, { name: 'Lunch', takesWork: false });
    putInStatus(db, org.id, alice.id, lunch.id);

    updatePresenceStatus(db, admin, lunch.id, { name: 'Working lunch', takesWork: true });
    expect(presenceOf(db, alice.id)).toBe('online');
    const alicesRow = listAgents(db, org.id, { ...page, search: alice.email }).items[0];
    expect(alicesRow).toMatchObject({ presence: 'online', presenceStatusName: 'Working lunch' });
    expect(presenceOf(db, bob.id)).toBeUndefined();

    updatePresenceStatus(db, admin, lunch.id, { name: 'Lunch', takesWork: false });
    expect(presenceOf(db, alice.id)).toBe('busy');
    expect(auditedActions(db, org.id).at(-1)).toEqual({
      action: 'presence_status.updated',
      details: {
        from: { name: 'Working lunch', takesWork: true },
        to: { name: 'Lunch', takesWork: false },
        agentsInIt: 1,
      },
    });
  });

  it('leave the agents in a deleted status in the built-in one it stood for', async () => {
    const db = openDb();
    const { org, admin, alice } = await routingOrg(db, 'acme');
    const training = createPresenceStatus(db, admin, { name: 'Training', takesWork: false });
    putInStatus(db, org.id, alice.id, training.id);
    expect(deletePresenceStatus(db, admin, training.id)).toEqual({
      id: training.id,
      agentsInIt: 1,
    });
    expect(
      db.select().from(agentStates).where(eq(agentStates.userId, alice.id)).get(),
    ).toMatchObject({
      presence: 'busy',
      presenceStatusId: null,
    });
    expect(listPresenceStatuses(db, org.id)).toEqual([]);
  });

  it('belong to one org', async () => {
    const db = openDb();
    const a = await routingOrg(db, 'org-a');
    const b = await routingOrg(db, 'org-b');
    const lunch = createPresenceStatus(db, a.admin, { name: 'Lunch', takesWork: false });
    expect(listPresenceStatuses(db, b.org.id)).toEqual([]);
    for (const call of [
      () => updatePresenceStatus(db, b.admin, lunch.id, { name: 'Mine', takesWork: true }),
      () => deletePresenceStatus(db, b.admin, lunch.id),
    ]) {
      expect(domainRefusal(call).code).toBe('NOT_FOUND');
    }
    expect(listPresenceStatuses(db, a.org.id)).toMatchObject([{ name: 'Lunch', takesWork: false }]);
  });
});
