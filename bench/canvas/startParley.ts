import { randomBytes } from 'node:crypto';
import path from 'node:path';
import { freePort, type RunningServer, startParleyServer } from '../processes';

export interface Parley extends RunningServer {
  password: string;
}

/** Parley's production build on loopback, on a scratch database in `scratch`. */
export async function startParley(root: string, distDir: string, scratch: string): Promise<Parley> {
  const password = randomBytes(12).toString('hex');
  const server = await startParleyServer({
    root,
    port: await freePort(),
    databasePath: path.join(scratch, 'parley.db'),
    args: ['--import', 'tsx', 'scripts/start.mjs'],
    env: { NEXT_DIST_DIR: distDir, NEXT_TELEMETRY_DISABLED: '1', PARLEY_DEMO_PASSWORD: password },
  });
  return { ...server, password };
}
