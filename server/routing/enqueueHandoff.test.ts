import { eq } from 'drizzle-orm';
import { describe, expect, it } from 'vitest';
import type { Db } from '../db/client';
import { deployments, messagingSessions, queues, routingDecisions, workItems } from '../db/schema';
import { seedDemoOrg } from '../seed/seedDemoOrg';
import { useTestDb } from '../testing/testDb';
import { enqueueHandoff } from './enqueueHandoff';

async function demoSession(db: Db) {
  await seedDemoOrg(db, { demoPassword: 'demo-password-1' });
  const deployment = db
    .select()
    .from(deployments)
    .where(eq(deployments.publicId, 'acme-app'))
    .get();
  if (!deployment) throw new Error('demo deployment missing');
  const session = db
    .insert(messagingSessions)
    .values({ orgId: deployment.orgId, deploymentId: deployment.id, channel: deployment.channel })
    .returning()
    .get();
  const queue = (name: string) => {
    const row = db.select().from(queues).where(eq(queues.name, name)).get();
    if (!row) throw new Error(`demo queue ${name} missing`);
    return row;
  };
  return { session, queue };
}

const at = new Date('2030-05-06T07:08:09Z');

describe('enqueueHandoff', () => {
  const openDb = useTestDb();

  it('queues the session for an agent with the skills, priority and details the bot handed over', async () => {
    const db = openDb();
    const { session, queue } = await demoSession(db);
    enqueueHandoff(
      db,
      session,
      queue('Orders'),
      {
        queue: 'Orders',
        skills: [{ skill: 'orders', minLevel: 5 }],
        priority: 2,
        details: { summary: 'Parcel lost', intent: 'order_status' },
        said: [],
      },
      at,
    );
    expect(db.select().from(workItems).all()).toMatchObject([
      {
        orgId: session.orgId,
        sessionId: session.id,
        queueId: queue('Orders').id,
        status: 'queued',
        priority: 2,
        askedAt: at,
        requiredSkills: [{ skill: 'orders', minLevel: 5 }],
        handoff: { summary: 'Parcel lost', intent: 'order_status' },
      },
    ]);
    expect(db.select().from(routingDecisions).all()).toMatchObject([
      { event: 'queued', reason: 'handed off to the Orders queue' },
    ]);
  });

  it('adds the queue’s own skills at the higher level, and starts its overflow and optional-skill clocks', async () => {
    const db = openDb();
    const { session, queue } = await demoSession(db);
    db.update(queues)
      .set({
        requiredSkills: [
          { skill: 'orders', minLevel: 6 },
          { skill: 'english', minLevel: 3 },
        ],
        optionalSkills: [{ skill: 'vip', minLevel: 1 }],
        optionalSkillsWaitSeconds: 60,
        overflowAfterSeconds: 120,
        overflowQueueId: queue('Accounts').id,
        workItemSize: 2,
      })
      .where(eq(queues.id, queue('Orders').id))
      .run();
    enqueueHandoff(
      db,
      session,
      queue('Orders'),
      {
        queue: 'Orders',
        skills: [{ skill: 'orders', minLevel: 4 }],
        priority: 1,
        details: {},
        said: [],
      },
      at,
    );
    expect(db.select().from(workItems).get()).toMatchObject({
      size: 2,
      requiredSkills: [
        { skill: 'orders', minLevel: 6 },
        { skill: 'english', minLevel: 3 },
      ],
      optionalSkills: [{ skill: 'vip', minLevel: 1 }],
      optionalSkillsUntil: new Date(at.getTime() + 60_000),
      overflowAt: new Date(at.getTime() + 120_000),
      overflowQueueId: null,
    });
  });

  it('asks for nobody in particular, at middle priority, when no bot handed the session over', async () => {
    const db = openDb();
    const { session, queue } = await demoSession(db);
    enqueueHandoff(db, session, queue('Accounts'), undefined, at);
    expect(db.select().from(workItems).all()).toMatchObject([
      {
        queueId: queue('Accounts').id,
        status: 'queued',
        priority: 3,
        requiredSkills: [],
        handoff: {},
      },
    ]);
  });
});
