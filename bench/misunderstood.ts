import { mkdtempSync, rmSync } from 'node:fs';
import { loadavg, tmpdir } from 'node:os';
import path from 'node:path';
import { eq } from 'drizzle-orm';
import { listMisunderstoodGroups, MAX_GROUPED } from '../server/bots/misunderstood';
import { openDatabase } from '../server/db/client';
import {
  bots,
  botVersions,
  deployments,
  messagingSessions,
  misunderstoodMessages,
} from '../server/db/schema';
import { seedDemoOrg } from '../server/seed/seedDemoOrg';
import { describeMachine, today } from './machine';
import { numberOption } from './numberOption';
import { writeResultsSection } from './resultsFile';

/**
 * `npm run bench:misunderstood`: how long the misunderstood inbox's first page takes for the
 * demo bot with many open messages (read them, vectorise each with the published model's
 * features, group them), as `misunderstood.groups` answers it. Options: --runs=N (default 5).
 */
const runs = numberOption('runs', 5);
const SIZES = [200, 1_000, MAX_GROUPED];

const OPENINGS = ['can I', 'do you', 'my', 'where is the', 'how do I', 'is there a', 'why is my'];
const WORDS =
  'gift card voucher parcel damaged broken address change delivery weather promo code student discount refund late missing wrong size colour invoice receipt account email phone number cancel subscription store near me job apply warranty repair battery screen'.split(
    ' ',
  );

/** Deterministic customer-like texts: an opening and three topic words. */
function texts(count: number): string[] {
  let seed = 7;
  const next = () => {
    seed = (seed * 1_103_515_245 + 12_345) % 2_147_483_648;
    return seed / 2_147_483_648;
  };
  const pick = (list: string[]) => list[Math.floor(next() * list.length)] as string;
  return Array.from({ length: count }, () =>
    [pick(OPENINGS), pick(WORDS), pick(WORDS), pick(WORDS)].join(' '),
  );
}

const scratch = mkdtempSync(path.join(tmpdir(), 'parley-misunderstood-'));
const db = openDatabase(path.join(scratch, 'parley.db'));
try {
  await seedDemoOrg(db, { demoPassword: 'bench-password' });
  const bot = db.select().from(bots).where(eq(bots.name, 'Customer support')).get();
  const version = bot
    ? db.select().from(botVersions).where(eq(botVersions.botId, bot.id)).get()
    : undefined;
  const deployment = db.select().from(deployments).get();
  if (!bot || !version || !deployment) throw new Error('the demo bot is missing');
  const session = db
    .insert(messagingSessions)
    .values({ orgId: bot.orgId, deploymentId: deployment.id, channel: deployment.channel })
    .returning()
    .get();

  const rows: { size: number; groups: number; first: number; p50: number }[] = [];
  let inserted = 0;
  const all = texts(MAX_GROUPED);
  for (const size of SIZES) {
    db.insert(misunderstoodMessages)
      .values(
        all.slice(inserted, size).map((text, k) => ({
          orgId: bot.orgId,
          botId: bot.id,
          botVersionId: version.id,
          sessionId: session.id,
          seq: inserted + k + 1,
          text,
          topIntent: 'shippingInfo',
          score: 0.3,
          createdAt: new Date(Date.now() - (inserted + k) * 1000),
        })),
      )
      .run();
    inserted = size;
    const timed = () => {
      const started = performance.now();
      const page = listMisunderstoodGroups(db, bot.orgId, bot.id, { page: 1, pageSize: 10 });
      return { ms: performance.now() - started, groups: page.total };
    };
    const first = timed();
    const times = Array.from({ length: runs }, () => timed().ms).sort((a, b) => a - b);
    const p50 = times[Math.floor(times.length / 2)] ?? 0;
    rows.push({ size, groups: first.groups, first: first.ms, p50 });
    console.log(
      `${size} open: ${first.groups} groups, first ${first.ms.toFixed(0)} ms, p50 ${p50.toFixed(0)} ms`,
    );
  }
  const load = loadavg()[0]?.toFixed(1);
  writeResultsSection(
    'misunderstood',
    `
## Misunderstood inbox (\`npm run bench:misunderstood\`)

Machine: ${describeMachine()}, load average ${load} while it ran. Date: ${today()}. The first page of the demo bot's inbox (\`misunderstood.groups\`: read the open messages, vectorise each with the published model's features, group them) for generated messages of an opening and three topic words. "First" includes reading the model (once per version and process) and vectorising every text (remembered afterwards).

| open messages | groups | first ms | p50 of ${runs} ms |
|---:|---:|---:|---:|
${rows.map((row) => `| ${row.size} | ${row.groups} | ${row.first.toFixed(0)} | ${row.p50.toFixed(0)} |`).join('\n')}

At most ${MAX_GROUPED} open messages (the newest) are grouped per request.
`,
  );
  console.log('Wrote the misunderstood block of bench/RESULTS.md');
} finally {
  db.$client.close();
  rmSync(scratch, { recursive: true, force: true });
}
