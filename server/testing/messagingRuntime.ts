import { afterEach } from 'vitest';
import { createMessagingRuntime } from '../createMessagingRuntime';
import type { BotTurnRunner } from '../messaging/botTurns';
import { seedDemoOrg } from '../seed/seedDemoOrg';
import { useTestDb } from './testDb';

/**
 * The messaging runtime as the server wires it, without HTTP, over a scratch database holding
 * the demo org and its deployments `acme-app` and `acme-web`: for tests that call its parts.
 */
export function useMessagingRuntime() {
  const openDb = useTestDb();
  let runtime: ReturnType<typeof createMessagingRuntime> | undefined;
  afterEach(async () => {
    await runtime?.botTurns.idle();
    runtime = undefined;
  });

  return async (bot: BotTurnRunner) => {
    const db = openDb();
    await seedDemoOrg(db, { demoPassword: 'test-demo-password' });
    runtime = createMessagingRuntime({
      db,
      bot,
      secret: 'a-test-secret-of-at-least-thirty-two-characters',
      publicUrl: 'http://127.0.0.1',
      version: '9.9.9',
      rateLimits: { deploymentPerSecond: 10_000, conversationPerMinute: 10_000 },
    });
    return { db, ...runtime };
  };
}
