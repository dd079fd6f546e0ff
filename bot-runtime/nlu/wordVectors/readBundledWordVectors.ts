import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import type { NluLanguage } from '../schema';
import { decodeWordVectors, type WordVectors } from './wordVectors';

/**
 * Resolved from the working directory, which is the project root for the server, the CLI and the
 * tests alike; a path relative to this module would point into the Next.js build output.
 */
const ENGLISH_FILE = join(process.cwd(), 'bot-runtime', 'nlu', 'wordVectors', 'en-glove-100d.bin');

let english: WordVectors | undefined;

/**
 * The word vectors that ship with Parley, read once per process on first use (about 5 MB); only
 * English has vectors so far. The NLU library never reads files itself: the server, the CLI and
 * the benchmarks pass this to `trainNlu` and `loadNlu`.
 */
export function bundledWordVectors(language: NluLanguage): WordVectors | null {
  if (language !== 'en') return null;
  english ??= decodeWordVectors(readFileSync(ENGLISH_FILE));
  return english;
}
