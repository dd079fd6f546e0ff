import { readdirSync, readFileSync } from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';

const root = path.dirname(new URL(import.meta.url).pathname);

function sourceFiles(dir: string): string[] {
  return readdirSync(dir, { withFileTypes: true }).flatMap((entry) => {
    const full = path.join(dir, entry.name);
    if (entry.isDirectory()) return sourceFiles(full);
    return /\.tsx?$/.test(entry.name) && !entry.name.endsWith('.test.ts') ? [full] : [];
  });
}

// The CLI and the reader of the shipped word-vector file read files; the library itself reaches
// the world only through what it is passed.
const TOOL_FILES = new Set(['nlu/cli.ts', 'nlu/wordVectors/readBundledWordVectors.ts']);
const FORBIDDEN = [
  { pattern: /from\s+['"](@\/)?(\.\.\/)+(app|server)\//, why: 'imports app/ or server/' },
  { pattern: /from\s+['"]@\/(app|server)\//, why: 'imports app/ or server/' },
  {
    pattern: /from\s+['"](node:)?(fs|net|http|https|dns|child_process|tls|dgram)(\/promises)?['"]/,
    why: 'touches the outside world',
  },
  { pattern: /\b(eval|new Function)\s*\(/, why: 'evaluates code' },
];

describe('bot-runtime boundary', () => {
  it('imports nothing from app/ or server/ and reaches the outside only through services', () => {
    const violations = sourceFiles(root)
      .filter((file) => !TOOL_FILES.has(path.relative(root, file)))
      .flatMap((file) => {
        const source = readFileSync(file, 'utf8');
        return FORBIDDEN.filter(({ pattern }) => pattern.test(source)).map(
          ({ why }) => `${path.relative(root, file)} ${why}`,
        );
      });
    expect(violations).toEqual([]);
  });
});
