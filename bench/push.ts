import { fork } from 'node:child_process';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { eq, ne } from 'drizzle-orm';
import { openDatabase } from '../server/db/client';
import {
  deployments,
  messagingSessions,
  pushDeliveries,
  pushRegistrations,
  staffUsers,
} from '../server/db/schema';
import { walSyncFor } from '../server/db/walSync';
import { WriteBatcher } from '../server/db/writeBatcher';
import { deriveSecretsKey } from '../server/deployments/secretCipher';
import { appendEntries } from '../server/messaging/conversationEntries';
import { cacheDeploymentPush } from '../server/push/deploymentPushCache';
import { createPushSender } from '../server/push/providers/pushSender';
import type { ApnsCredentials } from '../server/push/providers/types';
import { enqueuePushNotifications } from '../server/push/pushOutbox';
import {
  ensurePushSettings,
  loadPushCredentials,
  setApnsCredentials,
} from '../server/push/pushSettings';
import { PushWorker } from '../server/push/pushWorker';
import { seedDemoOrg } from '../server/seed/seedDemoOrg';
import { describeMachine, today } from './machine';
import { numberOption } from './numberOption';
import { writeResultsSection } from './resultsFile';

/**
 * `npm run bench:push`: 10,000 notifications through the outbox. Each of 10,000 conversations
 * gets one agent reply, written as production writes it (the entry and its `push_deliveries`
 * row in one group-committed transaction); the worker claims due rows and sends them over
 * HTTP/2 to an APNs look-alike in another process that verifies each request and answers at
 * once. Reports deliveries per second and the time from the reply's commit to the provider
 * receiving its request (p50, p99); then the same at a steady rate, for the latency without a
 * backlog. Options: --notifications=N, --concurrency=N (sends in flight), --paced=N, --rate=N.
 */
const count = numberOption('notifications', 10_000);
const concurrency = numberOption('concurrency', 64);
const pacedCount = numberOption('paced', 1_000);
const pacedRate = numberOption('rate', 200);
/** Replies written per tick, as many customers' agents would write them at once. */
const REPLIES_PER_TICK = 200;

const now = () => performance.timeOrigin + performance.now();

const stub = fork(path.join(import.meta.dirname, 'push', 'apnsStub.ts'), {
  execArgv: ['--import', 'tsx'],
});
const ready = await new Promise<{
  url: string;
  credentials: ApnsCredentials;
  bundleId: string;
  ca: string;
}>((resolve) => stub.once('message', resolve as (message: unknown) => void));
const scratch = mkdtempSync(path.join(tmpdir(), 'parley-bench-push-'));
const db = openDatabase(path.join(scratch, 'parley.db'));
const sender = createPushSender({
  env: {
    apnsProductionUrl: ready.url,
    apnsSandboxUrl: ready.url,
    fcmUrl: ready.url,
    fcmTokenUrl: `${ready.url}/token`,
    webPushTrustedOrigins: [],
  },
  ca: ready.ca,
});
try {
  await seedDemoOrg(db, { demoPassword: 'bench-password' });
  const deployment = db
    .select()
    .from(deployments)
    .where(eq(deployments.publicId, 'acme-app'))
    .get();
  if (!deployment) throw new Error('the demo deployment is missing');
  const { orgId } = deployment;
  const admin = db.select().from(staffUsers).where(eq(staffUsers.email, 'admin@acme.test')).get();
  if (!admin) throw new Error('the demo admin is missing');
  const secretsKey = deriveSecretsKey('bench-secret-of-at-least-thirty-two-characters');
  ensurePushSettings(db, secretsKey);
  setApnsCredentials(db, secretsKey, admin, { deploymentId: deployment.id, ...ready.credentials });
  const sessions = db.transaction((tx) =>
    Array.from({ length: count + pacedCount }, (_, index) => {
      const session = tx
        .insert(messagingSessions)
        .values({
          orgId,
          deploymentId: deployment.id,
          channel: 'in_app',
          status: 'active',
          agentType: 'agent',
        })
        .returning({
          id: messagingSessions.id,
          orgId: messagingSessions.orgId,
          deploymentId: messagingSessions.deploymentId,
          contactId: messagingSessions.contactId,
        })
        .get();
      tx.insert(pushRegistrations)
        .values({
          orgId,
          deploymentId: deployment.id,
          sessionId: session.id,
          platform: 'apns',
          token: index.toString(16).padStart(64, '0'),
          bundleId: ready.bundleId,
          environment: 'production',
        })
        .run();
      return session;
    }),
  );

  const writes = new WriteBatcher(db, walSyncFor(db));
  const worker = new PushWorker({
    db,
    writes,
    sender,
    concurrency,
    // As the server does: settings and opened keys cached for a few seconds.
    deploymentPush: cacheDeploymentPush((deploymentId) =>
      loadPushCredentials(db, secretsKey, deploymentId, 'https://parley.example'),
    ),
  });
  const committedAt = new Map<string, number>();
  const reply = async (session: (typeof sessions)[number]) => {
    await writes.run(() => {
      const rows = appendEntries(db, orgId, session.id, [
        {
          actorType: 'agent',
          actorName: 'Alice',
          type: 'text',
          payload: { text: 'Your parcel left this morning.' },
        },
      ]);
      enqueuePushNotifications(db, session, rows, new Date());
    });
    committedAt.set(session.id, now());
    worker.wake();
  };
  const allSent = async () => {
    for (;;) {
      await worker.idle();
      const left = db
        .select()
        .from(pushDeliveries)
        .where(ne(pushDeliveries.status, 'sent'))
        .limit(1)
        .get();
      if (!left) return;
      // The stub answers everything at once: a retry or a failure means the benchmark is broken.
      if (left.attempts > 0 && left.lastError !== null) {
        throw new Error(`a delivery did not go through: ${left.status}, ${left.lastError}`);
      }
      await new Promise((resolve) => setTimeout(resolve, 20));
    }
  };

  const begun = now();
  for (let from = 0; from < count; from += REPLIES_PER_TICK) {
    await Promise.all(sessions.slice(from, from + REPLIES_PER_TICK).map(reply));
  }
  await allSent();
  // Then replies at a steady rate the worker keeps up with: latency without a backlog.
  const paced = sessions.slice(count);
  const pacedBegun = now();
  await Promise.all(
    paced.map(async (session, index) => {
      await new Promise((resolve) => setTimeout(resolve, (index * 1000) / pacedRate));
      await reply(session);
    }),
  );
  await allSent();
  const received = await new Promise<[string, number][]>((resolve) => {
    stub.once('message', (message: { received: [string, number][] }) => resolve(message.received));
    stub.send({ kind: 'report' });
  });
  const sent = db
    .select({ id: pushDeliveries.id })
    .from(pushDeliveries)
    .where(eq(pushDeliveries.status, 'sent'))
    .all().length;
  const total = count + pacedCount;
  if (received.length !== total || sent !== total) {
    throw new Error(
      `expected ${total} notifications, the provider got ${received.length} and ${sent} rows are sent`,
    );
  }
  const burstIds = new Set(sessions.slice(0, count).map((session) => session.id));
  const burst = received.filter(([conversationId]) => burstIds.has(conversationId));
  const steady = received.filter(([conversationId]) => !burstIds.has(conversationId));
  const seconds = (Math.max(...burst.map(([, at]) => at)) - begun) / 1000;
  const pacedSeconds = (Math.max(...steady.map(([, at]) => at)) - pacedBegun) / 1000;
  const latency = (of: [string, number][]) => {
    const sorted = of
      .map(([conversationId, at]) => at - (committedAt.get(conversationId) ?? Number.NaN))
      .sort((a, b) => a - b);
    return (q: number) => (sorted[Math.floor(q * (sorted.length - 1))] ?? Number.NaN).toFixed(1);
  };
  const burstAt = latency(burst);
  const steadyAt = latency(steady);
  const rate = Math.round(count / seconds);
  console.log(
    `burst: ${count} notifications in ${seconds.toFixed(2)} s: ${rate}/s; commit to provider p50 ${burstAt(0.5)} ms, p99 ${burstAt(0.99)} ms`,
  );
  console.log(
    `steady ${pacedRate}/s: ${pacedCount} notifications in ${pacedSeconds.toFixed(2)} s; commit to provider p50 ${steadyAt(0.5)} ms, p99 ${steadyAt(0.99)} ms`,
  );
  writeResultsSection(
    'push',
    `
## Push outbox (\`npm run bench:push\`)

Machine: ${describeMachine()}. Date: ${today()}. The embedded default: one SQLite file (WAL, \`synchronous = FULL\`). ${count.toLocaleString('en-US')} conversations each get one agent reply, written as production writes it (the entry and its \`push_deliveries\` row in one group-committed transaction, ${REPLIES_PER_TICK} replies at a time); the outbox worker claims due rows and sends them, ${concurrency} in flight, over one HTTP/2 connection to an APNs look-alike in another process that verifies every request (ES256 provider token, headers, payload) and answers at once.

| phase | notifications | time s | deliveries/s | commit → provider p50 ms | p99 ms |
|---|---:|---:|---:|---:|---:|
| burst (${REPLIES_PER_TICK} replies at a time, as fast as they commit) | ${count.toLocaleString('en-US')} | ${seconds.toFixed(2)} | ${rate.toLocaleString('en-US')} | ${burstAt(0.5)} | ${burstAt(0.99)} |
| steady (${pacedRate} replies/s) | ${pacedCount.toLocaleString('en-US')} | ${pacedSeconds.toFixed(2)} | ${Math.round(pacedCount / pacedSeconds).toLocaleString('en-US')} | ${steadyAt(0.5)} | ${steadyAt(0.99)} |

The burst's time runs from its first reply's write to the provider receiving its last notification; its latencies are mostly the wait behind the backlog. The steady phase writes replies at a rate the worker keeps up with, so its latencies are the outbox's own: the commit, the wake-up, the claim (one more commit), the send. Latency is per notification, from its reply's commit (the write resolved) to the provider's request handler.
`,
  );
} finally {
  await sender.close();
  stub.kill();
  db.$client.close();
  rmSync(scratch, { recursive: true, force: true });
}
