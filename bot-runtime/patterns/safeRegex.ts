import { RE2JS } from 're2js';

/**
 * Patterns from a flow (an ask node's answer pattern, a condition's `matches` rule, a regex
 * entity) run on a customer's text on the server's main thread, and a `matches` rule may take
 * its pattern from a variable the customer filled. JavaScript's RegExp backtracks: `(a+)+b`
 * takes exponential time on a long run of "a". These patterns run on RE2 instead, whose time
 * grows linearly with the text. RE2 refuses what it cannot run in linear time (lookaround,
 * backreferences); such a pattern matches nothing, and the flow validator reports it.
 *
 * Patterns are written in JavaScript's syntax and translated (`\u00e9`, `(?<name>…)`, `[^]`).
 */

/** Longer patterns are refused. */
export const MAX_PATTERN_LENGTH = 500;
/** Longer texts match nothing: a match takes time in proportion to the text. */
export const MAX_TEXT_LENGTH = 10_000;
/**
 * The most RE2 instructions a pattern may compile to. A match can cost this much per character,
 * and counted repetitions multiply: `(?:a?){999}` written 45 times fits in 500 characters,
 * compiles to 90,000 instructions and takes seconds on the longest text.
 */
export const MAX_PROGRAM_SIZE = 2_000;
/** At most this many matches are searched for in one text: each search can rescan the rest. */
export const MAX_MATCHES = 100;
/** Compiled patterns kept; a pattern filled from a variable can differ every turn. */
const CACHE_SIZE = 64;

export interface PatternOptions {
  ignoreCase?: boolean;
  /** `^` and `$` also match at line breaks. */
  multiline?: boolean;
  /** `.` also matches a line break. */
  dotAll?: boolean;
}

/** The options of a regex entity's JavaScript-style flags (`i`, `m`, `s`). */
export function patternOptionsOf(flags: string): PatternOptions {
  return {
    ignoreCase: flags.includes('i'),
    multiline: flags.includes('m'),
    dotAll: flags.includes('s'),
  };
}

export interface PatternError {
  code: 'INVALID_PATTERN' | 'TEXT_TOO_LONG';
  message: string;
}

export interface PatternTest {
  matched: boolean;
  /** Why the text was not matched at all: the pattern cannot run, or the text is too long. */
  error?: PatternError;
}

/** One match: where it starts (a string index), what it matched, and its capture groups. */
export interface PatternMatch {
  index: number;
  text: string;
  /** Group 1 first; undefined for a group that took no part in the match. */
  groups: (string | undefined)[];
}

type Compiled = { ok: true; regex: RE2JS } | { ok: false; reason: string };

/** Why the pattern cannot be used, or null when it can. Validators report this to the designer. */
export function patternProblem(pattern: string, options: PatternOptions = {}): string | null {
  const compiled = compile(pattern, options);
  return compiled.ok ? null : compiled.reason;
}

/** Whether the pattern matches somewhere in the text, or with `whole`, the entire text. */
export function testPattern(
  pattern: string,
  text: string,
  options: PatternOptions & { whole?: boolean } = {},
): PatternTest {
  const compiled = compile(pattern, options);
  if (!compiled.ok) {
    return { matched: false, error: { code: 'INVALID_PATTERN', message: compiled.reason } };
  }
  if (text.length > MAX_TEXT_LENGTH) return { matched: false, error: textTooLong() };
  try {
    const { regex } = compiled;
    return { matched: options.whole ? regex.testExact(text) : regex.test(text) };
  } catch (error) {
    return { matched: false, error: { code: 'INVALID_PATTERN', message: reasonOf(error) } };
  }
}

/**
 * The pattern's non-empty matches in the text, left to right and not overlapping, at most
 * `MAX_MATCHES` of them; none when the pattern cannot run or the text is too long.
 */
export function findPatternMatches(
  pattern: string,
  text: string,
  options: PatternOptions = {},
): PatternMatch[] {
  const compiled = compile(pattern, options);
  if (!compiled.ok || text.length > MAX_TEXT_LENGTH) return [];
  const matches: PatternMatch[] = [];
  try {
    for (const match of compiled.regex.matchAll(text)) {
      // An empty match (`\d*` between letters) finds nothing, so it does not use up the limit.
      if (match[0] === '') continue;
      matches.push({ index: match.index ?? 0, text: match[0], groups: match.slice(1) });
      if (matches.length >= MAX_MATCHES) break;
    }
  } catch {
    return [];
  }
  return matches;
}

const cache = new Map<string, Compiled>();

function compile(pattern: string, options: PatternOptions): Compiled {
  if (pattern.length > MAX_PATTERN_LENGTH) {
    return {
      ok: false,
      reason: `it is longer than ${MAX_PATTERN_LENGTH} characters`,
    };
  }
  const key = `${flagsOf(options)}:${pattern}`;
  const cached = cache.get(key);
  if (cached) {
    // Least recently used goes first: a Map keeps insertion order.
    cache.delete(key);
    cache.set(key, cached);
    return cached;
  }
  const compiled = compileUncached(pattern, options);
  cache.set(key, compiled);
  if (cache.size > CACHE_SIZE) {
    const oldest = cache.keys().next();
    if (!oldest.done) cache.delete(oldest.value);
  }
  return compiled;
}

function compileUncached(pattern: string, options: PatternOptions): Compiled {
  const unsupported = unsupportedSyntax(pattern);
  if (unsupported) return { ok: false, reason: unsupported };
  try {
    const regex = RE2JS.compile(RE2JS.translateRegExp(pattern), flagsOf(options));
    if (regex.programSize() > MAX_PROGRAM_SIZE) {
      return {
        ok: false,
        reason: 'it is too large to run quickly; use smaller repetition counts such as {100}',
      };
    }
    return { ok: true, regex };
  } catch (error) {
    return { ok: false, reason: reasonOf(error) };
  }
}

function flagsOf(options: PatternOptions): number {
  return (
    (options.ignoreCase ? RE2JS.CASE_INSENSITIVE : 0) |
    (options.multiline ? RE2JS.MULTILINE : 0) |
    (options.dotAll ? RE2JS.DOTALL : 0)
  );
}

/**
 * Names the features RE2 leaves out, which its own errors describe obscurely. `\k<name>` is
 * caught here because translating drops the backslash of an escape RE2 does not know.
 */
function unsupportedSyntax(pattern: string): string | null {
  let inClass = false;
  for (let i = 0; i < pattern.length; i++) {
    const char = pattern[i];
    if (char === '\\') {
      const next = pattern[i + 1] ?? '';
      if (!inClass && (next === 'k' || (next >= '1' && next <= '9'))) {
        return 'backreferences such as \\1 or \\k<name> are not supported';
      }
      i++;
    } else if (inClass) {
      if (char === ']') inClass = false;
    } else if (char === '[') {
      inClass = true;
    } else if (char === '(' && pattern[i + 1] === '?') {
      const after = pattern.slice(i + 2, i + 4);
      if (after[0] === '=' || after[0] === '!' || after === '<=' || after === '<!') {
        return 'lookahead and lookbehind such as (?=…), (?!…), (?<=…) or (?<!…) are not supported';
      }
    }
  }
  return null;
}

function reasonOf(error: unknown): string {
  if (!(error instanceof Error)) return 'it is not a valid pattern';
  return error.message.replace(/^error parsing regexp: /, '');
}

function textTooLong(): PatternError {
  return {
    code: 'TEXT_TOO_LONG',
    message: `the text is longer than ${MAX_TEXT_LENGTH} characters`,
  };
}
