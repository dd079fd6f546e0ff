import { eq } from 'drizzle-orm';
import { describe, expect, it } from 'vitest';
import { agentStates } from '../db/schema';
import { createStaff } from '../testing/fixtures';
import {
  auditedActions,
  domainRefusal,
  queueWith,
  routingOrg,
} from '../testing/routingConfigFixtures';
import { useTestDb } from '../testing/testDb';
import { listAgents, updateAgent } from './agents';
import { createQueue } from './queues';
import { createSkill } from './skills';

const page = { page: 1, pageSize: 20, search: '' };

describe('agents’ routing profile', () => {
  const openDb = useTestDb();

  it('sets capacity, skills with levels and queues, replacing what the agent had', async () => {
    const db = openDb();
    const { org, admin, alice } = await routingOrg(db, 'acme');
    const orders = createSkill(db, admin, { name: 'orders' });
    const vip = createSkill(db, admin, { name: 'vip' });
    const ordersQueue = createQueue(db, admin, queueWith({ name: 'Orders' }));
    const vipQueue = createQueue(db, admin, queueWith({ name: 'VIP' }));

    updateAgent(db, admin, alice.id, {
      capacity: 5,
      skills: [
        { skillId: orders.id, level: 7 },
        { skillId: vip.id, level: 2 },
      ],
      queueIds: [ordersQueue.id, vipQueue.id],
    });
    updateAgent(db, admin, alice.id, {
      capacity: 4,
      skills: [{ skillId: vip.id, level: 9 }],
      queueIds: [vipQueue.id],
    });

    const listed = listAgents(db, org.id, { ...page, search: 'alice' }).items;
    expect(listed).toEqual([
      expect.objectContaining({
        id: alice.id,
        capacity: 4,
        presence: 'offline',
        presenceStatusName: null,
        load: 0,
        skills: [{ skillId: vip.id, name: 'vip', level: 9 }],
        queues: [{ id: vipQueue.id, name: 'VIP' }],
      }),
    ]);
    expect(auditedActions(db, org.id).at(-1)).toEqual({
      action: 'agent.routing_changed',
      details: { capacity: 4, skills: [{ skill: 'vip', level: 9 }], queues: ['VIP'] },
    });
  });

  it('lists everyone who can take work, with the default capacity until it is set', async () => {
    const db = openDb();
    const { org, admin } = await routingOrg(db, 'acme');
    const designer = await createStaff(db, org.id, 'designer');
    const roles = listAgents(db, org.id, page).items.map((agent) => [agent.role, agent.capacity]);
    expect(roles.sort()).toEqual([
      ['admin', 3],
      ['agent', 3],
      ['agent', 3],
      ['supervisor', 3],
    ]);
    const refusal = domainRefusal(() =>
      updateAgent(db, admin, designer.id, { capacity: 2, skills: [], queueIds: [] }),
    );
    expect(refusal).toMatchObject({
      code: 'NOT_FOUND',
      message: 'No such agent in your organisation.',
    });
  });

  it('refuses a capacity under 1, a level outside 1 to 10 and another org’s skills or queues', async () => {
    const db = openDb();
    const { admin, alice } = await routingOrg(db, 'acme');
    const other = await routingOrg(db, 'other');
    const skill = createSkill(db, admin, { name: 'orders' });
    const theirSkill = createSkill(db, other.admin, { name: 'orders' });
    const theirQueue = createQueue(db, other.admin, queueWith({ name: 'Theirs' }));
    const valid = { capacity: 3, skills: [{ skillId: skill.id, level: 5 }], queueIds: [] };
    const cases: [object, string, string][] = [
      [{ capacity: 0 }, 'capacity', 'Capacity must be at least 1.'],
      [
        { skills: [{ skillId: skill.id, level: 11 }] },
        'skills.0.level',
        'A level is from 1 to 10.',
      ],
      [{ skills: [{ skillId: skill.id, level: 0 }] }, 'skills.0.level', 'A level is from 1 to 10.'],
      [
        { skills: [{ skillId: theirSkill.id, level: 5 }] },
        'skills',
        'One of the skills no longer exists: reload and choose again.',
      ],
      [
        { queueIds: [theirQueue.id] },
        'queueIds',
        'One of the queues no longer exists: reload and choose again.',
      ],
    ];
    for (const [change, field, message] of cases) {
      const refusal = domainRefusal(() =>
        updateAgent(db, admin, alice.id, { ...valid, ...change }),
      );
      expect({
        code: refusal.code,
        field: refusal.details?.field,
        message: refusal.message,
      }).toEqual({
        code: 'INVALID_INPUT',
        field,
        message,
      });
    }
    expect(domainRefusal(() => updateAgent(db, admin, other.alice.id, valid)).code).toBe(
      'NOT_FOUND',
    );
    expect(db.select().from(agentStates).where(eq(agentStates.userId, other.alice.id)).get()).toBe(
      undefined,
    );
  });
});
