import { type ChildProcess, spawn } from 'node:child_process';
import { randomBytes } from 'node:crypto';
import { existsSync, readFileSync } from 'node:fs';
import { cpus } from 'node:os';
import path from 'node:path';
import { setTimeout as sleep } from 'node:timers/promises';

export { freePort } from '../server/testing/serverProcess';

export interface RunningServer {
  pid: number;
  base: string;
  output: () => string;
  stop: () => Promise<void>;
}

/** Spawns a server process and waits until `healthPath` answers 200. */
export async function startServer(options: {
  args: string[];
  env: Record<string, string>;
  cwd: string;
  port: number;
  healthPath: string;
  timeoutMs: number;
}): Promise<RunningServer> {
  const child: ChildProcess = spawn(process.execPath, options.args, {
    cwd: options.cwd,
    env: { ...process.env, ...options.env },
    stdio: ['ignore', 'pipe', 'pipe'],
  });
  let output = '';
  child.stdout?.on('data', (chunk) => (output += chunk));
  child.stderr?.on('data', (chunk) => (output += chunk));
  const base = `http://127.0.0.1:${options.port}`;
  const stop = () =>
    new Promise<void>((resolve) => {
      if (child.exitCode !== null || child.signalCode !== null) return resolve();
      const force = setTimeout(() => child.kill('SIGKILL'), 10_000);
      child.once('exit', () => {
        clearTimeout(force);
        resolve();
      });
      child.kill('SIGTERM');
    });
  const deadline = Date.now() + options.timeoutMs;
  for (;;) {
    if (child.exitCode !== null) throw new Error(`server exited during start:\n${output}`);
    const ok = await fetch(`${base}${options.healthPath}`).then(
      (res) => res.ok,
      () => false,
    );
    if (ok) break;
    if (Date.now() > deadline) {
      await stop();
      throw new Error(`server did not start in time:\n${output}`);
    }
    await sleep(200);
  }
  return { pid: child.pid ?? 0, base, output: () => output, stop };
}

/** How Parley starts for a benchmark: its production entry when a build exists, else the API alone. */
export function parleyEntry(root: string): string[] {
  return existsSync(path.join(root, '.next', 'BUILD_ID'))
    ? ['scripts/start.mjs']
    : ['server/main.ts', '--api-only'];
}

/**
 * Parley on loopback for a benchmark, with production settings on the given scratch database
 * and fresh secrets; `env` adds or overrides variables.
 */
export function startParleyServer(options: {
  root: string;
  port: number;
  databasePath: string;
  args: string[];
  env?: Record<string, string>;
}): Promise<RunningServer> {
  const { port } = options;
  return startServer({
    args: options.args,
    cwd: options.root,
    port,
    healthPath: '/api/v1/health',
    timeoutMs: 120_000,
    env: {
      NODE_ENV: 'production',
      PORT: String(port),
      HOST: '127.0.0.1',
      PUBLIC_URL: `http://127.0.0.1:${port}`,
      DATABASE_URL: `file:${options.databasePath}`,
      NEXTAUTH_SECRET: randomBytes(32).toString('hex'),
      PARLEY_DEMO_PASSWORD: randomBytes(12).toString('hex'),
      ...options.env,
    },
  });
}

/** The rate limits protect a real deployment from abuse; under load they would only measure themselves. */
export const NO_RATE_LIMITS = {
  API_RATE_LIMIT_DEPLOYMENT_PER_SECOND: '1000000',
  API_RATE_LIMIT_CONVERSATION_PER_MINUTE: '1000000',
};

/**
 * CPU time of another process in ms, from /proc (Linux; 100 clock ticks per second is the
 * kernel's USER_HZ everywhere Node runs on Linux). Null where /proc is not available.
 */
export function processCpuMs(pid: number): number | null {
  try {
    const stat = readFileSync(`/proc/${pid}/stat`, 'utf8');
    const fields = stat.slice(stat.lastIndexOf(')') + 2).split(' ');
    return (Number(fields[11]) + Number(fields[12])) * 10;
  } catch {
    return null;
  }
}

/** Busy CPU time of the whole machine in ms, all cores together. */
export function machineBusyMs(): number {
  let busy = 0;
  for (const { times } of cpus()) busy += times.user + times.nice + times.sys + times.irq;
  return busy;
}
