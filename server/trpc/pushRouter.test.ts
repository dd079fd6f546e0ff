import { describe, expect, it, vi } from 'vitest';
import type { Db } from '../db/client';
import { messagingSessions, pushDeliveries, pushRegistrations } from '../db/schema';
import { deriveSecretsKey } from '../deployments/secretCipher';
import { loadPushCredentials } from '../push/pushSettings';
import { callerFor, createOrg, createStaff, trpcRejection } from '../testing/fixtures';
import { useTestDb } from '../testing/testDb';

const SESSION_SECRET = 'push-router-test-session-secret-0123456789';
vi.stubEnv('NEXTAUTH_SECRET', SESSION_SECRET);

async function orgWithDeployment(db: Db, slug: string) {
  const org = createOrg(db, slug);
  const admin = await createStaff(db, org.id, 'admin');
  const { deployment } = await callerFor(db, admin).deployments.create({
    name: `${slug} web`,
    channel: 'web',
    publicId: `${slug}-web`,
  });
  return { org, admin, deployment };
}

/** A conversation with one browser registered and the given deliveries, oldest first. */
function conversationWithDeliveries(
  db: Db,
  orgId: string,
  deploymentId: string,
  statuses: (typeof pushDeliveries.$inferInsert)['status'][],
) {
  const session = db
    .insert(messagingSessions)
    .values({ orgId, deploymentId, channel: 'web' })
    .returning()
    .get();
  const registration = db
    .insert(pushRegistrations)
    .values({
      orgId,
      deploymentId,
      sessionId: session.id,
      platform: 'web_push',
      token: `https://push.example.com/send/${session.id}`,
      keys: { p256dh: 'p', auth: 'a' },
    })
    .returning()
    .get();
  statuses.forEach((status, index) => {
    db.insert(pushDeliveries)
      .values({
        orgId,
        registrationId: registration.id,
        sessionId: session.id,
        seq: index + 1,
        status,
        attempts: status === 'failed' ? 5 : 1,
        nextAttemptAt: new Date(),
        providerStatus: status === 'failed' ? 410 : 201,
        lastError: status === 'failed' ? '410 Gone: subscription expired' : null,
        createdAt: new Date(Date.now() + index),
      })
      .run();
  });
  return session.id;
}

describe('push router', () => {
  const openDb = useTestDb();

  it('gives a new deployment VAPID keys at once, and shows the admin its settings', async () => {
    const db = openDb();
    const { admin, deployment } = await orgWithDeployment(db, 'acme');
    const settings = await callerFor(db, admin).push.settings({ deploymentId: deployment.id });
    const credentials = loadPushCredentials(
      db,
      deriveSecretsKey(SESSION_SECRET),
      deployment.id,
      'https://chat.example.com',
    );
    expect(settings.vapidPublicKey).toBe(credentials.vapid.publicKey);
    expect(JSON.stringify(settings)).not.toContain(credentials.vapid.privateKey);
  });

  it('refuses quiet hours and a contact address the push services would not take', async () => {
    const db = openDb();
    const { admin, deployment } = await orgWithDeployment(db, 'acme');
    const update = (changes: object) =>
      callerFor(db, admin).push.updateSettings({
        deploymentId: deployment.id,
        enabled: true,
        showText: true,
        title: null,
        quietHours: null,
        vapidSubject: null,
        ...changes,
      });
    const badTime = await trpcRejection(update({ quietHours: { start: '25:00', end: '07:00' } }));
    expect(badTime.code).toBe('BAD_REQUEST');
    const badSubject = await trpcRejection(update({ vapidSubject: 'mailto:' }));
    expect(badSubject.message).toContain('mailto:someone@example.com');
    const saved = await update({ quietHours: { start: '22:00', end: '07:00' } });
    expect(saved.quietHours).toEqual({ start: '22:00', end: '07:00' });
  });

  it("lists only the org's deliveries, newest first, by status and by conversation, a page at a time", async () => {
    const db = openDb();
    const { org, admin, deployment } = await orgWithDeployment(db, 'acme');
    const theirs = await orgWithDeployment(db, 'globex');
    const first = conversationWithDeliveries(db, org.id, deployment.id, ['sent', 'failed']);
    const second = conversationWithDeliveries(db, org.id, deployment.id, ['pending']);
    conversationWithDeliveries(db, theirs.org.id, theirs.deployment.id, ['sent', 'failed']);
    const api = callerFor(db, admin).push;

    const all = await api.deliveries({});
    expect(all.total).toBe(3);
    expect(all.items.map((item) => [item.sessionId, item.status])).toEqual([
      [second, 'pending'],
      [first, 'failed'],
      [first, 'sent'],
    ]);
    expect(all.items[1]).toMatchObject({
      platform: 'web_push',
      attempts: 5,
      providerStatus: 410,
      lastError: '410 Gone: subscription expired',
      deploymentName: 'acme web',
    });
    expect(JSON.stringify(all)).not.toContain('push.example.com');

    const failed = await api.deliveries({ status: 'failed' });
    expect(failed.items.map((item) => item.sessionId)).toEqual([first]);
    const ofFirst = await api.deliveries({ sessionId: first });
    expect(ofFirst.items.map((item) => item.status)).toEqual(['failed', 'sent']);
    const page2 = await api.deliveries({ pageSize: 2, page: 2 });
    expect(page2.items.map((item) => item.status)).toEqual(['sent']);
    expect(page2.total).toBe(3);
  });

  it('is for admins only', async () => {
    const db = openDb();
    const { org, deployment } = await orgWithDeployment(db, 'acme');
    const supervisor = await createStaff(db, org.id, 'supervisor');
    const refused = await trpcRejection(
      callerFor(db, supervisor).push.settings({ deploymentId: deployment.id }),
    );
    expect(refused.code).toBe('FORBIDDEN');
  });
});
