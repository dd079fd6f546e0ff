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
  pushSettings,
} from '../server/db/schema';
import { WriteBatcher } from '../server/db/writeBatcher';
import { appendEntries } from '../server/messaging/conversationEntries';
import { createPushSender } from '../server/push/providers/pushSender';
import type { ApnsCredentials } from '../server/push/providers/types';
import { enqueuePushNotifications } from '../server/push/pushOutbox';
import { PushWorker } from '../server/push/pushWorker';
import { seedDemoOrg } from '../server/seed/seedDemoOrg';
import { describeMachine, today } from './machine';
import { writeResultsSection } from './resultsFile';

/**
 * `npm run bench:push`: 10,000 notifications through the outbox. Each of 10,000 conversations
 * gets one agent reply, written as production writes it (the entry and its `push_deliveries`
 * row in one group-committed transaction); the worker claims due rows and sends them over
 * HTTP/2 to an APNs look-alike in another process that verifies each request and answers at
 * once. Reports deliveries per second and the time from the reply's commit to the provider
 * receiving its request (p50, p99). Options: --notifications=N, --concurrency=N (sends in flight).
 */
const option = (name: string, fallback: number) =>
  Number(process.argv.find((arg) => arg.startsWith(`--${name}=`))?.split('=')[1] ?? fallback);
const count = option('notifications', 10_000);
const concurrency = option('concurrency', 64);
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
  db.insert(pushSettings)
    .values({
      orgId,
      deploymentId: deployment.id,
      vapidPublicKey: 'not used here',
      vapidPrivateKeySealed: 'not used here',
      updatedAt: new Date(),
    })
    .run();
  const sessions = db.transaction((tx) =>
    Array.from({ length: count }, (_, index) => {
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

  const writes = new WriteBatcher(db);
  const worker = new PushWorker({
    db,
    writes,
    sender,
    concurrency,
    deploymentPush: () => ({
      settings: { enabled: true, showText: true, title: null },
      vapid: { subject: 'mailto:bench@acme.test', publicKey: 'unused', privateKey: 'unused' },
      apns: ready.credentials,
    }),
  });
  const committedAt = new Map<string, number>();
  const begun = now();
  for (let from = 0; from < count; from += REPLIES_PER_TICK) {
    await Promise.all(
      sessions.slice(from, from + REPLIES_PER_TICK).map(async (session) => {
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
      }),
    );
  }
  for (;;) {
    await worker.idle();
    const left = db
      .select()
      .from(pushDeliveries)
      .where(ne(pushDeliveries.status, 'sent'))
      .limit(1)
      .get();
    if (!left) break;
    // The stub answers everything at once: a retry or a failure means the benchmark is broken.
    if (left.attempts > 0 && left.lastError !== null) {
      throw new Error(`a delivery did not go through: ${left.status}, ${left.lastError}`);
    }
    await new Promise((resolve) => setTimeout(resolve, 20));
  }
  const received = await new Promise<[string, number][]>((resolve) => {
    stub.once('message', (message: { received: [string, number][] }) => resolve(message.received));
    stub.send({ kind: 'report' });
  });
  const sent = db
    .select({ id: pushDeliveries.id })
    .from(pushDeliveries)
    .where(eq(pushDeliveries.status, 'sent'))
    .all().length;
  if (received.length !== count || sent !== count) {
    throw new Error(
      `expected ${count} notifications, the provider got ${received.length} and ${sent} rows are sent`,
    );
  }
  const lastAt = Math.max(...received.map(([, at]) => at));
  const seconds = (lastAt - begun) / 1000;
  const latencies = received
    .map(([conversationId, at]) => at - (committedAt.get(conversationId) ?? Number.NaN))
    .sort((a, b) => a - b);
  const at = (q: number) => latencies[Math.floor(q * (latencies.length - 1))] ?? Number.NaN;
  const rate = Math.round(count / seconds);
  console.log(
    `${count} notifications in ${seconds.toFixed(2)} s: ${rate}/s; commit to provider p50 ${at(0.5).toFixed(1)} ms, p99 ${at(0.99).toFixed(1)} ms`,
  );
  writeResultsSection(
    'push',
    `
## Push outbox (\`npm run bench:push\`)

Machine: ${describeMachine()}. Date: ${today()}. The embedded default: one SQLite file (WAL, \`synchronous = FULL\`). ${count.toLocaleString('en-US')} conversations each get one agent reply, written as production writes it (the entry and its \`push_deliveries\` row in one group-committed transaction, ${REPLIES_PER_TICK} replies at a time); the outbox worker claims due rows and sends them, ${concurrency} in flight, over one HTTP/2 connection to an APNs look-alike in another process that verifies every request (ES256 provider token, headers, payload) and answers at once.

| notifications | time s | deliveries/s | commit → provider p50 ms | p99 ms |
|---:|---:|---:|---:|---:|
| ${count.toLocaleString('en-US')} | ${seconds.toFixed(2)} | ${rate.toLocaleString('en-US')} | ${at(0.5).toFixed(1)} | ${at(0.99).toFixed(1)} |

Time runs from the first reply's write to the provider receiving the last notification. Latency is per notification, from its reply's commit (the write resolved) to the provider's request handler.
`,
  );
} finally {
  await sender.close();
  stub.kill();
  db.$client.close();
  rmSync(scratch, { recursive: true, force: true });
}
