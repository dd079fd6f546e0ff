import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';

const runtimeRoot = join(import.meta.dirname, '..');
const checkedFolders = ['flow', 'engine', 'templates'];
const forbidden =
  /from '(?:@\/)?(?:\.\.\/)*(?:app|server)\/|from 'node:|from '(?:fs|net|http|https|child_process)'/;

function sourceFiles(folder: string): string[] {
  return readdirSync(folder, { withFileTypes: true }).flatMap((entry) => {
    const path = join(folder, entry.name);
    if (entry.isDirectory()) return sourceFiles(path);
    return path.endsWith('.ts') && !path.endsWith('.test.ts') ? [path] : [];
  });
}

describe('bot runtime boundary', () => {
  it('imports nothing from app/ or server/ and no Node built-ins that reach the outside', () => {
    const offenders = checkedFolders
      .flatMap((folder) => sourceFiles(join(runtimeRoot, folder)))
      .filter((file) => forbidden.test(readFileSync(file, 'utf8')));
    expect(offenders).toEqual([]);
  });
});
