import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { eq } from 'drizzle-orm';
import { afterAll, describe, expect, it } from 'vitest';
import { openDatabase } from '../db/client';
import { deployments, messagingSessions, pushDeliveries, staffUsers } from '../db/schema';
import { deriveSecretsKey } from '../deployments/secretCipher';
import { appendEntries } from '../messaging/conversationEntries';
import { apiClient } from '../testing/apiClient';
import { freePort, startServerProcess } from '../testing/serverProcess';
import { enqueuePushNotifications } from './pushOutbox';
import { setApnsCredentials } from './pushSettings';
import { ApnsTestServer } from './testing/apnsTestServer';
import { writeTestCertificate } from './testing/testCertificate';

const CONVERSATIONS = 20;
const SECRET = 'push-crash-test-secret-0123456789abcdef';

describe('push deliveries across a crash', () => {
  const dir = mkdtempSync(path.join(tmpdir(), 'parley-push-crash-'));
  afterAll(() => rmSync(dir, { recursive: true, force: true }));

  it('sends every delivery pending at SIGKILL exactly once after the restart', {
    timeout: 90_000,
  }, async () => {
    const apns = new ApnsTestServer();
    const apnsUrl = await apns.start();
    const databasePath = path.join(dir, 'parley.db');
    const env = {
      DATABASE_URL: `file:${databasePath}`,
      NEXTAUTH_SECRET: SECRET,
      PARLEY_DEMO_PASSWORD: 'crash-test-password',
      PUSH_APNS_SANDBOX_URL: apnsUrl,
      PUSH_APNS_PRODUCTION_URL: apnsUrl,
      NODE_EXTRA_CA_CERTS: await writeTestCertificate(dir),
    };
    const port = await freePort();
    const first = await startServerProcess(env, port);
    const db = openDatabase(databasePath);
    try {
      const deployment = db
        .select()
        .from(deployments)
        .where(eq(deployments.publicId, 'acme-app'))
        .get();
      const admin = db
        .select()
        .from(staffUsers)
        .where(eq(staffUsers.email, 'admin@acme.test'))
        .get();
      if (!deployment || !admin) throw new Error('the demo org is missing');
      setApnsCredentials(db, deriveSecretsKey(SECRET), admin, {
        deploymentId: deployment.id,
        ...apns.credentials,
      });

      const client = apiClient(first.base);
      const conversations = await Promise.all(
        Array.from({ length: CONVERSATIONS }, async (_, index) => {
          const { body } = await client.start();
          await client.call(
            'POST',
            '/api/v1/push-registrations',
            {
              platform: 'apns',
              token: index.toString(16).padStart(64, 'a'),
              bundleId: apns.bundleId,
              environment: 'sandbox',
            },
            body.accessToken,
          );
          return body.conversationId as string;
        }),
      );
      // APNs is down: every first attempt fails and waits for its Retry-After.
      for (let i = 0; i < CONVERSATIONS; i++) apns.respondNext(503, { retryAfter: 2 });
      // Replies as the console writes them: the entry and its delivery in one transaction.
      for (const conversationId of conversations) {
        db.transaction(() => {
          const session = db
            .select()
            .from(messagingSessions)
            .where(eq(messagingSessions.id, conversationId))
            .get();
          if (!session) throw new Error('no session');
          const rows = appendEntries(db, session.orgId, session.id, [
            {
              actorType: 'agent',
              actorName: 'Alice',
              type: 'text',
              payload: { text: 'On its way.' },
            },
          ]);
          enqueuePushNotifications(db, session, rows, new Date());
        });
      }
      const deliveries = () => db.select().from(pushDeliveries).all();
      await expect
        .poll(() => deliveries().filter((row) => row.providerStatus === 503).length, {
          timeout: 20_000,
        })
        .toBe(CONVERSATIONS);
      await first.kill('SIGKILL');
      expect(apns.notifications).toEqual([]);
      expect(deliveries().every((row) => row.status === 'pending')).toBe(true);

      const second = await startServerProcess(env, port);
      try {
        await expect.poll(() => apns.notifications.length, { timeout: 30_000 }).toBe(CONVERSATIONS);
        // Long enough for a duplicate to show: past the retry delay and a worker poll again.
        await new Promise((resolve) => setTimeout(resolve, 3_000));
        expect(apns.notifications).toHaveLength(CONVERSATIONS);
        const notified = new Set(apns.notifications.map((n) => n.payload.conversationId));
        expect([...notified].sort()).toEqual([...conversations].sort());
        expect(deliveries().every((row) => row.status === 'sent')).toBe(true);
      } finally {
        await second.kill('SIGTERM');
      }
    } finally {
      db.$client.close();
      await apns.close();
    }
  });
});
