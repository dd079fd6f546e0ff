import type { EntityDefinition } from '../schema';
import type { EntityMatch } from '../types';
import { findMatches, WORD_END, WORD_START } from './findMatches';

type ListEntityDefinition = Extract<EntityDefinition, { kind: 'list' }>;

/** Finds the values of a list entity, or their synonyms, as whole words, ignoring case. */
export function compileListEntity(
  definition: ListEntityDefinition,
): (text: string) => EntityMatch[] {
  const canonical = new Map<string, string>();
  for (const { value, synonyms } of definition.values) {
    for (const phrase of [value, ...synonyms]) {
      const key = normalizePhrase(phrase);
      if (!canonical.has(key)) canonical.set(key, value);
    }
  }
  // Longest first, so "next day delivery" wins over "next day".
  const alternatives = [...canonical.keys()]
    .sort((a, b) => b.length - a.length)
    .map((phrase) => phrase.split(' ').map(escapeRegExp).join('\\s+'));
  const pattern = new RegExp(`${WORD_START}(?:${alternatives.join('|')})${WORD_END}`, 'giu');
  return (text) =>
    findMatches(
      text,
      definition.name,
      pattern,
      (match) => canonical.get(normalizePhrase(match[0])) ?? null,
    );
}

function normalizePhrase(phrase: string): string {
  return phrase.toLowerCase().trim().split(/\s+/u).join(' ');
}

function escapeRegExp(text: string): string {
  return text.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');
}
