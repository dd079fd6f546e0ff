import { fork } from 'node:child_process';
import { existsSync, mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { pathToFileURL } from 'node:url';
import { formatConsole, formatMarkdown, type TargetResult } from './load/messagesReport';
import type { GeneratorMessage, LoadPlan } from './loadGenerator';
import { describeMachine, today } from './machine';
import {
  freePort,
  machineBusyMs,
  NO_RATE_LIMITS,
  parleyEntry,
  processCpuMs,
  type RunningServer,
  startParleyServer,
  startServer,
} from './processes';
import { writeResultsSection } from './resultsFile';

/**
 * `npm run bench:messages`: Parley's public API under 50, 200 and 1,000 concurrent customers
 * talking to the demo bot, then the same load generator against a plain node:http + SQLite
 * server at the same durability (synchronous=FULL) and at the reference (NORMAL).
 * Parley also runs once with its fsync relaxed to NORMAL, to measure what durability costs.
 * Every server and the generator are separate processes on loopback; each phase is bounded.
 * Options: --window-seconds=N (default 10), --levels=50,200,1000, --only=parley|baseline (a partial
 * run prints its figures but leaves bench/RESULTS.md alone).
 */
const root = path.resolve(import.meta.dirname, '..');
const windowArg = process.argv.find((arg) => arg.startsWith('--window-seconds='));
const windowSeconds = Number(windowArg?.split('=')[1] ?? 10);
const levelsArg = process.argv.find((arg) => arg.startsWith('--levels='));
const levels = (levelsArg?.split('=')[1] ?? '50,200,1000').split(',').map(Number);
const onlyArg = process.argv.find((arg) => arg.startsWith('--only='))?.split('=')[1];

const phases = {
  levels,
  rampMs: 2_000,
  warmupMs: 3_000,
  windowMs: windowSeconds * 1000,
  replyTimeoutMs: 10_000,
  startTimeoutMs: 20_000,
};

interface Target {
  name: string;
  kind: LoadPlan['target'];
  synchronous: 'FULL' | 'NORMAL';
  start: (port: number) => Promise<RunningServer>;
}

const fullBuild = existsSync(path.join(root, '.next', 'BUILD_ID'));
const scratch = mkdtempSync(path.join(tmpdir(), 'parley-bench-'));

function startParley(synchronous: 'FULL' | 'NORMAL') {
  const relax =
    synchronous === 'NORMAL'
      ? [
          '--import',
          pathToFileURL(path.join(import.meta.dirname, 'load', 'relaxDurability.ts')).href,
        ]
      : [];
  return (port: number) =>
    startParleyServer({
      root,
      port,
      databasePath: path.join(scratch, `parley-${port}.db`),
      args: ['--import', 'tsx', ...relax, ...parleyEntry(root)],
      env: NO_RATE_LIMITS,
    });
}

function startBaseline(synchronous: 'FULL' | 'NORMAL') {
  return (port: number) =>
    startServer({
      args: ['--import', 'tsx', path.join('bench', 'baselineServer.ts')],
      cwd: root,
      port,
      healthPath: '/health',
      timeoutMs: 30_000,
      env: {
        PORT: String(port),
        BASELINE_DB: path.join(scratch, `baseline-${synchronous.toLowerCase()}.db`),
        BASELINE_SYNCHRONOUS: synchronous,
      },
    });
}

const parleyName = fullBuild ? 'Parley (production build)' : 'Parley (--api-only)';
const targets: Target[] = [
  { name: parleyName, kind: 'parley', synchronous: 'FULL', start: startParley('FULL') },
  {
    name: `${parleyName}, fsync relaxed to NORMAL (diagnostic)`,
    kind: 'parley',
    synchronous: 'NORMAL',
    start: startParley('NORMAL'),
  },
  {
    name: 'baseline, synchronous=FULL',
    kind: 'baseline',
    synchronous: 'FULL',
    start: startBaseline('FULL'),
  },
  {
    name: 'baseline, synchronous=NORMAL',
    kind: 'baseline',
    synchronous: 'NORMAL',
    start: startBaseline('NORMAL'),
  },
];

/** Runs the generator child against one server; samples the server's CPU over each window. */
function runGenerator(plan: LoadPlan, serverPid: number): Promise<TargetResult['phases']> {
  return new Promise((resolve, reject) => {
    const child = fork(path.join(import.meta.dirname, 'loadGenerator.ts'), [JSON.stringify(plan)], {
      cwd: root,
      execArgv: ['--import', 'tsx'],
    });
    const phasesDone: TargetResult['phases'] = [];
    let window = { at: 0, server: 0 as number | null, machine: 0 };
    let cores = { server: null as number | null, machine: 0 };
    child.on('message', (message: GeneratorMessage) => {
      const now = performance.now();
      if (message.type === 'window-start') {
        window = { at: now, server: processCpuMs(serverPid), machine: machineBusyMs() };
      } else if (message.type === 'window-end') {
        const elapsed = now - window.at;
        const server = processCpuMs(serverPid);
        cores = {
          server:
            server !== null && window.server !== null ? (server - window.server) / elapsed : null,
          machine: (machineBusyMs() - window.machine) / elapsed,
        };
      } else {
        phasesDone.push({ ...message, serverCores: cores.server, machineCores: cores.machine });
        if (message.startFailures.length > 0)
          console.log(`  could not start: ${message.startFailures.join('; ')}`);
        console.log(
          `  ${message.level} customers: ${message.summary.perSecond.toFixed(0)} msg/s, p99 ${message.summary.p99.toFixed(1)} ms`,
        );
      }
    });
    child.on('error', reject);
    child.on('exit', (code) =>
      code === 0 ? resolve(phasesDone) : reject(new Error(`load generator exited with ${code}`)),
    );
  });
}

async function main() {
  const results: TargetResult[] = [];
  for (const target of targets.filter((t) => !onlyArg || t.kind === onlyArg)) {
    console.log(`${target.name}:`);
    const port = await freePort();
    const server = await target.start(port);
    try {
      const phasesDone = await runGenerator(
        { ...phases, target: target.kind, base: server.base },
        server.pid,
      );
      results.push({
        name: target.name,
        kind: target.kind,
        synchronous: target.synchronous,
        phases: phasesDone,
      });
    } finally {
      await server.stop();
    }
  }
  const context = {
    machine: describeMachine(),
    date: today(),
    windowSeconds,
    fullBuild,
  };
  console.log(formatConsole(results));
  if (onlyArg) return;
  writeResultsSection('messages', formatMarkdown(results, context));
  console.log('Results written to bench/RESULTS.md');
}

main()
  .catch((error: unknown) => {
    console.error(error);
    process.exitCode = 1;
  })
  .finally(() => rmSync(scratch, { recursive: true, force: true }));
