import { readFileSync, writeFileSync } from 'node:fs';
import path from 'node:path';

const RESULTS = path.join(import.meta.dirname, 'RESULTS.md');

/**
 * Replaces one benchmark's block in RESULTS.md, between `<!-- name:start -->` and
 * `<!-- name:end -->`, leaving every other block as it is; appends the block if it is new.
 */
export function writeResultsSection(name: string, markdown: string) {
  const start = `<!-- ${name}:start -->`;
  const end = `<!-- ${name}:end -->`;
  const block = `${start}\n${markdown.trim()}\n${end}`;
  let text = '# Benchmark results\n';
  try {
    text = readFileSync(RESULTS, 'utf8');
  } catch (error) {
    if ((error as NodeJS.ErrnoException).code !== 'ENOENT') throw error;
  }
  const from = text.indexOf(start);
  const to = text.indexOf(end);
  const next =
    from >= 0 && to > from
      ? text.slice(0, from) + block + text.slice(to + end.length)
      : `${text.trimEnd()}\n\n${block}\n`;
  writeFileSync(RESULTS, next);
}
