import type { EntityDefinition } from '../schema';
import type { EntityMatch } from '../types';
import { findMatches } from './findMatches';

type RegexEntityDefinition = Extract<EntityDefinition, { kind: 'regex' }>;

/** The value is the first capture group when the pattern has one, else the whole match. */
export function compileRegexEntity(
  definition: RegexEntityDefinition,
): (text: string) => EntityMatch[] {
  const flags = new Set(`${definition.flags}gu`);
  const pattern = new RegExp(definition.pattern, [...flags].join(''));
  return (text) => findMatches(text, definition.name, pattern, (match) => match[1] ?? match[0]);
}
