import { eq } from 'drizzle-orm';
import { describe, expect, it } from 'vitest';
import { deployments, messagingSessions, queues, workItems } from '../db/schema';
import { seedDemoOrg } from '../seed/seedDemoOrg';
import { useTestDb } from '../testing/testDb';
import { cancelOpenWorkItems } from './cancelOpenWorkItems';

describe('cancelOpenWorkItems', () => {
  const openDb = useTestDb();

  it('withdraws the ended session’s items no agent has accepted, and nothing else', async () => {
    const db = openDb();
    await seedDemoOrg(db, { demoPassword: 'demo-password-1' });
    const deployment = db
      .select()
      .from(deployments)
      .where(eq(deployments.publicId, 'acme-app'))
      .get();
    const queue = db.select().from(queues).where(eq(queues.name, 'Orders')).get();
    if (!deployment || !queue) throw new Error('demo org missing');
    const newSession = () =>
      db
        .insert(messagingSessions)
        .values({
          orgId: deployment.orgId,
          deploymentId: deployment.id,
          channel: deployment.channel,
        })
        .returning()
        .get().id;
    const ended = newSession();
    const other = newSession();
    for (const [sessionId, status] of [
      [ended, 'queued'],
      [ended, 'offered'],
      [ended, 'accepted'],
      [other, 'queued'],
    ] as const) {
      db.insert(workItems)
        .values({ orgId: deployment.orgId, sessionId, queueId: queue.id, status })
        .run();
    }

    const at = new Date('2030-01-02T03:04:05Z');
    cancelOpenWorkItems(db, ended, at);

    const items = db
      .select({
        sessionId: workItems.sessionId,
        status: workItems.status,
        at: workItems.completedAt,
      })
      .from(workItems)
      .all();
    expect(items).toEqual([
      { sessionId: ended, status: 'cancelled', at },
      { sessionId: ended, status: 'cancelled', at },
      { sessionId: ended, status: 'accepted', at: null },
      { sessionId: other, status: 'queued', at: null },
    ]);
  });
});
