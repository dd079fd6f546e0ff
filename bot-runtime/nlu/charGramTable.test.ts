import { describe, expect, it } from 'vitest';
import { countCharGrams, createCharGramTable } from './charGramTable';

/** The plain way: slice every n-gram into a string and look it up. */
function sliceAndLookUp(vocabulary: string[], text: string, min: number, max: number) {
  const index = new Map(vocabulary.map((term, feature) => [term, feature]));
  const counts = new Map<number, number>();
  for (let start = 0; start < text.length; start++) {
    for (let n = min; n <= max && start + n <= text.length; n++) {
      const feature = index.get(text.slice(start, start + n));
      if (feature !== undefined) counts.set(feature, (counts.get(feature) ?? 0) + 1);
    }
  }
  return counts;
}

function hashedLookUp(vocabulary: string[], text: string, min: number, max: number) {
  const table = createCharGramTable(
    vocabulary,
    vocabulary.map((_, feature) => feature),
  );
  const counts = new Float64Array(vocabulary.length);
  const found: number[] = [];
  countCharGrams(table, text, min, max, counts, found);
  return new Map(found.map((feature) => [feature, counts[feature] as number]));
}

describe('character n-gram table', () => {
  const training = [' where is my order ', ' café crème brûlée ', ' 😀 ok ', ' aaaa aaaa '];
  const vocabulary = [
    ...new Set(
      training.flatMap((text) =>
        [2, 3, 4, 5].flatMap((n) =>
          Array.from({ length: Math.max(0, text.length - n + 1) }, (_, s) => text.slice(s, s + n)),
        ),
      ),
    ),
  ];

  it.each([
    ' where is my order ',
    ' order where ',
    ' crème brûlée please ',
    ' 😀 ',
    ' aaaaaaaa ',
    ' nothing known here zzz ',
    ' a ',
    '',
  ])('finds exactly the n-grams a string lookup finds in %j', (text) => {
    expect(hashedLookUp(vocabulary, text, 2, 5)).toEqual(sliceAndLookUp(vocabulary, text, 2, 5));
  });

  it('never reports a term that is not in the vocabulary, even in a crowded table', () => {
    const crowded = Array.from({ length: 5_000 }, (_, k) => `t${k.toString(36)}`);
    const counts = hashedLookUp(crowded, ' u1 u2 zz t1 ', 2, 3);
    expect([...counts.keys()].map((feature) => crowded[feature])).toEqual(['t1']);
  });
});
