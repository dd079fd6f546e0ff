import { createServer, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import { afterEach } from 'vitest';
import { PublishedBotRunner } from '../bots/publishedBotRunner';
import type { MessagingRuntimeOptions } from '../createMessagingRuntime';
import { createMessagingRuntime } from '../createMessagingRuntime';
import type { Db } from '../db/client';
import { handleDemoStoreApi } from '../demo/demoStoreApi';
import { hardenHttpServer } from '../http/hardenHttpServer';
import type { RateLimitSettings } from '../http/rateLimits';
import type { BotTurnRunner } from '../messaging/botTurns';
import { seedDemoOrg } from '../seed/seedDemoOrg';
import { useTestDb } from './testDb';

export interface TestApiOptions {
  rateLimits?: Partial<RateLimitSettings>;
  /** `base`: the test server's origin, which the default runner trusts as `main` trusts its own. */
  bot?: (db: Db, base: string) => BotTurnRunner;
  maxBodyBytes?: number;
  sseHeartbeatMs?: number;
  push?: MessagingRuntimeOptions['push'];
}

/**
 * A real public API on a loopback port over a scratch database holding the demo org, its
 * published demo bot and deployments `acme-app` and `acme-web`.
 */
export function useTestApi() {
  const openDb = useTestDb();
  let server: Server | undefined;
  let runtime: ReturnType<typeof createMessagingRuntime> | undefined;
  afterEach(async () => {
    await runtime?.botTurns.idle();
    await runtime?.pushWorker?.stop();
    server?.closeAllConnections();
    await new Promise<void>((resolve) => (server ? server.close(() => resolve()) : resolve()));
    server = undefined;
    runtime = undefined;
  });

  return async (options: TestApiOptions = {}) => {
    const db = openDb();
    server = createServer();
    hardenHttpServer(server);
    await new Promise<void>((resolve) => server?.listen(0, '127.0.0.1', resolve));
    const base = `http://127.0.0.1:${(server.address() as AddressInfo).port}`;
    await seedDemoOrg(db, { demoPassword: 'test-demo-password', publicUrl: base });
    runtime = createMessagingRuntime({
      db,
      bot: options.bot?.(db, base) ?? new PublishedBotRunner(db, { trustedOrigins: [base] }),
      secret: 'a-test-secret-of-at-least-thirty-two-characters',
      publicUrl: base,
      version: '9.9.9',
      rateLimits: {
        deploymentPerSecond: 10_000,
        conversationPerMinute: 10_000,
        ...options.rateLimits,
      },
      maxBodyBytes: options.maxBodyBytes,
      sseHeartbeatMs: options.sseHeartbeatMs,
      push: options.push,
    });
    runtime.pushWorker?.start();
    const handle = runtime.handleApi;
    server.on('request', (req, res) => {
      if (req.url?.startsWith('/api/demo/')) handleDemoStoreApi(req, res);
      else void handle(req, res);
    });
    return { db, base, runtime };
  };
}
