import { afterEach } from 'vitest';
import type { Entry } from '../../contract/entries';
import { createMessagingRuntime } from '../createMessagingRuntime';
import type { BotTurnRunner } from '../messaging/botTurns';
import { loadSession } from '../messaging/loadSession';
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

/**
 * A conversation started on `acme-app` over a fresh runtime: its claims, the session row as
 * stored now, and its transcript once the bot's turns are done (`actor: text or new status`).
 */
export function useMessagingConversation() {
  const open = useMessagingRuntime();
  return async (bot: BotTurnRunner) => {
    const runtime = await open(bot);
    const started = await runtime.conversations.start({ deploymentPublicId: 'acme-app' });
    const claims = await runtime.tokens.verify(started.accessToken);
    if (!claims) throw new Error('fresh token did not verify');
    const transcript = async () => {
      await runtime.botTurns.idle();
      return runtime.entries
        .listEntries(claims, 0, 200)
        .entries.map((entry) => `${entry.actor.type}: ${summary(entry)}`);
    };
    const session = () => loadSession(runtime.db, claims.conversationId);
    return { ...runtime, claims, transcript, session };
  };
}

/** An entry as one line of a transcript a test compares. */
function summary(entry: Entry): string {
  const { payload } = entry;
  if (entry.type === 'queue_position') return `position ${payload.position}`;
  if (entry.type === 'participant_changed') {
    const { participant, change } = payload as { participant: { name: string }; change: string };
    return `${participant.name} ${change}`;
  }
  return String(payload.text ?? payload.to);
}
