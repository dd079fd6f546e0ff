import { eq } from 'drizzle-orm';
import { describe, expect, it } from 'vitest';
import { agentSkills, queues, workItems } from '../db/schema';
import {
  auditedActions,
  domainRefusal,
  openWorkItem,
  queueWith,
  routingOrg,
} from '../testing/routingConfigFixtures';
import { useTestDb } from '../testing/testDb';
import { updateAgent } from './agents';
import { createQueue } from './queues';
import { createSkill, deleteSkill, listSkills, renameSkill } from './skills';

const page = { page: 1, pageSize: 20, search: '' };

describe('skills', () => {
  const openDb = useTestDb();

  it('are created once per name, in any case, and listed with who uses them', async () => {
    const db = openDb();
    const { org, admin, alice } = await routingOrg(db, 'acme');
    const orders = createSkill(db, admin, { name: ' orders ' });
    createSkill(db, admin, { name: 'billing' });
    const duplicate = domainRefusal(() => createSkill(db, admin, { name: 'Orders' }));
    expect(duplicate).toMatchObject({ code: 'CONFLICT', details: { field: 'name' } });
    expect(duplicate.message).toBe('There is already a skill named “orders”.');

    updateAgent(db, admin, alice.id, {
      capacity: 3,
      skills: [{ skillId: orders.id, level: 6 }],
      queueIds: [],
    });
    createQueue(
      db,
      admin,
      queueWith({ name: 'Orders', requiredSkills: [{ skill: 'orders', minLevel: 4 }] }),
    );
    expect(listSkills(db, org.id, page).items).toEqual([
      { id: expect.any(String), name: 'billing', agentCount: 0, queueNames: [] },
      { id: orders.id, name: 'orders', agentCount: 1, queueNames: ['Orders'] },
    ]);
    expect(listSkills(db, org.id, { ...page, search: 'bill' }).items.map((s) => s.name)).toEqual([
      'billing',
    ]);
  });

  it('keep the queues and open work that name them when renamed', async () => {
    const db = openDb();
    const { admin } = await routingOrg(db, 'acme');
    const skill = createSkill(db, admin, { name: 'orders' });
    const queue = createQueue(
      db,
      admin,
      queueWith({
        name: 'Orders',
        optionalSkills: [{ skill: 'orders', minLevel: 8 }],
        optionalSkillsWaitSeconds: 60,
      }),
    );
    const item = openWorkItem(db, admin, queue.id, {
      requiredSkills: [{ skill: 'orders', minLevel: 3 }],
    });

    renameSkill(db, admin, skill.id, { name: 'order-support' });

    const stored = db.select().from(queues).where(eq(queues.id, queue.id)).get();
    expect(stored?.optionalSkills).toEqual([{ skill: 'order-support', minLevel: 8 }]);
    const waiting = db.select().from(workItems).where(eq(workItems.id, item.id)).get();
    expect(waiting?.requiredSkills).toEqual([{ skill: 'order-support', minLevel: 3 }]);
    expect(auditedActions(db, admin.orgId).at(-1)).toEqual({
      action: 'skill.renamed',
      details: { from: 'orders', to: 'order-support' },
    });
  });

  it('cannot be deleted while a queue or open work needs them, and say what to do', async () => {
    const db = openDb();
    const { admin, alice } = await routingOrg(db, 'acme');
    const skill = createSkill(db, admin, { name: 'orders' });
    const queue = createQueue(
      db,
      admin,
      queueWith({ name: 'Orders', requiredSkills: [{ skill: 'orders', minLevel: 1 }] }),
    );
    const byQueue = domainRefusal(() => deleteSkill(db, admin, skill.id));
    expect(byQueue.code).toBe('CONFLICT');
    expect(byQueue.message).toBe(
      'The Orders queue uses the skill “orders”: remove it from that queue first.',
    );

    db.update(queues).set({ requiredSkills: [] }).where(eq(queues.id, queue.id)).run();
    openWorkItem(db, admin, queue.id, { requiredSkills: [{ skill: 'orders', minLevel: 2 }] });
    openWorkItem(db, admin, queue.id, {
      status: 'accepted',
      requiredSkills: [{ skill: 'orders', minLevel: 2 }],
    });
    openWorkItem(db, admin, queue.id, {
      status: 'completed',
      requiredSkills: [{ skill: 'orders', minLevel: 2 }],
    });
    expect(domainRefusal(() => deleteSkill(db, admin, skill.id)).message).toBe(
      '2 open conversations need the skill “orders”: delete it once they are done.',
    );

    db.update(workItems).set({ status: 'completed' }).run();
    updateAgent(db, admin, alice.id, {
      capacity: 2,
      skills: [{ skillId: skill.id, level: 5 }],
      queueIds: [],
    });
    expect(deleteSkill(db, admin, skill.id)).toEqual({ id: skill.id, agentsWhoHeldIt: 1 });
    expect(db.select().from(agentSkills).all()).toEqual([]);
    expect(auditedActions(db, admin.orgId).at(-1)).toEqual({
      action: 'skill.deleted',
      details: { name: 'orders', agentsWhoHeldIt: 1 },
    });
  });

  it('belong to one org: another org’s admin finds none of them', async () => {
    const db = openDb();
    const a = await routingOrg(db, 'org-a');
    const b = await routingOrg(db, 'org-b');
    const skill = createSkill(db, a.admin, { name: 'orders' });
    expect(createSkill(db, b.admin, { name: 'orders' }).name).toBe('orders');
    expect(domainRefusal(() => renameSkill(db, b.admin, skill.id, { name: 'x' })).code).toBe(
      'NOT_FOUND',
    );
    expect(domainRefusal(() => deleteSkill(db, b.admin, skill.id)).code).toBe('NOT_FOUND');
    expect(listSkills(db, b.org.id, page).items.map((s) => s.id)).not.toContain(skill.id);
  });

  it('need a name', async () => {
    const db = openDb();
    const { admin } = await routingOrg(db, 'acme');
    expect(domainRefusal(() => createSkill(db, admin, { name: '  ' }))).toMatchObject({
      code: 'INVALID_INPUT',
      message: 'Name the skill.',
      details: { field: 'name' },
    });
  });
});
