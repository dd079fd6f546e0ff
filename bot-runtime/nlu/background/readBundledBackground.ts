import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import type { NluLanguage } from '../schema';

/**
 * Resolved from the working directory, which is the project root for the server, the CLI and the
 * tests alike (as for the word vectors): a path relative to this module would point into the
 * Next.js build output.
 */
const ENGLISH_FILE = join(process.cwd(), 'bot-runtime', 'nlu', 'background', 'en.txt');

let english: readonly string[] | undefined;

/**
 * The off-topic utterances that ship with Parley (see README.md here), read once per process; only
 * English has them so far. Like the word vectors, the NLU library never reads the file itself: the
 * server, the CLI and the benchmarks pass this to `trainNlu`.
 */
export function bundledBackground(language: NluLanguage): readonly string[] | null {
  if (language !== 'en') return null;
  english ??= readFileSync(ENGLISH_FILE, 'utf8')
    .split('\n')
    .map((line) => line.trim())
    .filter((line) => line !== '');
  return english;
}
