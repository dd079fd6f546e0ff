import { spawnSync } from 'node:child_process';
import { existsSync, readFileSync, writeFileSync } from 'node:fs';
import path from 'node:path';

/**
 * Builds the UI into `distDir` unless a build is already there. The benchmark keeps its own
 * build folder so it never measures (or overwrites) a build another task is using.
 * `next build` rewrites tsconfig.json; the file is put back as it was so the run leaves the
 * working tree untouched.
 */
export function ensureBuild(root: string, distDir: string) {
  if (existsSync(path.join(root, distDir, 'BUILD_ID'))) return;
  const tsconfig = path.join(root, 'tsconfig.json');
  const original = readFileSync(tsconfig, 'utf8');
  console.log(`No build in ${distDir}: building Parley once (several minutes)...`);
  try {
    const build = spawnSync('npx', ['next', 'build'], {
      cwd: root,
      stdio: 'inherit',
      env: { ...process.env, NEXT_DIST_DIR: distDir, NEXT_TELEMETRY_DISABLED: '1' },
    });
    if (build.status !== 0) throw new Error(`next build failed with status ${build.status}`);
  } finally {
    writeFileSync(tsconfig, original);
  }
}
