import {
  existsSync,
  mkdtempSync,
  readdirSync,
  readFileSync,
  readlinkSync,
  rmSync,
  statSync,
} from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { setTimeout as sleep } from 'node:timers/promises';
import { parleyCustomers } from './load/customers';
import { Recorder } from './load/recorder';
import { describeMachine, today } from './machine';
import {
  freePort,
  NO_RATE_LIMITS,
  parleyEntry,
  processCpuMs,
  startParleyServer,
} from './processes';
import { writeResultsSection } from './resultsFile';

/**
 * `npm run bench:soak`: Parley under a steady load for a long time, sampled every minute, to
 * show that nothing grows without bound. Customers talk to the demo bot at a steady rate (each
 * waits for the reply, then a pause); one whose conversation is handed off or ends starts a new
 * one. Options: --minutes=N (30), --customers=N (40), --think-ms=N (500),
 * --sample-seconds=N (60). Records its run in bench/RESULTS.md.
 */
const root = path.resolve(import.meta.dirname, '..');
const option = (name: string, fallback: number) =>
  Number(process.argv.find((arg) => arg.startsWith(`--${name}=`))?.split('=')[1] ?? fallback);
const minutes = option('minutes', 30);
const customers = option('customers', 40);
const thinkMs = option('think-ms', 500);
const sampleSeconds = option('sample-seconds', 60);

interface Sample {
  minute: number;
  messagesPerSecond: number;
  rssMb: number;
  fds: number;
  sockets: number;
  databaseMb: number;
  walMb: number;
  cpuCores: number;
}

async function main() {
  const scratch = mkdtempSync(path.join(tmpdir(), 'parley-soak-'));
  const databasePath = path.join(scratch, 'parley.db');
  const port = await freePort();
  const entry = parleyEntry(root);
  const server = await startParleyServer({
    root,
    port,
    databasePath,
    args: ['--import', 'tsx', ...entry],
    env: NO_RATE_LIMITS,
  });
  console.log(
    `Soak: ${customers} customers, ${thinkMs} ms between messages, ${minutes} min, sampled every ${sampleSeconds} s (${entry[0] === 'scripts/start.mjs' ? 'production build' : 'API only'})`,
  );

  const recorder = new Recorder();
  const driver = parleyCustomers(server.base, customers);
  let stopping = false;
  recorder.openWindow(performance.now());
  const running = Array.from({ length: customers }, (_, index) =>
    driver
      .run({
        index,
        recorder,
        replyTimeoutMs: 10_000,
        shouldStop: () => stopping,
        ready: () => undefined,
        thinkMs,
      })
      .catch(() => {
        recorder.errors++;
      }),
  );

  const samples: Sample[] = [];
  const endAt = performance.now() + minutes * 60_000;
  let lastCount = 0;
  let lastCpu = processCpuMs(server.pid) ?? 0;
  let lastAt = performance.now();
  while (performance.now() < endAt) {
    await sleep(Math.min(sampleSeconds * 1000, endAt - performance.now()));
    const now = performance.now();
    const cpu = processCpuMs(server.pid) ?? 0;
    const sample: Sample = {
      minute: Math.round(((now - (endAt - minutes * 60_000)) / 60_000) * 10) / 10,
      messagesPerSecond: ((recorder.answeredCount - lastCount) * 1000) / (now - lastAt),
      rssMb: residentMb(server.pid),
      ...descriptors(server.pid),
      databaseMb: sizeMb(databasePath),
      walMb: sizeMb(`${databasePath}-wal`),
      cpuCores: (cpu - lastCpu) / (now - lastAt),
    };
    samples.push(sample);
    console.log(
      `${sample.minute.toFixed(1).padStart(5)} min  ${sample.messagesPerSecond.toFixed(0).padStart(5)} msg/s  RSS ${sample.rssMb.toFixed(0)} MB  fds ${sample.fds} (sockets ${sample.sockets})  db ${sample.databaseMb.toFixed(1)} MB  wal ${sample.walMb.toFixed(1)} MB  server CPU ${sample.cpuCores.toFixed(2)}`,
    );
    lastCount = recorder.answeredCount;
    lastCpu = cpu;
    lastAt = now;
  }
  recorder.closeWindow(performance.now());
  stopping = true;
  await Promise.all(running);
  driver.close();
  await server.stop();
  rmSync(scratch, { recursive: true, force: true });

  const summary = recorder.summary();
  const report = formatReport(samples, summary);
  console.log(`\n${report}`);
  writeResultsSection('soak', report);
}

function formatReport(samples: Sample[], summary: ReturnType<Recorder['summary']>): string {
  const first = samples[0];
  const last = samples.at(-1);
  const growth = (pick: (sample: Sample) => number) =>
    first && last ? `${pick(first).toFixed(0)} → ${pick(last).toFixed(0)}` : '–';
  const rows = samples
    .map(
      (s) =>
        `| ${s.minute.toFixed(1)} | ${s.messagesPerSecond.toFixed(0)} | ${s.rssMb.toFixed(0)} | ${s.fds} | ${s.sockets} | ${s.databaseMb.toFixed(1)} | ${s.walMb.toFixed(1)} | ${s.cpuCores.toFixed(2)} |`,
    )
    .join('\n');
  return `## Soak (\`npm run bench:soak\`)

Machine: ${describeMachine()}. Date: ${today()}. ${customers} customers talking to the demo bot for ${minutes} minutes, each waiting ${thinkMs} ms after a reply before the next message; the server is the production entry point on a scratch database, with bot traces kept. Agents are not part of the load yet: nothing in Parley takes a conversation from its queue until the console exists. The database grows with every message (its entries and the bot turn's trace); what must stay flat is the server's memory and descriptors.

${summary.messages.toLocaleString('en')} messages answered (${summary.perSecond.toFixed(0)}/s), p50 ${summary.p50.toFixed(0)} ms, p99 ${summary.p99.toFixed(0)} ms; ${summary.errors} errors, ${summary.timeouts} replies not received within 10 s, ${summary.restarts} new conversations after a hand-off or an end. Server memory (RSS, MB) ${growth((s) => s.rssMb)}, open file descriptors ${growth((s) => s.fds)}, first sample to last.

| minute | msg/s | RSS MB | fds | sockets | db MB | WAL MB | server CPU (cores) |
|---:|---:|---:|---:|---:|---:|---:|---:|
${rows}`;
}

function residentMb(pid: number): number {
  const status = readFileSync(`/proc/${pid}/status`, 'utf8');
  return Number(/VmRSS:\s+(\d+)/.exec(status)?.[1] ?? 0) / 1024;
}

function descriptors(pid: number): { fds: number; sockets: number } {
  const fds = readdirSync(`/proc/${pid}/fd`);
  const sockets = fds.filter((fd) => {
    try {
      return readlinkSync(`/proc/${pid}/fd/${fd}`).startsWith('socket:');
    } catch {
      return false;
    }
  }).length;
  return { fds: fds.length, sockets };
}

function sizeMb(file: string): number {
  return existsSync(file) ? statSync(file).size / 1024 ** 2 : 0;
}

main().catch((error: unknown) => {
  console.error(error);
  process.exit(1);
});
