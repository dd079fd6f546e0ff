import { eq } from 'drizzle-orm';
import { describe, expect, it } from 'vitest';
import type { Db } from '../db/client';
import { deployments, messagingSessions, queues, workItems } from '../db/schema';
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
  const queueId = (name: string) =>
    db.select().from(queues).where(eq(queues.name, name)).get()?.id ?? '';
  return { session, queueId };
}

describe('enqueueHandoff', () => {
  const openDb = useTestDb();

  it('queues the session for an agent with the skills, priority and details the bot handed over', async () => {
    const db = openDb();
    const { session, queueId } = await demoSession(db);
    enqueueHandoff(db, session, queueId('Orders'), {
      queue: 'Orders',
      skills: [{ skill: 'orders', minLevel: 5 }],
      priority: 2,
      details: { summary: 'Parcel lost', intent: 'order_status' },
      said: [],
    });
    expect(db.select().from(workItems).all()).toMatchObject([
      {
        orgId: session.orgId,
        sessionId: session.id,
        queueId: queueId('Orders'),
        status: 'queued',
        priority: 2,
        requiredSkills: [{ skill: 'orders', minLevel: 5 }],
        handoff: { summary: 'Parcel lost', intent: 'order_status' },
      },
    ]);
  });

  it('asks for nobody in particular when no bot handed the session over', async () => {
    const db = openDb();
    const { session, queueId } = await demoSession(db);
    enqueueHandoff(db, session, queueId('Accounts'), undefined);
    expect(db.select().from(workItems).all()).toMatchObject([
      {
        queueId: queueId('Accounts'),
        status: 'queued',
        priority: 0,
        requiredSkills: [],
        handoff: {},
      },
    ]);
  });
});
