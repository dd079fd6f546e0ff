/**
 * Character n-gram → feature lookup without building a string per n-gram. An utterance has a few
 * hundred n-grams, and slicing each into a string to look it up in a `Map` was the largest cost
 * of classifying. Here every n-gram is hashed as it is extended one character at a time, and a
 * hit is confirmed against the stored term character by character, so a collision can cost a
 * probe but never a wrong feature.
 */
export interface CharGramTable {
  mask: number;
  slotHash: Int32Array;
  /** Feature id per slot, -1 when empty. */
  slotFeature: Int32Array;
  terms: string[];
}

const FNV_OFFSET = 0x811c9dc5 | 0;
const FNV_PRIME = 16_777_619;

function extendHash(hash: number, charCode: number): number {
  return Math.imul(hash ^ charCode, FNV_PRIME);
}

function slotOf(hash: number, mask: number): number {
  return (hash ^ (hash >>> 15)) & mask;
}

/** `terms[k]` is feature `features[k]`. */
export function createCharGramTable(terms: string[], features: number[]): CharGramTable {
  let capacity = 16;
  while (capacity < terms.length * 2) capacity *= 2;
  const mask = capacity - 1;
  const slotHash = new Int32Array(capacity);
  const slotFeature = new Int32Array(capacity).fill(-1);
  const byFeature: string[] = [];
  terms.forEach((term, k) => {
    const feature = features[k] as number;
    byFeature[feature] = term;
    let hash = FNV_OFFSET;
    for (let i = 0; i < term.length; i++) hash = extendHash(hash, term.charCodeAt(i));
    let slot = slotOf(hash, mask);
    while ((slotFeature[slot] as number) !== -1) slot = (slot + 1) & mask;
    slotHash[slot] = hash;
    slotFeature[slot] = feature;
  });
  return { mask, slotHash, slotFeature, terms: byFeature };
}

/**
 * Counts every n-gram of `text` with `minLength <= n <= maxLength` that is in the table into
 * `counts`; `found` gets each feature the first time it is counted.
 */
export function countCharGrams(
  table: CharGramTable,
  text: string,
  minLength: number,
  maxLength: number,
  counts: Float64Array,
  found: number[],
): void {
  const { mask, slotHash, slotFeature, terms } = table;
  for (let start = 0; start + minLength <= text.length; start++) {
    let hash = FNV_OFFSET;
    const longest = Math.min(maxLength, text.length - start);
    for (let n = 1; n <= longest; n++) {
      hash = extendHash(hash, text.charCodeAt(start + n - 1));
      if (n < minLength) continue;
      for (let slot = slotOf(hash, mask); ; slot = (slot + 1) & mask) {
        const feature = slotFeature[slot] as number;
        if (feature === -1) break;
        if (slotHash[slot] === hash && sameChars(terms[feature] as string, text, start, n)) {
          if (counts[feature] === 0) found.push(feature);
          counts[feature] = (counts[feature] as number) + 1;
          break;
        }
      }
    }
  }
}

function sameChars(term: string, text: string, start: number, length: number): boolean {
  if (term.length !== length) return false;
  for (let i = 0; i < length; i++) {
    if (term.charCodeAt(i) !== text.charCodeAt(start + i)) return false;
  }
  return true;
}
