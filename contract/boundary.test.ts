import { readdirSync, readFileSync } from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';

const repoRoot = path.join(import.meta.dirname, '..');

function sourceFiles(dir: string): string[] {
  return readdirSync(dir, { withFileTypes: true }).flatMap((entry) => {
    if (entry.name === 'node_modules' || entry.name === 'dist') return [];
    const full = path.join(dir, entry.name);
    if (entry.isDirectory()) return sourceFiles(full);
    return /\.tsx?$/.test(entry.name) && !/\.test\.tsx?$/.test(entry.name) ? [full] : [];
  });
}

function importsOf(file: string): string[] {
  const source = readFileSync(file, 'utf8');
  return [...source.matchAll(/(?:from|import)\s*\(?\s*['"]([^'"]+)['"]/g)].map((m) => m[1] ?? '');
}

/** Files under `folder` with an import that `allowed` refuses, as "file -> import". */
function offenders(folder: string, allowed: (specifier: string, file: string) => boolean) {
  return sourceFiles(path.join(repoRoot, folder)).flatMap((file) =>
    importsOf(file)
      .filter((specifier) => !allowed(specifier, file))
      .map((specifier) => `${path.relative(repoRoot, file)} -> ${specifier}`),
  );
}

/** Where a relative or `@/` import points, as a path from the repository root. */
function target(specifier: string, file: string): string | null {
  if (specifier.startsWith('@/')) return specifier.slice(2);
  if (specifier.startsWith('.')) {
    return path.relative(repoRoot, path.resolve(path.dirname(file), specifier));
  }
  return null;
}

describe('the public API contract', () => {
  it('imports only zod and its own files, so both server/ and sdk/ can take it', () => {
    expect(
      offenders('contract', (specifier, file) => {
        const to = target(specifier, file);
        return specifier === 'zod' || (to?.startsWith('contract/') ?? false);
      }),
    ).toEqual([]);
  });

  it('is reached by the SDK without the SDK reaching into server/ or app/', () => {
    expect(
      offenders('sdk', (specifier, file) => {
        const to = target(specifier, file);
        return !(to?.startsWith('server/') || to?.startsWith('app/'));
      }),
    ).toEqual([]);
  });

  it('is what the domain folders of server/ share with the HTTP edge, not server/http itself', () => {
    const domains = [
      'messaging',
      'contacts',
      'push',
      'deployments',
      'db',
      'routing',
      'bots',
      'auth',
      'staff',
    ];
    expect(
      domains.flatMap((domain) =>
        offenders(`server/${domain}`, (specifier, file) => {
          const to = target(specifier, file);
          return !to?.startsWith('server/http/');
        }),
      ),
    ).toEqual([]);
  });
});
