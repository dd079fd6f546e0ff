import type { NluLanguage } from '../schema';

/**
 * Pretrained word vectors: what the NLU knows about words before a designer types a phrase, so
 * that "parcel" helps recognise an intent trained on "package". Unit vectors, int8-quantised.
 */
export interface WordVectors {
  /** Stored with every model trained on them: a model must be loaded with the same vectors. */
  id: string;
  dimensions: number;
  rows: Map<string, number>;
  /** `rows.size * dimensions` values; multiply by `scale` for the unit vector's components. */
  values: Int8Array;
  scale: number;
}

/**
 * What the NLU may be given from outside: the word vectors for a language, and off-topic
 * utterances that teach "none of these", when there are any.
 */
export interface NluResources {
  wordVectorsFor?: (language: NluLanguage) => WordVectors | null;
  backgroundFor?: (language: NluLanguage) => readonly string[] | null;
}

interface Header {
  id: string;
  dimensions: number;
  count: number;
  scale: number;
  wordBytes: number;
}

/** The file format of `scripts/build-word-vectors.mjs`: a JSON header line, the words, the values. */
export function decodeWordVectors(bytes: Uint8Array): WordVectors {
  const headerEnd = bytes.indexOf(10);
  const decoder = new TextDecoder();
  const header = JSON.parse(decoder.decode(bytes.subarray(0, headerEnd))) as Header;
  const wordsStart = headerEnd + 1;
  const words = decoder
    .decode(bytes.subarray(wordsStart, wordsStart + header.wordBytes))
    .split('\n');
  const valuesStart = wordsStart + header.wordBytes;
  const length = header.count * header.dimensions;
  if (words.length !== header.count || bytes.length < valuesStart + length) {
    throw new Error(`Word vectors ${header.id} are truncated or corrupt.`);
  }
  return {
    id: header.id,
    dimensions: header.dimensions,
    rows: new Map(words.map((word, row) => [word, row])),
    values: new Int8Array(bytes.buffer, bytes.byteOffset + valuesStart, length),
    scale: header.scale,
  };
}

/** The row of a lower-cased token; "what's" falls back to "what". */
export function wordVectorRow(vectors: WordVectors, token: string): number | undefined {
  const row = vectors.rows.get(token);
  if (row !== undefined) return row;
  const apostrophe = token.indexOf("'");
  return apostrophe > 0 ? vectors.rows.get(token.slice(0, apostrophe)) : undefined;
}
