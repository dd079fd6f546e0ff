import { createHash } from 'node:crypto';
import { createRequire } from 'node:module';
import path from 'node:path';

export interface WidgetBundle {
  code: string;
  etag: string;
}

let cached: Promise<WidgetBundle> | undefined;

/**
 * The web widget as one browser script, bundled from `sdk/widget/widget.ts` on first request
 * and kept in memory: no build step to forget, and the served widget always matches the
 * running server. Development rebuilds on every request so edits show up on reload.
 */
export function widgetBundle(root = process.cwd()): Promise<WidgetBundle> {
  if (process.env.NODE_ENV !== 'production') return bundleWidget(root);
  cached ??= bundleWidget(root).catch((error: unknown) => {
    cached = undefined;
    throw error;
  });
  return cached;
}

async function bundleWidget(root: string): Promise<WidgetBundle> {
  // Loaded from the project's node_modules at run time so the Next.js bundler leaves esbuild,
  // a native binary, alone.
  const esbuild = createRequire(path.join(root, 'package.json'))(
    'esbuild',
  ) as typeof import('esbuild');
  const result = await esbuild.build({
    entryPoints: [path.join(root, 'sdk/widget/widget.ts')],
    bundle: true,
    write: false,
    format: 'iife',
    platform: 'browser',
    target: ['es2020'],
    minify: true,
    legalComments: 'none',
    logLevel: 'silent',
  });
  const code = result.outputFiles[0]?.text ?? '';
  const etag = `"${createHash('sha256').update(code).digest('base64url').slice(0, 22)}"`;
  return { code, etag };
}
