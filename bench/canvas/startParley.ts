import { randomBytes } from 'node:crypto';
import path from 'node:path';
import { freePort, type RunningServer, startServer } from '../processes';

export interface Parley extends RunningServer {
  password: string;
}

/** Parley's production build on loopback, on a scratch database in `scratch`. */
export async function startParley(root: string, distDir: string, scratch: string): Promise<Parley> {
  const port = await freePort();
  const password = randomBytes(12).toString('hex');
  const server = await startServer({
    args: ['--import', 'tsx', 'scripts/start.mjs'],
    cwd: root,
    port,
    healthPath: '/api/v1/health',
    timeoutMs: 120_000,
    env: {
      NODE_ENV: 'production',
      NEXT_DIST_DIR: distDir,
      NEXT_TELEMETRY_DISABLED: '1',
      PORT: String(port),
      HOST: '127.0.0.1',
      PUBLIC_URL: `http://127.0.0.1:${port}`,
      DATABASE_URL: `file:${path.join(scratch, 'parley.db')}`,
      NEXTAUTH_SECRET: randomBytes(32).toString('hex'),
      PARLEY_DEMO_PASSWORD: password,
    },
  });
  return { ...server, password };
}
