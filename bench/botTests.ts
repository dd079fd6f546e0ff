import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { and, eq } from 'drizzle-orm';
import { runBotTests } from '../server/bots/runBotTests';
import { openDatabase } from '../server/db/client';
import { bots, orgs } from '../server/db/schema';
import { seedDemoOrg } from '../server/seed/seedDemoOrg';
import { describeMachine, today } from './machine';
import { writeResultsSection } from './resultsFile';

/**
 * `npm run bench:bot-tests`: how long the studio's "Run all" takes on the server for the demo
 * bot's test cases, against the saved draft, as `bots.runTests` runs them (the NLU model comes
 * from the preview's cache, trained on the first run only; each draft run also stores every
 * case's result). Reports the first run, with the training, and the runs after it.
 * Options: --runs=N (default 50).
 */
const runs = Number(/^--runs=(\d+)$/.exec(process.argv[2] ?? '')?.[1] ?? 50);

const scratch = mkdtempSync(path.join(tmpdir(), 'parley-bot-tests-'));
const db = openDatabase(path.join(scratch, 'parley.db'));
try {
  await seedDemoOrg(db, { demoPassword: 'bench-password' });
  const org = db.select().from(orgs).get();
  const bot = org
    ? db
        .select()
        .from(bots)
        .where(and(eq(bots.orgId, org.id), eq(bots.name, 'Customer support')))
        .get()
    : undefined;
  if (!org || !bot) throw new Error('the demo bot is missing');

  const timed = async () => {
    const started = performance.now();
    const run = await runBotTests(db, org.id, { botId: bot.id });
    if (run.failed > 0) throw new Error(`${run.failed} demo test cases failed`);
    return { ms: performance.now() - started, cases: run.results.length };
  };
  const first = await timed();
  const times: number[] = [];
  for (let i = 0; i < runs; i++) times.push((await timed()).ms);
  times.sort((a, b) => a - b);
  const at = (q: number) => times[Math.min(times.length - 1, Math.floor(q * times.length))] ?? 0;

  console.log(`demo suite: ${first.cases} cases`);
  console.log(`first run (trains the NLU): ${first.ms.toFixed(0)} ms`);
  console.log(
    `later runs: p50 ${at(0.5).toFixed(1)} ms, p99 ${at(0.99).toFixed(1)} ms over ${runs}`,
  );
  writeResultsSection(
    'botTests',
    `
## Bot test cases (\`npm run bench:bot-tests\`)

Machine: ${describeMachine()}. Date: ${today()}. "Run all" on the demo bot's ${first.cases} test cases against its saved draft, server-side (\`runBotTests\`: read the cases and the draft, play every turn through the engine with the real NLU and mocked actions, store each case's result).

| run | time ms |
|---|---:|
| first (trains the draft's NLU model) | ${first.ms.toFixed(0)} |
| later, p50 of ${runs} | ${at(0.5).toFixed(1)} |
| later, p99 of ${runs} | ${at(0.99).toFixed(1)} |

The model is trained once per set of intents and phrases and kept (as for the preview), so only the first run after an intent edit pays for training.
`,
  );
  console.log('Wrote the bot tests block of bench/RESULTS.md');
} finally {
  db.$client.close();
  rmSync(scratch, { recursive: true, force: true });
}
