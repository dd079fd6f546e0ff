import { existsSync, mkdtempSync, rmSync, statSync } from 'node:fs';
import { loadavg, tmpdir } from 'node:os';
import path from 'node:path';
import { type Db, openDatabase } from '../server/db/client';
import { agentTimes } from '../server/reports/agentTimes';
import { agentUtilisation } from '../server/reports/agentUtilisation';
import { deflection, escalations } from '../server/reports/botOutcomes';
import { conversationsBy, conversationsByPeriod } from '../server/reports/conversationVolume';
import { csat } from '../server/reports/csat';
import type { ReportFilters } from '../server/reports/reportFilters';
import { waitTimes } from '../server/reports/waitTimes';
import { describeMachine } from './machine';
import { numberOption } from './numberOption';
import { generateHistory, type History } from './reports/generateHistory';
import { prepareOverlay } from './reports/overlayBench';

/**
 * `npm run bench:reports`: writes a generated history of 1,000,000 conversations (entries, work
 * items, CSAT answers, agents' presence changes; see generateHistory) over 13 months into a
 * fresh SQLite file through the real migrations, then times every query of the Reports page
 * for the last 30 days and for the last year, without a filter and with one or two, warm:
 * one unmeasured run, then `--runs` measured ones, printing the median and the slowest.
 * Options: --conversations=N (default 1,000,000), --runs=N (default 5), --days=N (default 395),
 * --filters=N (time only the first N of the four filter sets, default all), --overlay-per-day=N
 * (traced bot conversations a day on the canvas overlay's version, default 2,740: a million a
 * year; 31 days of them are written, rolled up as the hourly job does, and the overlay of the
 * last 30 days is timed like the Reports queries).
 * `--keep=FILE` writes the history to FILE and keeps it, or reuses FILE when it exists, so a
 * change to a query can be timed again without writing the history anew.
 * It prints the figures and writes nothing else; they go to bench/RESULTS.md by hand.
 */
const conversationCount = numberOption('conversations', 1_000_000);
const runs = numberOption('runs', 5);
const days = numberOption('days', 395);
const filterSetCount = numberOption('filters', 4);
const overlayPerDay = numberOption('overlay-per-day', 2_740);
const keep = process.argv.find((arg) => arg.startsWith('--keep='))?.split('=')[1];
const DAY_MS = 24 * 60 * 60 * 1000;

interface Query {
  name: string;
  run: (db: Db, orgId: string, filters: ReportFilters, now: Date) => unknown;
}

const QUERIES: Query[] = [
  { name: 'volume by day', run: (db, o, f) => conversationsByPeriod(db, o, f, 'day') },
  { name: 'volume by week', run: (db, o, f) => conversationsByPeriod(db, o, f, 'week') },
  { name: 'by deployment', run: (db, o, f) => conversationsBy(db, o, f, 'deployment') },
  { name: 'by channel', run: (db, o, f) => conversationsBy(db, o, f, 'channel') },
  { name: 'by bot version', run: (db, o, f) => conversationsBy(db, o, f, 'botVersion') },
  { name: 'deflection', run: (db, o, f) => deflection(db, o, f) },
  { name: 'escalations', run: (db, o, f) => escalations(db, o, f) },
  { name: 'wait times', run: (db, o, f) => waitTimes(db, o, f) },
  { name: 'agent times', run: (db, o, f) => agentTimes(db, o, f) },
  { name: 'csat', run: (db, o, f) => csat(db, o, f) },
  { name: 'agent utilisation', run: (db, o, f, now) => agentUtilisation(db, o, f, now) },
];

async function main() {
  const scratch = keep ? null : mkdtempSync(path.join(tmpdir(), 'parley-reports-'));
  const file = keep ?? path.join(scratch ?? '', 'parley.db');
  const reuse = existsSync(file);
  const end = new Date(Math.floor(Date.now() / DAY_MS) * DAY_MS);
  try {
    const db = openDatabase(file);
    const history = reuse ? historyOf(db) : generate(db, end);
    console.log(
      `${describeMachine()}\nDatabase ${(statSync(file).size / 1024 ** 3).toFixed(2)} GB; ${counts(db)}`,
    );
    const now = lastCreatedAt(db, history.orgId);
    const ranges = [
      { label: '30 days', from: new Date(now.getTime() - 30 * DAY_MS) },
      { label: 'a year', from: new Date(now.getTime() - 365 * DAY_MS) },
    ];
    const filterSets: { label: string; filters: Partial<ReportFilters> }[] = [
      { label: 'no filter', filters: {} },
      { label: 'deployment', filters: { deploymentId: history.deploymentIds[0] } },
      {
        label: 'queue + channel',
        filters: { queueId: history.queueIds[1], channel: 'web' },
      },
      { label: 'agent', filters: { agentId: history.agentIds[3] } },
    ];
    const slowest: { label: string; ms: number }[] = [];
    for (const range of ranges) {
      for (const set of filterSets.slice(0, filterSetCount)) {
        const filters: ReportFilters = { from: range.from, to: now, ...set.filters };
        console.log(`\n${range.label}, ${set.label}`);
        console.log(
          `${'query'.padEnd(20)} ${'median ms'.padStart(10)} ${'max ms'.padStart(10)} ${'median CPU ms'.padStart(14)}`,
        );
        for (const query of QUERIES) {
          const { wall, cpu } = timeQuery(() => query.run(db, history.orgId, filters, now));
          const median = wall[Math.floor(wall.length / 2)] ?? 0;
          const max = wall[wall.length - 1] ?? 0;
          const cpuMedian = cpu[Math.floor(cpu.length / 2)] ?? 0;
          slowest.push({ label: `${range.label}, ${set.label}, ${query.name}`, ms: max });
          console.log(
            `${query.name.padEnd(20)} ${median.toFixed(1).padStart(10)} ${max.toFixed(1).padStart(10)} ${cpuMedian.toFixed(1).padStart(14)}`,
          );
        }
      }
    }
    const overlay = await prepareOverlay(db, history, {
      conversationsPerDay: overlayPerDay,
      days: 31,
      now,
    });
    if (overlay.prepared) {
      const p = overlay.prepared;
      console.log(
        `\nCanvas overlay: ${p.conversations.toLocaleString('en')} traced conversations (${p.traces.toLocaleString('en')} traces) on one version written in ${(p.generatedMs / 1000).toFixed(0)} s; ${p.daysRolledUp} days rolled up in ${(p.rollUpMs / 1000).toFixed(1)} s`,
      );
    }
    const overlayTimes = timeQuery(overlay.overlay);
    const overlayMax = overlayTimes.wall[overlayTimes.wall.length - 1] ?? 0;
    slowest.push({ label: '30 days, canvas overlay of one version', ms: overlayMax });
    console.log(
      `${'canvas overlay'.padEnd(20)} ${(overlayTimes.wall[Math.floor(runs / 2)] ?? 0).toFixed(1).padStart(10)} ${overlayMax.toFixed(1).padStart(10)} ${(overlayTimes.cpu[Math.floor(runs / 2)] ?? 0).toFixed(1).padStart(14)}`,
    );
    slowest.sort((a, b) => b.ms - a.ms);
    const worst = slowest[0];
    console.log(
      `\nSlowest: ${worst?.label} at ${worst?.ms.toFixed(1)} ms; aim: every query under 1,000 ms.`,
    );
    console.log(
      `Load average (1, 5, 15 min) at the end: ${loadavg()
        .map((l) => l.toFixed(1))
        .join(', ')}`,
    );
    db.$client.close();
  } finally {
    if (scratch) rmSync(scratch, { recursive: true, force: true });
  }
}

function generate(db: Db, end: Date): History {
  const started = performance.now();
  let lastReport = 0;
  const history = generateHistory(db, {
    conversations: conversationCount,
    days,
    end,
    onProgress: (done, total) => {
      const elapsed = (performance.now() - started) / 1000;
      if (done === total || elapsed - lastReport >= 5) {
        lastReport = elapsed;
        const rate = Math.round(done / elapsed);
        process.stdout.write(
          `\rwrote ${done.toLocaleString('en')} of ${total.toLocaleString('en')} conversations in ${elapsed.toFixed(0)} s (${rate.toLocaleString('en')}/s)   `,
        );
      }
    },
  });
  console.log(`\nHistory written in ${((performance.now() - started) / 1000).toFixed(0)} s`);
  return history;
}

/** The generated org's ids, read back from a kept database. */
function historyOf(db: Db): History {
  const all = (query: string, ...params: unknown[]) =>
    (db.$client.prepare(query).all(...params) as { id: string }[]).map(({ id }) => id);
  const [orgId, otherOrgId] = all(
    `select id from orgs where slug in ('acme', 'globex') order by slug`,
  );
  if (!orgId || !otherOrgId) throw new Error('the kept database has no generated history');
  return {
    orgId,
    otherOrgId,
    timeZone: 'Europe/Paris',
    deploymentIds: all('select id from deployments where org_id = ? order by public_id', orgId),
    botVersionIds: all('select id from bot_versions where org_id = ? order by number', orgId),
    queueIds: all('select id from queues where org_id = ? order by rowid', orgId),
    agentIds: all('select user_id as id from agent_states where org_id = ? order by rowid', orgId),
  };
}

function lastCreatedAt(db: Db, orgId: string): Date {
  const row = db.$client
    .prepare('select max(created_at) as at from messaging_sessions where org_id = ?')
    .get(orgId) as { at: number };
  return new Date(row.at + 1);
}

function counts(db: Db): string {
  const count = (table: string) =>
    (db.$client.prepare(`select count(*) as n from ${table}`).get() as { n: number }).n;
  return [
    'messaging_sessions',
    'conversation_entries',
    'work_items',
    'csat_responses',
    'agent_presence_changes',
  ]
    .map((table) => `${table} ${count(table).toLocaleString('en')}`)
    .join(', ');
}

/**
 * Wall-clock and CPU milliseconds of each measured run, each list sorted. The machine is
 * shared: with other work on its cores a query waits for one, which shows in the wall clock
 * only; the query runs on this thread (SQLite included), so its CPU time is its own cost.
 */
function timeQuery(run: () => unknown): { wall: number[]; cpu: number[] } {
  run();
  const wall: number[] = [];
  const cpu: number[] = [];
  for (let i = 0; i < runs; i++) {
    const cpuBefore = process.cpuUsage();
    const started = performance.now();
    run();
    wall.push(performance.now() - started);
    const used = process.cpuUsage(cpuBefore);
    cpu.push((used.user + used.system) / 1000);
  }
  const ascending = (a: number, b: number) => a - b;
  return { wall: wall.sort(ascending), cpu: cpu.sort(ascending) };
}

main().catch((error) => {
  console.error(error);
  process.exit(1);
});
