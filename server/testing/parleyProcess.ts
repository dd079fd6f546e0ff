import { type ChildProcess, spawn } from 'node:child_process';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { afterEach } from 'vitest';
import { freePort } from './serverProcess';

const root = path.join(import.meta.dirname, '..', '..');

export interface ParleyProcess {
  base: string;
  /** The scratch SQLite file it serves, for tests that seed or inspect it from outside. */
  databasePath: string;
  /** Everything the process wrote to stdout and stderr so far. */
  output(): string;
  alive(): boolean;
}

/**
 * The real Parley process serving the public API (`--api-only`) on a scratch database, as an
 * operator starts it: for tests of the process itself and of what can only crash a process.
 * Every process a test starts is killed after it.
 */
export function useParleyProcess() {
  const started: { child: ChildProcess; dir: string }[] = [];
  afterEach(() => {
    for (const { child, dir } of started.splice(0)) {
      child.kill('SIGKILL');
      rmSync(dir, { recursive: true, force: true });
    }
  });

  return async (env: Record<string, string> = {}): Promise<ParleyProcess> => {
    const dir = mkdtempSync(path.join(tmpdir(), 'parley-process-'));
    const port = await freePort();
    const child = spawn(process.execPath, ['--import', 'tsx', 'server/main.ts', '--api-only'], {
      cwd: root,
      env: {
        ...process.env,
        PORT: String(port),
        HOST: '127.0.0.1',
        DATABASE_URL: `file:${path.join(dir, 'parley.db')}`,
        PARLEY_DEMO_PASSWORD: 'a-demo-password',
        BOT_TRACE_RETENTION_DAYS: '0',
        ...env,
      },
      stdio: ['ignore', 'pipe', 'pipe'],
    });
    started.push({ child, dir });
    let output = '';
    child.stdout?.on('data', (chunk) => (output += chunk));
    child.stderr?.on('data', (chunk) => (output += chunk));
    const base = `http://127.0.0.1:${port}`;
    for (const deadline = Date.now() + 20_000; Date.now() < deadline; ) {
      if (child.exitCode !== null) throw new Error(`Parley exited: ${output}`);
      const health = await fetch(`${base}/api/v1/health`).catch(() => null);
      if (health?.ok) {
        return {
          base,
          databasePath: path.join(dir, 'parley.db'),
          output: () => output,
          alive: () => child.exitCode === null,
        };
      }
      await new Promise((resolve) => setTimeout(resolve, 100));
    }
    throw new Error(`Parley did not answer its health check: ${output}`);
  };
}
