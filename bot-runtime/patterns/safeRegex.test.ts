import { describe, expect, it } from 'vitest';
import {
  findPatternMatches,
  MAX_MATCHES,
  MAX_PATTERN_LENGTH,
  MAX_TEXT_LENGTH,
  patternProblem,
  testPattern,
} from './safeRegex';

// On JavaScript's backtracking RegExp each of these takes exponential time on its input: the
// 26-character version already took half a second. The tests finish only because they do not.
const CATASTROPHIC: [string, string][] = [
  ['(a+)+b', 'a'.repeat(5_000)],
  ['(x+x+)+y', 'x'.repeat(5_000)],
  ['^(\\w+\\s?)*$', `${'word '.repeat(1_000)}!`],
  ['(a|aa)+$', `${'a'.repeat(5_000)}b`],
];

describe('safe regex', () => {
  it.each(CATASTROPHIC)('answers %s on a long text that does not match', (pattern, text) => {
    expect(testPattern(pattern, text)).toEqual({ matched: false });
    expect(testPattern(pattern, text, { whole: true })).toEqual({ matched: false });
    expect(findPatternMatches(pattern, text)).toEqual([]);
  });

  it('still matches what those patterns describe', () => {
    expect(testPattern('(a+)+b', `${'a'.repeat(5_000)}b`).matched).toBe(true);
    expect(testPattern('(x+x+)+y', 'xxxy', { whole: true }).matched).toBe(true);
  });

  it('tests anywhere in the text, or the whole text', () => {
    expect(testPattern('[A-Z]\\d{4}', 'order A1001 please').matched).toBe(true);
    expect(testPattern('[A-Z]\\d{4}', 'order A1001 please', { whole: true }).matched).toBe(false);
    expect(testPattern('[A-Z]\\d{4}', 'A1001', { whole: true }).matched).toBe(true);
    // The whole text matches one of the alternatives, as with ^(?:…)$.
    expect(testPattern('yes|no', 'no', { whole: true }).matched).toBe(true);
    expect(testPattern('yes|no', 'yes no', { whole: true }).matched).toBe(false);
  });

  it('is case-sensitive unless asked not to be', () => {
    expect(testPattern('^ada@', 'ADA@example.com').matched).toBe(false);
    expect(testPattern('^ada@', 'ADA@example.com', { ignoreCase: true }).matched).toBe(true);
  });

  it('reads JavaScript syntax: \\u escapes, named groups, [^]', () => {
    expect(testPattern('caf\\u00e9', 'café').matched).toBe(true);
    expect(testPattern('(?<year>\\d{4})-\\d{2}', 'on 2025-03').matched).toBe(true);
    expect(testPattern('a[^]b', 'a\nb').matched).toBe(true);
  });

  it.each([
    ['([', 'missing closing'],
    ['a++', 'invalid nested repetition'],
    ['(a)\\1', 'backreferences'],
    ['(?<name>a)\\k<name>', 'backreferences'],
    ['(?=a)a', 'lookahead'],
    ['(?!a)b', 'lookahead'],
    ['(?<=a)b', 'lookbehind'],
    ['(?<!a)b', 'lookbehind'],
    ['a{1001}', 'invalid repeat count'],
    ['(?:a?){999}(?:b?){999}', 'too large'],
    ['a'.repeat(MAX_PATTERN_LENGTH + 1), `longer than ${MAX_PATTERN_LENGTH}`],
  ])('refuses %s and says why, matching nothing', (pattern, why) => {
    expect(patternProblem(pattern)).toContain(why);
    expect(testPattern(pattern, 'aaaa b')).toEqual({
      matched: false,
      error: { code: 'INVALID_PATTERN', message: expect.stringContaining(why) },
    });
    expect(findPatternMatches(pattern, 'aaaa b')).toEqual([]);
  });

  it('accepts what looks like lookaround or a backreference but is not', () => {
    expect(patternProblem('[(?=]\\\\1')).toBeNull();
    expect(testPattern('[(?=]', '=').matched).toBe(true);
    expect(patternProblem('(?:a)(?P<b>c)\\d{2}')).toBeNull();
  });

  it('does not match a text longer than the limit', () => {
    const long = `${'a'.repeat(MAX_TEXT_LENGTH)}b`;
    expect(testPattern('b', long)).toEqual({
      matched: false,
      error: { code: 'TEXT_TOO_LONG', message: expect.stringContaining(`${MAX_TEXT_LENGTH}`) },
    });
    expect(findPatternMatches('b', long)).toEqual([]);
    expect(testPattern('b', long.slice(1)).matched).toBe(true);
  });

  it('finds matches with their string positions and groups', () => {
    expect(
      findPatternMatches('ticket #(\\d+)|(?:order) ([A-Z]\\d{4})', '😀 ticket #778, order A1001'),
    ).toEqual([
      { index: 3, text: 'ticket #778', groups: ['778', undefined] },
      { index: 16, text: 'order A1001', groups: [undefined, 'A1001'] },
    ]);
    expect(findPatternMatches('A\\d', 'a1 A2', { ignoreCase: true }).map((m) => m.text)).toEqual([
      'a1',
      'A2',
    ]);
  });

  it('honours multiline and dotAll', () => {
    expect(testPattern('^b', 'a\nb').matched).toBe(false);
    expect(testPattern('^b', 'a\nb', { multiline: true }).matched).toBe(true);
    expect(testPattern('a.b', 'a\nb').matched).toBe(false);
    expect(testPattern('a.b', 'a\nb', { dotAll: true }).matched).toBe(true);
  });

  it('stops after the most matches one text may give', () => {
    expect(findPatternMatches('a', 'a'.repeat(1_000))).toHaveLength(MAX_MATCHES);
  });

  it('skips empty matches, which neither count nor use up the limit', () => {
    const found = findPatternMatches('#?(\\d*)', `${'x'.repeat(150)} #778`);
    expect(found.map((match) => [match.text, match.groups[0]])).toEqual([['#778', '778']]);
  });

  it('keeps working when more patterns are used than it keeps compiled', () => {
    for (let round = 0; round < 2; round++) {
      for (let n = 0; n < 200; n++) {
        expect(testPattern(`^n${n}$`, `n${n}`).matched).toBe(true);
        expect(testPattern(`^n${n}$`, `n${n + 1}`).matched).toBe(false);
      }
    }
  });
});
