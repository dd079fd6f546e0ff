import type { SparseVector } from '../featureSpace';

/**
 * A background utterance at least this similar to one of the bot's phrases is dropped (see
 * `similarity`). Measured on the shipped background against CLINC150's ten weather and ten timer
 * phrases: weather and timer utterances score 0.37-0.83 ("how much rain fell yesterday" 0.38,
 * "will it snow this weekend" 0.52, "set a timer for ten minutes" 0.82), the median utterance
 * 0.13 and nine in ten under 0.24; the first unrelated ones come at 0.30-0.34 ("what time is the
 * last train"). Against the demo bot's phrases it drops about one utterance in twenty.
 */
export const BACKGROUND_SIMILARITY_LIMIT = 0.35;

/**
 * Bounds the work on large bots: each background utterance is compared with this many phrases of
 * each intent at most (the first in the canonical order). A large intent's phrases repeat each
 * other's wording, so a few dozen find what is near it; comparing all of CLINC150's 15,000 would
 * cost seconds.
 */
const MAX_PHRASES_PER_INTENT = 40;

/** Where an utterance's features lie in the model's vectors (see `vectorize`). */
export interface FeatureLayout {
  /** Term features (stems, bigrams, character n-grams) come first: `[0, termFeatures)`. */
  termFeatures: number;
  /** Then the mean of the word vectors, this many dimensions; 0 without word vectors. */
  meanDimensions: number;
}

interface Compared {
  terms: SparseVector;
  termNorm: number;
  mean: Float64Array | null;
}

/**
 * Which background utterances to keep: those not too close to any of the bot's phrases, so that
 * "none of these" never learns what the bot is for (a weather bot keeps understanding weather).
 * `phraseLabels[i]` is the intent of `phrases[i]`.
 *
 * The similarity of two utterances is the mean of two cosines: of their terms (shared words and
 * spellings) and of their word-vector means once the common direction of all the utterances is
 * taken out (shared meaning: "thunderstorm" and "rain"). The model's own cosine does not separate
 * them: every English sentence's mean vector points much the same way (0.80 for the median pair),
 * which centring removes (0.21).
 */
export function keptBackground(
  background: readonly SparseVector[],
  phrases: readonly SparseVector[],
  phraseLabels: ArrayLike<number>,
  layout: FeatureLayout,
  limit = BACKGROUND_SIMILARITY_LIMIT,
): boolean[] {
  const centre = commonDirection([...background, ...phrases], layout);
  const perIntent = new Map<number, number>();
  const compared: Compared[] = [];
  phrases.forEach((vector, i) => {
    const label = phraseLabels[i] as number;
    const seen = perIntent.get(label) ?? 0;
    if (seen >= MAX_PHRASES_PER_INTENT) return;
    perIntent.set(label, seen + 1);
    compared.push(described(vector, layout, centre));
  });
  const dense = new Float64Array(layout.termFeatures);
  return background.map((vector) => {
    const utterance = described(vector, layout, centre);
    const { terms } = utterance;
    for (let k = 0; k < terms.indices.length; k++) {
      dense[terms.indices[k] as number] = terms.values[k] as number;
    }
    let closest = 0;
    for (const phrase of compared) {
      let dot = 0;
      for (let k = 0; k < phrase.terms.indices.length; k++) {
        dot +=
          (dense[phrase.terms.indices[k] as number] as number) * (phrase.terms.values[k] as number);
      }
      const termCosine =
        utterance.termNorm > 0 && phrase.termNorm > 0
          ? dot / (utterance.termNorm * phrase.termNorm)
          : 0;
      const meanCosine =
        utterance.mean && phrase.mean ? unitDot(utterance.mean, phrase.mean) : termCosine;
      closest = Math.max(closest, (termCosine + meanCosine) / 2);
      if (closest >= limit) break;
    }
    for (let k = 0; k < terms.indices.length; k++) dense[terms.indices[k] as number] = 0;
    return closest < limit;
  });
}

/** The average of the utterances' word-vector means; null without word vectors. */
function commonDirection(
  vectors: readonly SparseVector[],
  layout: FeatureLayout,
): Float64Array | null {
  if (layout.meanDimensions === 0 || vectors.length === 0) return null;
  const centre = new Float64Array(layout.meanDimensions);
  for (const vector of vectors) {
    const mean = meanBlock(vector, layout);
    if (mean === null) continue;
    for (let d = 0; d < centre.length; d++) centre[d] = (centre[d] as number) + (mean[d] as number);
  }
  for (let d = 0; d < centre.length; d++) centre[d] = (centre[d] as number) / vectors.length;
  return centre;
}

/** The term part of a vector, and its centred word-vector mean as a unit vector. */
function described(
  vector: SparseVector,
  layout: FeatureLayout,
  centre: Float64Array | null,
): Compared {
  let termCount = 0;
  while (
    termCount < vector.indices.length &&
    (vector.indices[termCount] as number) < layout.termFeatures
  ) {
    termCount++;
  }
  const terms = {
    indices: vector.indices.subarray(0, termCount),
    values: vector.values.subarray(0, termCount),
  };
  let termNorm = 0;
  for (let k = 0; k < termCount; k++) termNorm += (terms.values[k] as number) ** 2;
  let mean = centre === null ? null : meanBlock(vector, layout);
  if (mean !== null && centre !== null) {
    let norm = 0;
    for (let d = 0; d < mean.length; d++) {
      mean[d] = (mean[d] as number) - (centre[d] as number);
      norm += (mean[d] as number) ** 2;
    }
    norm = Math.sqrt(norm);
    if (norm === 0) mean = null;
    else for (let d = 0; d < mean.length; d++) mean[d] = (mean[d] as number) / norm;
  }
  return { terms, termNorm: Math.sqrt(termNorm), mean };
}

/**
 * The word-vector mean block of a vector (it follows the terms, see `withWordVectors`); null when
 * none of the utterance's words has a vector.
 */
function meanBlock(vector: SparseVector, layout: FeatureLayout): Float64Array | null {
  const mean = new Float64Array(layout.meanDimensions);
  let found = false;
  for (let k = 0; k < vector.indices.length; k++) {
    const offset = (vector.indices[k] as number) - layout.termFeatures;
    if (offset >= 0 && offset < layout.meanDimensions) {
      mean[offset] = vector.values[k] as number;
      found = true;
    }
  }
  return found ? mean : null;
}

function unitDot(a: Float64Array, b: Float64Array): number {
  let sum = 0;
  for (let d = 0; d < a.length; d++) sum += (a[d] as number) * (b[d] as number);
  return sum;
}
