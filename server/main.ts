import { readFileSync } from 'node:fs';
import { createServer, type IncomingMessage, type ServerResponse } from 'node:http';
import path from 'node:path';
import { PublishedBotRunner } from './bots/publishedBotRunner';
import { registerConsoleServices } from './console/consoleServices';
import { createMessagingRuntime } from './createMessagingRuntime';
import { getDb } from './db/client';
import { startWalCheckpointer } from './db/walCheckpointer';
import { handleDemoStoreApi } from './demo/demoStoreApi';
import { createSecretLookup } from './deployments/deploymentSecrets';
import { deriveSecretsKey } from './deployments/secretCipher';
import { getEnv } from './env';
import { hardenHttpServer } from './http/hardenHttpServer';
import { admitNextRequest } from './http/nextRequestGuard';
import { sendError, sendInternalError } from './http/respond';
import { keepTracesFor } from './messaging/traceRetention';
import { cacheDeploymentPush } from './push/deploymentPushCache';
import { createPushSender } from './push/providers/pushSender';
import { ensurePushSettings, loadPushCredentials } from './push/pushSettings';
import { seedDemoOrg } from './seed/seedDemoOrg';

const ROUTING_TICK_MS = 1_000;

const root = path.resolve(import.meta.dirname, '..');
const { version } = JSON.parse(readFileSync(path.join(root, 'package.json'), 'utf8')) as {
  version: string;
};

/**
 * The Parley process: one HTTP server that answers /api/v1 itself and hands every other
 * request to Next.js. `--api-only` serves the public API alone (tests, API-only nodes).
 */
async function main() {
  const env = getEnv();
  const dev = process.argv.includes('--dev');
  const apiOnly = process.argv.includes('--api-only');
  // next-auth reads these two itself; they come from the parsed env, never hard-coded.
  process.env.NEXTAUTH_URL = env.publicUrl;
  process.env.NEXTAUTH_SECRET = env.nextAuthSecret;
  process.env.NEXT_TELEMETRY_DISABLED = '1';

  const db = getDb();
  const checkpointer = startWalCheckpointer(db);
  const seeded = await seedDemoOrg(db, {
    demoPassword: env.demoPassword,
    publicUrl: env.publicUrl,
  });
  if (seeded.generatedPassword) {
    console.log(
      `\nDemo org "Acme" created. Sign in as admin@acme.test (or designer@, qa@, supervisor@, alice@, bob@acme.test)` +
        `\nwith the password: ${seeded.generatedPassword}\nIt is shown only this once.\n`,
    );
  }

  const secretsKey = deriveSecretsKey(env.nextAuthSecret);
  // Web Push works out of the box: every deployment gets its VAPID keys before the API opens.
  ensurePushSettings(db, secretsKey);

  const pushSender = createPushSender({ env: env.push });
  const messaging = createMessagingRuntime({
    db,
    bot: new PublishedBotRunner(db, {
      secrets: createSecretLookup(db, secretsKey),
      storeTraces: env.traceRetentionDays > 0,
      trustedOrigins: env.trustedOrigins,
    }),
    secret: env.nextAuthSecret,
    publicUrl: env.publicUrl,
    version,
    rateLimits: env.rateLimits,
    push: {
      sender: pushSender,
      deploymentPush: cacheDeploymentPush((deploymentId) =>
        loadPushCredentials(db, secretsKey, deploymentId, env.publicUrl),
      ),
    },
  });
  registerConsoleServices({
    db,
    router: messaging.router,
    conversations: messaging.agentConversations,
    hub: messaging.hub,
    staffEvents: messaging.staffEvents,
  });
  const sweep = setInterval(() => {
    messaging.conversations
      .sweepIdleSessions()
      .catch((error: unknown) => console.error('Idle sweep failed:', error));
  }, 60_000);
  sweep.unref();
  // Routing's timers are due-at rows: this sweep fires them, and a restart picks them up.
  const routingTick = setInterval(() => {
    try {
      messaging.router.tick();
    } catch (error) {
      console.error('Routing sweep failed:', error);
    }
  }, ROUTING_TICK_MS);
  routingTick.unref();
  if (env.traceRetentionDays > 0) keepTracesFor(db, env.traceRetentionDays);
  // Notifications left pending by a stop or a crash go out now; retries as they fall due.
  messaging.pushWorker?.start();
  const pending = messaging.botTurns.resumePending();
  if (pending > 0) console.log(`Answering ${pending} conversation(s) left waiting for the bot.`);

  let handleOther = (_req: IncomingMessage, res: ServerResponse) =>
    sendError(res, 404, 'NOT_FOUND', 'This Parley node serves the public API only.');
  let nextApp: Awaited<ReturnType<typeof startNext>> | undefined;
  if (!apiOnly) {
    nextApp = await startNext(dev, env.host, env.port);
    const handleNext = nextApp.getRequestHandler();
    handleOther = (req, res) => {
      if (!admitNextRequest(req, res, env.publicUrl)) return;
      handleNext(req, res).catch((error: unknown) => sendInternalError(req, res, error));
    };
  }

  const server = createServer((req, res) => {
    if (req.url?.startsWith('/api/v1/')) {
      void messaging.handleApi(req, res);
      return;
    }
    if (env.demo && req.url?.startsWith('/api/demo/')) {
      handleDemoStoreApi(req, res).catch((error: unknown) => sendInternalError(req, res, error));
      return;
    }
    handleOther(req, res);
  });
  hardenHttpServer(server);
  if (dev && nextApp) server.on('upgrade', nextApp.getUpgradeHandler());

  server.listen(env.port, env.host, () => {
    console.log(`Parley ${version} listening on ${env.publicUrl} (database ${env.databasePath})`);
  });

  const shutdown = () => {
    server.close();
    // Open SSE streams would hold close() forever; stored work is already durable.
    void messaging.botTurns
      .idle()
      .then(() => messaging.pushWorker?.stop())
      .then(() => pushSender.close())
      .then(() => messaging.writes.drain())
      .then(() => checkpointer.stop())
      .finally(() => {
        db.$client.close();
        process.exit(0);
      });
    setTimeout(() => process.exit(0), 5_000).unref();
  };
  process.on('SIGTERM', shutdown);
  process.on('SIGINT', shutdown);
}

async function startNext(dev: boolean, hostname: string, port: number) {
  const { default: next } = await import('next');
  const app = next({ dev, dir: root, hostname, port });
  await app.prepare();
  return app;
}

main().catch((error: unknown) => {
  console.error(error instanceof Error ? error.message : error);
  process.exit(1);
});
