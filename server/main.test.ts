import { type ChildProcess, spawn } from 'node:child_process';
import { mkdtempSync, rmSync } from 'node:fs';
import { createServer } from 'node:net';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';

const root = path.join(import.meta.dirname, '..');

describe('the Parley process', () => {
  const started: { child: ChildProcess; dir: string }[] = [];
  afterEach(() => {
    for (const { child, dir } of started.splice(0)) {
      child.kill('SIGKILL');
      rmSync(dir, { recursive: true, force: true });
    }
  });

  /** Starts the real process serving the public API on a scratch database; resolves its URL. */
  async function startParley(env: Record<string, string>): Promise<string> {
    const dir = mkdtempSync(path.join(tmpdir(), 'parley-main-'));
    const port = await freePort();
    const child = spawn(process.execPath, ['--import', 'tsx', 'server/main.ts', '--api-only'], {
      cwd: root,
      env: {
        ...process.env,
        ...env,
        PORT: String(port),
        HOST: '127.0.0.1',
        DATABASE_URL: `file:${dir}/parley.db`,
        PARLEY_DEMO_PASSWORD: 'a-demo-password',
        BOT_TRACE_RETENTION_DAYS: '0',
      },
      stdio: ['ignore', 'pipe', 'pipe'],
    });
    started.push({ child, dir });
    let output = '';
    child.stdout?.on('data', (chunk) => (output += chunk));
    child.stderr?.on('data', (chunk) => (output += chunk));
    const base = `http://127.0.0.1:${port}`;
    for (const deadline = Date.now() + 15_000; Date.now() < deadline; ) {
      if (child.exitCode !== null) throw new Error(`Parley exited: ${output}`);
      const health = await fetch(`${base}/api/v1/health`).catch(() => null);
      if (health?.ok) return base;
      await new Promise((resolve) => setTimeout(resolve, 100));
    }
    throw new Error(`Parley did not answer its health check: ${output}`);
  }

  it('serves the demo store back office by default and not with PARLEY_DEMO=false', async () => {
    const withDemo = await startParley({});
    const order = await fetch(`${withDemo}/api/demo/orders/A1001`);
    expect(order.status).toBe(200);
    expect(await order.json()).toMatchObject({ orderNumber: 'A1001' });

    const withoutDemo = await startParley({ PARLEY_DEMO: 'false' });
    const refused = await fetch(`${withoutDemo}/api/demo/orders/A1001`);
    expect(refused.status).toBe(404);
    expect((await fetch(`${withoutDemo}/api/v1/health`)).status).toBe(200);
  });
});

function freePort(): Promise<number> {
  return new Promise((resolve, reject) => {
    const probe = createServer();
    probe.once('error', reject);
    probe.listen(0, '127.0.0.1', () => {
      const address = probe.address();
      probe.close(() => resolve(typeof address === 'object' && address ? address.port : 0));
    });
  });
}
