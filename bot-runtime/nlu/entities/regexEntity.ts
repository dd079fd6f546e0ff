import { findPatternMatches, patternOptionsOf } from '../../patterns/safeRegex';
import type { EntityDefinition } from '../schema';
import type { EntityMatch } from '../types';

type RegexEntityDefinition = Extract<EntityDefinition, { kind: 'regex' }>;

/**
 * The value is the first capture group when the pattern has one, else the whole match. The
 * designer's pattern runs on the customer's text, so on the linear-time engine; one it cannot
 * run finds nothing.
 */
export function compileRegexEntity(
  definition: RegexEntityDefinition,
): (text: string) => EntityMatch[] {
  const options = patternOptionsOf(definition.flags);
  return (text) =>
    findPatternMatches(definition.pattern, text, options).map((match) => ({
      entity: definition.name,
      value: match.groups[0] ?? match.text,
      text: match.text,
      start: match.index,
      end: match.index + match.text.length,
    }));
}
