import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { createMessagingRuntime } from '../server/createMessagingRuntime';
import { openDatabase } from '../server/db/client';
import { startWalCheckpointer } from '../server/db/walCheckpointer';
import type { BotTurnOutcome, BotTurnRunner } from '../server/messaging/botTurns';
import { seedDemoOrg } from '../server/seed/seedDemoOrg';
import { describeMachine } from './machine';
import { numberOption } from './numberOption';

/**
 * `npm run bench:writes`: the storage side of a customer message, in one process and without
 * HTTP, SSE or NLU: the customer's entry, then a bot turn storing two replies, its state and a
 * 2 KB trace, through the real messaging code and group commit on a SQLite file. A bot that
 * answers at once stands in for the flow, so the figures move only with the storage code.
 * Options: --customers=N (default 200, all sending at once each round), --rounds=N (default 100).
 */
const customers = numberOption('customers', 200);
const rounds = numberOption('rounds', 100);

const scratch = mkdtempSync(path.join(tmpdir(), 'parley-writes-'));
const db = openDatabase(path.join(scratch, 'parley.db'));
await seedDemoOrg(db, { demoPassword: 'bench-password' });
let walPeakFrames = 0;
const checkpointer = startWalCheckpointer(db, {
  onReport: (report) => {
    walPeakFrames = Math.max(walPeakFrames, report.log);
  },
});

const trace = {
  steps: Array.from({ length: 12 }, (_, index) => ({
    nodeId: `node-${index}`,
    kind: 'message',
    detail: 'A step of the bot turn, as long as a typical one in the stored traces. '.repeat(2),
  })),
};
const reply = (text: string) =>
  ({ actorType: 'bot', actorName: 'Bot', type: 'text', payload: { text } }) as const;
const instantBot: BotTurnRunner = {
  async runTurn(): Promise<BotTurnOutcome> {
    return {
      entries: [reply('Your order A1001 shipped yesterday.'), reply('Anything else?')],
      state: { currentNodeId: 'menu', variables: { orderNumber: 'A1001', topic: 'orders' } },
      status: 'awaiting_input',
      trace,
    };
  },
  silenceTimeout: () => null,
};

// Wired as the server wires it, so the figures follow any change to that wiring.
const { conversations, entries, botTurns } = createMessagingRuntime({
  db,
  bot: instantBot,
  secret: 'bench-secret-bench-secret-bench-secret',
  publicUrl: 'http://127.0.0.1',
  version: 'bench',
  rateLimits: { deploymentPerSecond: 1_000_000, conversationPerMinute: 1_000_000 },
});
const conversationIds: string[] = [];
for (let index = 0; index < customers; index++) {
  const started = await conversations.start({ deploymentPublicId: 'acme-app' });
  conversationIds.push(started.conversationId);
}
const claims = conversationIds.map((conversationId) => {
  const session = db.$client
    .prepare<[string], { orgId: string; deploymentId: string }>(
      'select org_id as orgId, deployment_id as deploymentId from messaging_sessions where id = ?',
    )
    .get(conversationId);
  if (!session) throw new Error(`Session ${conversationId} was not stored`);
  return { conversationId, ...session, contactId: null };
});

let sent = 0;
const cpuBefore = process.cpuUsage();
const startedAt = performance.now();
for (let round = 0; round < rounds; round++) {
  await Promise.all(
    claims.map((claim) =>
      entries.send(claim, { clientMessageId: `m-${sent++}`, text: 'where is my order' }),
    ),
  );
  await botTurns.idle();
}
const wallMs = performance.now() - startedAt;
const cpu = process.cpuUsage(cpuBefore);
await checkpointer.stop();
db.$client.close();
rmSync(scratch, { recursive: true, force: true });

console.log(`${describeMachine()}; ${customers} customers x ${rounds} rounds`);
console.log('| messages | msg/s | wall µs/msg | CPU µs/msg | WAL peak frames |');
console.log('|---:|---:|---:|---:|---:|');
console.log(
  `| ${sent} | ${Math.round(sent / (wallMs / 1000))} | ${Math.round((wallMs * 1000) / sent)} | ${Math.round((cpu.user + cpu.system) / sent)} | ${walPeakFrames} |`,
);
