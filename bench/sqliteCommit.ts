import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import Database from 'better-sqlite3';
import { describeMachine, today } from './machine';
import { writeResultsSection } from './resultsFile';

/**
 * `npm run bench:sqlite`: how many rows per second SQLite (WAL) commits on this machine with
 * `synchronous = NORMAL` and `FULL`, one row per transaction and batched, which is what the
 * write batcher's group commit is built on. Each case runs for a fixed time on a fresh file in
 * the system's temp folder, which must be on the same kind of disk as Parley's data to mean
 * anything.
 */
const secondsArg = process.argv.find((arg) => arg.startsWith('--seconds='));
const seconds = Number(secondsArg?.split('=')[1] ?? 4);

interface Case {
  synchronous: 'NORMAL' | 'FULL';
  rowsPerCommit: number;
}

const cases: Case[] = [
  { synchronous: 'NORMAL', rowsPerCommit: 1 },
  { synchronous: 'FULL', rowsPerCommit: 1 },
  { synchronous: 'FULL', rowsPerCommit: 10 },
  { synchronous: 'FULL', rowsPerCommit: 100 },
];

// About the size of a stored conversation entry.
const payload = JSON.stringify({ text: 'Where is my order A1001? '.repeat(4) });

function measure({ synchronous, rowsPerCommit }: Case, dir: string) {
  const file = path.join(dir, `${synchronous}-${rowsPerCommit}.db`);
  const db = new Database(file);
  db.pragma('journal_mode = WAL');
  db.pragma(`synchronous = ${synchronous}`);
  db.exec(`create table entries (
    id integer primary key, session_id text not null, seq integer not null,
    payload text not null, created_at integer not null, unique (session_id, seq)
  )`);
  const insert = db.prepare(
    'insert into entries (session_id, seq, payload, created_at) values (?, ?, ?, ?)',
  );
  let seq = 0;
  const commit = db.transaction(() => {
    for (let i = 0; i < rowsPerCommit; i++) insert.run('session', ++seq, payload, Date.now());
  });
  const commitTimes: number[] = [];
  const deadline = performance.now() + seconds * 1000;
  const started = performance.now();
  while (performance.now() < deadline) {
    const before = performance.now();
    commit();
    commitTimes.push(performance.now() - before);
  }
  const elapsed = (performance.now() - started) / 1000;
  db.close();
  commitTimes.sort((a, b) => a - b);
  const at = (q: number) => commitTimes[Math.floor(q * (commitTimes.length - 1))] ?? 0;
  return {
    synchronous,
    rowsPerCommit,
    commitsPerSecond: commitTimes.length / elapsed,
    rowsPerSecond: seq / elapsed,
    p50: at(0.5),
    p99: at(0.99),
  };
}

const dir = mkdtempSync(path.join(tmpdir(), 'parley-sqlite-'));
try {
  const results = cases.map((c) => measure(c, dir));
  const rows = results.map(
    (r) =>
      `| ${r.synchronous} | ${r.rowsPerCommit} | ${Math.round(r.commitsPerSecond).toLocaleString('en-US')} | ${Math.round(r.rowsPerSecond).toLocaleString('en-US')} | ${r.p50.toFixed(2)} | ${r.p99.toFixed(2)} |`,
  );
  const table = [
    '| synchronous | rows per commit | commits/s | rows/s | commit p50 ms | commit p99 ms |',
    '|---|---:|---:|---:|---:|---:|',
    ...rows,
  ].join('\n');
  console.log(table);
  const normal = results[0];
  const full = results[1];
  const cost =
    normal && full
      ? `One row per commit, FULL commits ${(normal.rowsPerSecond / full.rowsPerSecond).toFixed(1)}× fewer rows per second than NORMAL: each FULL commit waits for an fsync of the WAL (p50 ${full.p50.toFixed(2)} ms here).`
      : '';
  writeResultsSection(
    'sqlite',
    `
## SQLite commit rate (\`npm run bench:sqlite\`)

Machine: ${describeMachine()}. Date: ${today()}. WAL mode, ${seconds} s per case, one connection, a fresh file in the temp folder (same disk as the repository), rows about the size of a conversation entry. The machine was shared with other work while this ran and fsync latency on its disk varies between runs: compare the rows within this table rather than with other machines.

${table}

${cost} Batching amortises that fsync: under FULL, ${results
      .slice(2)
      .map(
        (r) =>
          `${r.rowsPerCommit} rows per commit give ${Math.round(r.rowsPerSecond).toLocaleString('en-US')} rows/s`,
      )
      .join(
        ' and ',
      )}. That is why Parley keeps \`synchronous = FULL\` (an acknowledged message survives a power cut, not only a crash) and commits the writes of concurrent requests together (the write batcher): the durability costs one fsync per batch instead of one per message, and only latency (about one commit) when the server is idle.
`,
  );
} finally {
  rmSync(dir, { recursive: true, force: true });
}
