import type { AnalyzedText } from './analyzeText';
import { type CharGramTable, countCharGrams, createCharGramTable } from './charGramTable';
import { MEAN_POOLING, pooledBlockCount, type VectorPooling } from './vectorPooling';
import { type WordVectors, wordVectorRow } from './wordVectors/wordVectors';

/** A sparse, L2-normalised TF-IDF vector. */
export interface SparseVector {
  indices: Int32Array;
  values: Float32Array;
}

export interface FeatureSpace {
  /** Every term, in feature order: what a stored model keeps. */
  index: Map<string, number>;
  /** Stems and stem bigrams (a handful per utterance): looked up as strings. */
  wordIndex: Map<string, number>;
  /** Character n-grams (hundreds per utterance): looked up without building strings. */
  charGrams: CharGramTable;
  idf: Float32Array;
  /** When present, the pooled words' vectors follow the terms as features. */
  wordVectors: WordVectors | null;
  pooling: VectorPooling;
  /** The weight of a word seen in no training phrase: the rarest there is. */
  unseenWordIdf: number;
  /** Scratch term counts for `vectorize`, all zero between calls: no allocation per utterance. */
  counts: Float64Array;
}

const CHAR_NGRAM_MIN = 2;
const CHAR_NGRAM_MAX = 5;
/**
 * Words and character n-grams are normalised apart, then weighted so that the whole vector has
 * norm 1 and the n-grams carry three quarters of it: one norm over both would drown the words
 * (there are ten times more n-grams), equal weights did about 0.3 points worse on CLINC150.
 */
const WORD_WEIGHT = 0.5;
const BLOCK_WEIGHTS = [WORD_WEIGHT, Math.sqrt(1 - WORD_WEIGHT * WORD_WEIGHT)];
/** On large data a term seen once is mostly noise and bloats the model; tiny bots need every term. */
const MIN_DOCUMENT_FREQUENCY_LARGE = 2;
const LARGE_CORPUS = 2_000;

/**
 * Word terms are marked with a control character that text never keeps after tokenising, so they
 * cannot collide with a character n-gram ("to be" the bigram vs "to be" the 5-gram), and a term's
 * first character says which lookup it belongs to.
 */
const WORD_MARK = '\u0001';
const BIGRAM_MARK = '\u0002';

export interface Terms {
  words: string[];
  chars: string[];
}

function wordTerms(analyzed: AnalyzedText): string[] {
  const words: string[] = [];
  for (const stem of analyzed.stems) words.push(`${WORD_MARK}${stem}`);
  for (const pair of analyzed.stemBigrams) words.push(`${BIGRAM_MARK}${pair}`);
  return words;
}

function padded(analyzed: AnalyzedText): string {
  return ` ${analyzed.normalized} `;
}

/**
 * Word terms: stems and stem bigrams. Character terms: 2..5-grams of the padded text. Only for
 * building the vocabulary; `vectorize` finds the same terms without listing them.
 */
export function extractTerms(analyzed: AnalyzedText): Terms {
  const words = wordTerms(analyzed);
  const chars: string[] = [];
  const text = padded(analyzed);
  for (let n = CHAR_NGRAM_MIN; n <= CHAR_NGRAM_MAX; n++) {
    for (let start = 0; start + n <= text.length; start++) {
      chars.push(text.slice(start, start + n));
    }
  }
  return { words, chars };
}

/**
 * `ownDocuments`: how many of the documents are the bot's own (the rest is background, which must
 * not turn a small bot into a "large corpus" that drops its rare terms); all of them by default.
 */
export function buildFeatureSpace(
  documents: Terms[],
  wordVectors: WordVectors | null,
  pooling: VectorPooling = MEAN_POOLING,
  ownDocuments = documents.length,
): FeatureSpace {
  const ids = new Map<string, number>();
  const documentFrequency: number[] = [];
  const lastDocument: number[] = [];
  documents.forEach(({ words, chars }, document) => {
    for (const terms of [words, chars]) {
      for (const term of terms) {
        let id = ids.get(term);
        if (id === undefined) {
          id = documentFrequency.push(0) - 1;
          lastDocument.push(-1);
          ids.set(term, id);
        }
        if (lastDocument[id] !== document) {
          lastDocument[id] = document;
          documentFrequency[id] = (documentFrequency[id] as number) + 1;
        }
      }
    }
  });
  const minFrequency = ownDocuments >= LARGE_CORPUS ? MIN_DOCUMENT_FREQUENCY_LARGE : 1;
  // In first-seen order: the documents come in a canonical order, so this is deterministic.
  const index = new Map<string, number>();
  const idf: number[] = [];
  for (const [term, id] of ids) {
    const frequency = documentFrequency[id] as number;
    if (frequency < minFrequency) continue;
    index.set(term, idf.push(Math.log((1 + documents.length) / (1 + frequency)) + 1) - 1);
  }
  return createFeatureSpace(index, Float32Array.from(idf), wordVectors, pooling);
}

/** Features of the linear model: every term, then one per word-vector dimension and block. */
export function featureCount(space: FeatureSpace): number {
  const dimensions = space.wordVectors?.dimensions ?? 0;
  return space.idf.length + dimensions * pooledBlockCount(space.pooling);
}

export function createFeatureSpace(
  index: Map<string, number>,
  idf: Float32Array,
  wordVectors: WordVectors | null,
  pooling: VectorPooling = MEAN_POOLING,
): FeatureSpace {
  const wordIndex = new Map<string, number>();
  const charTerms: string[] = [];
  const charFeatures: number[] = [];
  for (const [term, feature] of index) {
    if (term.startsWith(WORD_MARK) || term.startsWith(BIGRAM_MARK)) {
      wordIndex.set(term, feature);
    } else {
      charTerms.push(term);
      charFeatures.push(feature);
    }
  }
  let unseenWordIdf = 1;
  for (const feature of wordIndex.values()) {
    unseenWordIdf = Math.max(unseenWordIdf, idf[feature] as number);
  }
  return {
    index,
    wordIndex,
    charGrams: createCharGramTable(charTerms, charFeatures),
    idf,
    wordVectors,
    pooling,
    unseenWordIdf,
    counts: new Float64Array(idf.length),
  };
}

/** Sublinear term frequency times inverse document frequency, per block, for known terms. */
export function vectorize(space: FeatureSpace, analyzed: AnalyzedText): SparseVector {
  const found: number[] = [];
  countWordTerms(space, wordTerms(analyzed), found);
  const wordCount = found.length;
  countCharGrams(
    space.charGrams,
    padded(analyzed),
    CHAR_NGRAM_MIN,
    CHAR_NGRAM_MAX,
    space.counts,
    found,
  );
  const indices = Int32Array.from(found);
  const values = new Float32Array(found.length);
  const blocks = [
    [0, wordCount],
    [wordCount, found.length],
  ] as const;
  blocks.forEach(([from, to], block) => {
    let squaredNorm = 0;
    for (let k = from; k < to; k++) {
      const feature = indices[k] as number;
      const weight =
        (1 + Math.log(space.counts[feature] as number)) * (space.idf[feature] as number);
      space.counts[feature] = 0;
      values[k] = weight;
      squaredNorm += weight * weight;
    }
    const scale = squaredNorm > 0 ? (BLOCK_WEIGHTS[block] as number) / Math.sqrt(squaredNorm) : 0;
    for (let k = from; k < to; k++) values[k] = (values[k] as number) * scale;
  });
  if (space.wordVectors === null) return { indices, values };
  return withWordVectors(space, space.wordVectors, analyzed, { indices, values });
}

/**
 * Appends the pooled word vectors: the idf-weighted mean of the tokens' unit vectors and, when the
 * pooling has them, their element-wise max and min; each block scaled to its weight. Nothing when
 * no token has a vector.
 */
function withWordVectors(
  space: FeatureSpace,
  vectors: WordVectors,
  analyzed: AnalyzedText,
  terms: SparseVector,
): SparseVector {
  const { dimensions } = vectors;
  const { pooling } = space;
  const mean = new Float64Array(dimensions);
  // The blocks are normalised, so the quantised values serve as they are: no need to scale them.
  const max = pooling.max > 0 ? new Float64Array(dimensions).fill(Number.NEGATIVE_INFINITY) : null;
  const min = pooling.min > 0 ? new Float64Array(dimensions).fill(Number.POSITIVE_INFINITY) : null;
  analyzed.tokens.forEach((token, position) => {
    const row = wordVectorRow(vectors, token);
    if (row === undefined) return;
    const stemFeature = space.wordIndex.get(`${WORD_MARK}${analyzed.stems[position]}`);
    const weight =
      stemFeature === undefined ? space.unseenWordIdf : (space.idf[stemFeature] as number);
    const offset = row * dimensions;
    for (let d = 0; d < dimensions; d++) {
      mean[d] = (mean[d] as number) + weight * (vectors.values[offset + d] as number);
    }
    if (max !== null) {
      for (let d = 0; d < dimensions; d++) {
        max[d] = Math.max(max[d] as number, vectors.values[offset + d] as number);
      }
    }
    if (min !== null) {
      for (let d = 0; d < dimensions; d++) {
        min[d] = Math.min(min[d] as number, vectors.values[offset + d] as number);
      }
    }
  });
  if (squaredNorm(mean) === 0) return terms;
  const blocks: [Float64Array, number][] = [[mean, pooling.mean]];
  if (max !== null) blocks.push([max, pooling.max]);
  if (min !== null) blocks.push([min, pooling.min]);
  const termCount = terms.indices.length;
  const indices = new Int32Array(termCount + dimensions * blocks.length);
  const values = new Float32Array(indices.length);
  indices.set(terms.indices);
  values.set(terms.values);
  blocks.forEach(([block, weight], b) => {
    const norm = Math.sqrt(squaredNorm(block));
    const scale = norm > 0 ? weight / norm : 0;
    const from = termCount + b * dimensions;
    for (let d = 0; d < dimensions; d++) {
      indices[from + d] = space.idf.length + b * dimensions + d;
      values[from + d] = (block[d] as number) * scale;
    }
  });
  return { indices, values };
}

function squaredNorm(vector: Float64Array): number {
  let sum = 0;
  for (let d = 0; d < vector.length; d++) sum += (vector[d] as number) ** 2;
  return sum;
}

/** Counts known terms into the space's scratch counts; `found` gets each feature once. */
function countWordTerms(space: FeatureSpace, terms: string[], found: number[]): void {
  for (const term of terms) {
    const feature = space.wordIndex.get(term);
    if (feature === undefined) continue;
    if (space.counts[feature] === 0) found.push(feature);
    space.counts[feature] = (space.counts[feature] as number) + 1;
  }
}
