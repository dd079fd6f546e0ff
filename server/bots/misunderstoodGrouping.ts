import { createTextAnalyzer } from '../../bot-runtime/nlu/analyzeText';
import {
  createFeatureSpace,
  type SparseVector,
  vectorize,
} from '../../bot-runtime/nlu/featureSpace';
import { nluModelSchema } from '../../bot-runtime/nlu/nluModel';
import { decodeFloat32 } from '../../bot-runtime/nlu/typedArrayBase64';
import type { NluResources, WordVectors } from '../../bot-runtime/nlu/wordVectors/wordVectors';

/** A text as the trained model sees it: its features, scaled to unit length. */
export type TextVectorizer = (text: string) => SparseVector;

/**
 * The features a published version's NLU model classifies with (its TF-IDF terms, character
 * n-grams and pooled word vectors), so messages group the way the model tells them apart.
 * Word vectors the installation lacks are left out rather than failing: the terms still group.
 */
export function nluVectorizer(model: unknown, resources: NluResources): TextVectorizer {
  const parsed = nluModelSchema.parse(model);
  const vectors =
    parsed.wordVectors === null ? null : (resources.wordVectorsFor?.(parsed.language) ?? null);
  const space = createFeatureSpace(
    new Map(parsed.vocabulary.map((term, position) => [term, position])),
    decodeFloat32(parsed.idf),
    vectors?.id === parsed.wordVectors ? vectors : null,
    parsed.vectorPooling,
  );
  const analyze = createTextAnalyzer(parsed.language);
  const termEnd = space.idf.length;
  const common = space.wordVectors ? commonDirection(space.wordVectors) : null;
  // The inbox is read again after every action on it, mostly with the same texts.
  const memo = new Map<string, SparseVector>();
  return (text) => {
    const known = memo.get(text);
    if (known) return known;
    const vector = vectorize(space, analyze(text));
    const result = common === null ? unit(vector) : unit(decentred(vector, termEnd, common));
    if (memo.size >= MEMO_LIMIT) memo.clear();
    memo.set(text, result);
    return result;
  };
}

/** Texts remembered per model: a full inbox (see `MAX_GROUPED`) a few times over. */
const MEMO_LIMIT = 10_000;

/** How many of the most frequent words (the vector files list them first) make the common direction. */
const COMMON_WORDS = 2_000;
const commonDirections = new WeakMap<WordVectors, Float64Array>();

/**
 * The direction every sentence's mean word vector shares, whatever it says: the mean of the
 * most frequent words' vectors. Any two English sentences had mean vectors at cosine 0.4 to 0.5
 * along it, as alike as two rephrasings; taken out ("common component removal", Arora et al.
 * 2017), unrelated sentences fall near 0 and rephrasings keep most of their likeness.
 */
function commonDirection(vectors: WordVectors): Float64Array {
  const known = commonDirections.get(vectors);
  if (known) return known;
  const { dimensions } = vectors;
  const sum = new Float64Array(dimensions);
  const rows = Math.min(COMMON_WORDS, vectors.rows.size);
  for (let row = 0; row < rows; row++) {
    for (let d = 0; d < dimensions; d++) {
      sum[d] = (sum[d] as number) + (vectors.values[row * dimensions + d] as number);
    }
  }
  const direction = normalised(sum);
  commonDirections.set(vectors, direction);
  return direction;
}

/**
 * The model's vector with the pooled mean word vector's common direction taken out and the
 * max and min blocks left out: element-wise extremes tell a model's classes apart, but any two
 * sentences share most of them (the same few dimensions peak in most words).
 */
function decentred(vector: SparseVector, termEnd: number, common: Float64Array): SparseVector {
  const dimensions = common.length;
  const mean = new Float64Array(dimensions);
  const indices: number[] = [];
  const values: number[] = [];
  vector.indices.forEach((feature, k) => {
    const value = vector.values[k] as number;
    if (feature < termEnd) {
      indices.push(feature);
      values.push(value);
    } else if (feature < termEnd + dimensions) {
      mean[feature - termEnd] = value;
    }
  });
  let along = 0;
  for (let d = 0; d < dimensions; d++) along += (mean[d] as number) * (common[d] as number);
  for (let d = 0; d < dimensions; d++)
    mean[d] = (mean[d] as number) - along * (common[d] as number);
  const rest = normalised(mean);
  for (let d = 0; d < dimensions; d++) {
    if (rest[d] === 0) continue;
    indices.push(termEnd + d);
    values.push((rest[d] as number) * MEANING_WEIGHT);
  }
  return { indices: Int32Array.from(indices), values: Float32Array.from(values) };
}

/**
 * The weight of what the words mean beside the terms (norm 1): most misunderstood messages use
 * words the bot was never trained on, which have no term but do have a vector.
 */
const MEANING_WEIGHT = 1.5;

function normalised(vector: Float64Array): Float64Array {
  let squared = 0;
  for (const value of vector) squared += value * value;
  if (squared === 0) return vector;
  const scale = 1 / Math.sqrt(squared);
  return vector.map((value) => value * scale);
}

function unit(vector: SparseVector): SparseVector {
  let squared = 0;
  for (const value of vector.values) squared += value * value;
  if (squared === 0) return vector;
  const scale = 1 / Math.sqrt(squared);
  return { indices: vector.indices, values: vector.values.map((value) => value * scale) };
}

/**
 * How alike a message must be to a group (its mean cosine to the members) to join it. Tuned on
 * the demo bot's model: rephrasings of one request ("do you sell gift cards" / "can I buy a gift
 * card", "can I change my delivery address" / "update my address") scored 0.5 to 0.75, unrelated
 * requests -0.1 to 0.3. Mean likeness to every member rather than to a running centroid, so a
 * group cannot drift from its first messages one near neighbour at a time.
 */
export const SIMILARITY_THRESHOLD = 0.45;

/**
 * Groups texts by similarity, greedily (average linkage, one pass): each text, in the order
 * given, joins the group it is most alike to on average when that is at least `threshold`,
 * else starts a group. Pass the most frequent texts first, so groups form around what customers
 * say most. Returns the indices of each group's texts, groups in order of creation.
 */
export function groupBySimilarity(
  vectors: readonly SparseVector[],
  threshold = SIMILARITY_THRESHOLD,
): number[][] {
  const slotsOf = denseSlots(vectors);
  // Each group keeps the sum of its members' unit vectors: the dot product with it, over the
  // member count, is the mean cosine to the members, in one pass over the text's features.
  // The features most texts have (the word-vector dimensions, common n-grams) are summed in a
  // dense array, the rest in a map: map lookups were most of the time.
  const groups: { members: number[]; dense: Float64Array; sparse: Map<number, number> }[] = [];
  vectors.forEach((vector, index) => {
    const slots = slotsOf[index] as Int32Array;
    let best: (typeof groups)[number] | null = null;
    let bestSimilarity = threshold;
    for (const group of groups) {
      let dot = 0;
      for (let k = 0; k < vector.indices.length; k++) {
        const slot = slots[k] as number;
        const sum =
          slot >= 0
            ? (group.dense[slot] as number)
            : (group.sparse.get(vector.indices[k] as number) ?? 0);
        dot += sum * (vector.values[k] as number);
      }
      const similarity = dot / group.members.length;
      if (similarity >= bestSimilarity) {
        best = group;
        bestSimilarity = similarity;
      }
    }
    if (best === null) {
      best = { members: [], dense: new Float64Array(DENSE_FEATURES), sparse: new Map() };
      groups.push(best);
    }
    best.members.push(index);
    for (let k = 0; k < vector.indices.length; k++) {
      const slot = slots[k] as number;
      const value = vector.values[k] as number;
      if (slot >= 0) best.dense[slot] = (best.dense[slot] as number) + value;
      else {
        const feature = vector.indices[k] as number;
        best.sparse.set(feature, (best.sparse.get(feature) ?? 0) + value);
      }
    }
  });
  return groups.map((group) => group.members);
}

/** Features summed densely per group: 8 KB each, 16 MB for a full inbox of singletons. */
const DENSE_FEATURES = 1_024;

/** Per vector and feature, its slot among the `DENSE_FEATURES` most common features, else -1. */
function denseSlots(vectors: readonly SparseVector[]): Int32Array[] {
  const frequency = new Map<number, number>();
  for (const vector of vectors) {
    for (const feature of vector.indices) frequency.set(feature, (frequency.get(feature) ?? 0) + 1);
  }
  const slot = new Map(
    [...frequency]
      .sort((a, b) => b[1] - a[1] || a[0] - b[0])
      .slice(0, DENSE_FEATURES)
      .map(([feature], position) => [feature, position]),
  );
  return vectors.map((vector) => Int32Array.from(vector.indices, (f) => slot.get(f) ?? -1));
}

/** The intents editor's rule for "the same phrase": trimmed, spaces collapsed, lower case. */
export function phraseKey(phrase: string): string {
  return phrase.trim().replace(/\s+/g, ' ').toLowerCase();
}
