import { describe, expect, it } from 'vitest';
import { queueMembers, queues } from '../db/schema';
import {
  auditedActions,
  domainRefusal,
  openWorkItem,
  queueWith,
  routingOrg,
} from '../testing/routingConfigFixtures';
import { useTestDb } from '../testing/testDb';
import type { QueueInput } from './queueSchema';
import { createQueue, deleteQueue, getQueue, listQueues, updateQueue } from './queues';
import { createSkill } from './skills';

const page = { page: 1, pageSize: 20, search: '' };
const officeHours: QueueInput['businessHours'] = {
  timeZone: 'Europe/Paris',
  weekly: [
    { day: 1, open: '09:00', close: '17:30' },
    { day: 2, open: '09:00', close: '17:30' },
  ],
  holidays: [{ date: '2026-12-25', name: 'Christmas' }],
};

describe('queues', () => {
  const openDb = useTestDb();

  it('keep every setting, their members and their hours, and list what is in them', async () => {
    const db = openDb();
    const { org, admin, alice, bob } = await routingOrg(db, 'acme');
    createSkill(db, admin, { name: 'orders' });
    createSkill(db, admin, { name: 'vip' });
    const general = createQueue(db, admin, queueWith({ name: 'General' }));
    const input = queueWith({
      name: 'Orders',
      routingModel: 'least_active',
      offerTimeoutSeconds: 45,
      priority: 2,
      workItemSize: 2,
      overflowQueueId: general.id,
      overflowAfterSeconds: 300,
      requiredSkills: [{ skill: 'orders', minLevel: 4 }],
      optionalSkills: [{ skill: 'vip', minLevel: 7 }],
      optionalSkillsWaitSeconds: 90,
      businessHours: officeHours,
      autoAccept: true,
      whenNoneOnline: 'no_agent',
      memberIds: [alice.id, bob.id],
    });
    const orders = createQueue(db, admin, input);
    const stored = getQueue(db, org.id, orders.id);
    expect({ ...stored, memberIds: [...stored.memberIds].sort() }).toEqual({
      id: orders.id,
      ...input,
      memberIds: [alice.id, bob.id].sort(),
    });
    openWorkItem(db, admin, orders.id);
    expect(listQueues(db, org.id, page).items).toEqual([
      {
        id: general.id,
        name: 'General',
        routingModel: 'most_available',
        memberCount: 0,
        openWork: 0,
        hasBusinessHours: false,
        overflowQueueName: null,
      },
      {
        id: orders.id,
        name: 'Orders',
        routingModel: 'least_active',
        memberCount: 2,
        openWork: 1,
        hasBusinessHours: true,
        overflowQueueName: 'General',
      },
    ]);

    updateQueue(db, admin, orders.id, { ...input, memberIds: [bob.id], offerTimeoutSeconds: 20 });
    expect(getQueue(db, org.id, orders.id)).toMatchObject({
      offerTimeoutSeconds: 20,
      memberIds: [bob.id],
    });
    expect(auditedActions(db, org.id).at(-1)).toEqual({
      action: 'queue.updated',
      details: {
        changed: {
          offerTimeoutSeconds: { from: 45, to: 20 },
          memberIds: { from: [alice.id, bob.id].sort(), to: [bob.id] },
        },
      },
    });
  });

  it('refuse settings that cannot work, naming the field', async () => {
    const db = openDb();
    const { admin } = await routingOrg(db, 'acme');
    const other = await routingOrg(db, 'other');
    const foreign = createQueue(db, other.admin, queueWith({ name: 'Theirs' }));
    createSkill(db, admin, { name: 'orders' });
    const orders = createQueue(db, admin, queueWith({ name: 'Orders' }));
    const hours = officeHours as NonNullable<QueueInput['businessHours']>;
    const cases: [Partial<QueueInput>, string, string][] = [
      [
        { businessHours: { ...hours, timeZone: 'Mars/Olympus' } },
        'businessHours.timeZone',
        'Choose a time zone from the list, such as Europe/Paris.',
      ],
      [
        { businessHours: { ...hours, weekly: [{ day: 3, open: '18:00', close: '09:00' }] } },
        'businessHours.weekly.0.close',
        'Wednesday: the closing time must be after the opening time.',
      ],
      [
        { businessHours: { ...hours, holidays: [{ date: '2026-02-30', name: 'Nope' }] } },
        'businessHours.holidays.0.date',
        'Enter a real date such as 2026-12-25.',
      ],
      [
        { requiredSkills: [{ skill: 'orders', minLevel: 11 }] },
        'requiredSkills.0.minLevel',
        'A level is from 1 to 10.',
      ],
      [
        { requiredSkills: [{ skill: 'refunds', minLevel: 2 }] },
        'requiredSkills',
        'There is no skill named “refunds”: add it under Skills first.',
      ],
      [
        { optionalSkills: [{ skill: 'orders', minLevel: 2 }] },
        'optionalSkillsWaitSeconds',
        'Say how long work waits for agents with the optional skills.',
      ],
      [
        { overflowQueueId: orders.id, overflowAfterSeconds: 60 },
        'overflowQueueId',
        'A queue cannot overflow into itself.',
      ],
      [
        { overflowQueueId: foreign.id, overflowAfterSeconds: 60 },
        'overflowQueueId',
        'Choose one of your own queues to overflow to.',
      ],
      [
        { memberIds: [other.alice.id] },
        'memberIds',
        'Members are agents, supervisors or admins of your organisation.',
      ],
      [{ workItemSize: 0 }, 'workItemSize', 'A work item uses at least 1 unit of capacity.'],
    ];
    for (const [change, field, message] of cases) {
      const refusal = domainRefusal(() =>
        updateQueue(db, admin, orders.id, queueWith({ name: 'Orders', ...change })),
      );
      expect({
        code: refusal.code,
        field: refusal.details?.field,
        message: refusal.message,
      }).toEqual({ code: 'INVALID_INPUT', field, message });
    }
    const duplicate = domainRefusal(() => createQueue(db, admin, queueWith({ name: 'orders' })));
    expect(duplicate).toMatchObject({
      code: 'CONFLICT',
      message: 'There is already a queue named “Orders”.',
    });
    expect(getQueue(db, admin.orgId, orders.id)).toEqual({
      id: orders.id,
      ...queueWith({ name: 'Orders' }),
    });
  });

  it('cannot be deleted while work is open in them or another queue overflows into them', async () => {
    const db = openDb();
    const { admin, alice } = await routingOrg(db, 'acme');
    const spare = createQueue(db, admin, queueWith({ name: 'Spare', memberIds: [alice.id] }));
    expect(deleteQueue(db, admin, spare.id)).toEqual({ id: spare.id });
    expect(db.select().from(queueMembers).all()).toEqual([]);

    const orders = createQueue(db, admin, queueWith({ name: 'Orders' }));
    openWorkItem(db, admin, orders.id);
    openWorkItem(db, admin, orders.id, { status: 'offered' });
    expect(domainRefusal(() => deleteQueue(db, admin, orders.id))).toMatchObject({
      code: 'CONFLICT',
      message:
        '2 conversations are waiting in Orders or with its agents. Delete the queue once they are done.',
    });

    const overflow = createQueue(db, admin, queueWith({ name: 'Overflow' }));
    createQueue(
      db,
      admin,
      queueWith({ name: 'Billing', overflowQueueId: overflow.id, overflowAfterSeconds: 60 }),
    );
    expect(domainRefusal(() => deleteQueue(db, admin, overflow.id)).message).toBe(
      'Billing overflows into Overflow: choose another overflow queue there first.',
    );
    expect(
      db
        .select()
        .from(queues)
        .all()
        .map((q) => q.name)
        .sort(),
    ).toEqual(['Billing', 'Orders', 'Overflow']);
  });

  it('keep a queue with history, since the reports name it', async () => {
    const db = openDb();
    const { admin } = await routingOrg(db, 'acme');
    const orders = createQueue(db, admin, queueWith({ name: 'Orders' }));
    openWorkItem(db, admin, orders.id, { status: 'completed' });
    expect(domainRefusal(() => deleteQueue(db, admin, orders.id)).message).toBe(
      'Orders has handled 1 conversation, which reports keep, so it cannot be deleted. To stop it taking work, remove its members.',
    );
  });

  it('are invisible to another org’s admin', async () => {
    const db = openDb();
    const a = await routingOrg(db, 'org-a');
    const b = await routingOrg(db, 'org-b');
    const orders = createQueue(db, a.admin, queueWith({ name: 'Orders' }));
    expect(listQueues(db, b.org.id, page).items).toEqual([]);
    for (const call of [
      () => getQueue(db, b.org.id, orders.id),
      () => updateQueue(db, b.admin, orders.id, queueWith({ name: 'Mine' })),
      () => deleteQueue(db, b.admin, orders.id),
    ]) {
      expect(domainRefusal(call).code).toBe('NOT_FOUND');
    }
    expect(getQueue(db, a.org.id, orders.id).name).toBe('Orders');
  });
});
