import { readdirSync, readFileSync } from 'node:fs';
import path from 'node:path';

const repoRoot = path.join(import.meta.dirname, '..', '..');

/**
 * For architecture tests: each import in the non-test sources under `folder` (a path from the
 * repository root) that `allowed` refuses, as "file -> import". `allowed` gets the import as
 * written and, for a relative or `@/` import, where it points as a path from the root.
 */
export function importOffenders(
  folder: string,
  allowed: (specifier: string, target: string | null) => boolean,
): string[] {
  return sourceFiles(path.join(repoRoot, folder)).flatMap((file) =>
    importsOf(file)
      .filter((specifier) => !allowed(specifier, targetOf(specifier, file)))
      .map((specifier) => `${path.relative(repoRoot, file)} -> ${specifier}`),
  );
}

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

function targetOf(specifier: string, file: string): string | null {
  if (specifier.startsWith('@/')) return specifier.slice(2);
  if (specifier.startsWith('.')) {
    return path.relative(repoRoot, path.resolve(path.dirname(file), specifier));
  }
  return null;
}
