// `npm start`: builds the UI on first start (a fresh clone has no build), then runs the server.
import { spawnSync } from 'node:child_process';
import { existsSync } from 'node:fs';
import { register } from 'tsx/esm/api';

process.env.NEXT_TELEMETRY_DISABLED = '1';
process.env.NODE_ENV ??= 'production';

if (!existsSync(`${process.env.NEXT_DIST_DIR ?? '.next'}/BUILD_ID`)) {
  console.log('No build found: building Parley once (a few minutes on a small machine)...');
  const build = spawnSync('npx', ['next', 'build'], { stdio: 'inherit' });
  if (build.status !== 0) process.exit(build.status ?? 1);
}

register();
await import('../server/main.ts');
