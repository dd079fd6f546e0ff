import { readdirSync, readFileSync } from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';

const routing = import.meta.dirname;
const messaging = path.join(routing, '..', 'messaging');

function sourceFiles(dir: string): string[] {
  return readdirSync(dir, { withFileTypes: true }).flatMap((entry) => {
    const full = path.join(dir, entry.name);
    if (entry.isDirectory()) return sourceFiles(full);
    return /\.tsx?$/.test(entry.name) && !/\.test\.tsx?$/.test(entry.name) ? [full] : [];
  });
}

function importsOf(file: string): string[] {
  const source = readFileSync(file, 'utf8');
  return [...source.matchAll(/(?:from|import)\s*\(?\s*['"]([^'"]+)['"]/g)].map((m) => m[1] ?? '');
}

function reachesMessaging(specifier: string, file: string): boolean {
  const to = specifier.startsWith('@/')
    ? path.join(routing, '..', '..', specifier.slice(2))
    : specifier.startsWith('.')
      ? path.resolve(path.dirname(file), specifier)
      : null;
  return to !== null && (to === messaging || to.startsWith(`${messaging}${path.sep}`));
}

// Messaging hands conversations to routing; routing owns the hand-off and its work items, so
// an import the other way would make the two one tangle again.
describe('routing boundary', () => {
  it('never imports server/messaging', () => {
    expect(
      sourceFiles(routing).flatMap((file) =>
        importsOf(file)
          .filter((specifier) => reachesMessaging(specifier, file))
          .map((specifier) => `${path.relative(routing, file)} -> ${specifier}`),
      ),
    ).toEqual([]);
  });
});
