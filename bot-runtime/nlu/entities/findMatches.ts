import type { EntityMatch } from '../types';

/** Every match of a global regex, as entity matches; `toValue` may reject a match with `null`. */
export function findMatches(
  text: string,
  entity: string,
  pattern: RegExp,
  toValue: (match: RegExpExecArray) => string | number | null,
): EntityMatch[] {
  const matches: EntityMatch[] = [];
  for (const match of text.matchAll(pattern)) {
    if (match[0] === '') continue;
    const value = toValue(match);
    if (value === null) continue;
    const start = match.index;
    matches.push({ entity, value, text: match[0], start, end: start + match[0].length });
  }
  return matches;
}

/** Neither a letter nor a digit may touch a match: "10" is not a number inside "A1001". */
export const WORD_START = '(?<![\\p{L}\\p{N}])';
export const WORD_END = '(?![\\p{L}\\p{N}])';
