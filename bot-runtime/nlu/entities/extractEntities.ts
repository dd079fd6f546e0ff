import type { BuiltinEntityName, EntityDefinition, NluLanguage } from '../schema';
import type { EntityMatch } from '../types';
import { extractDates } from './dateEntity';
import { extractEmails } from './emailEntity';
import { compileListEntity } from './listEntity';
import { extractNumbers } from './numberEntity';
import { extractPhones } from './phoneEntity';
import { compileRegexEntity } from './regexEntity';

export type EntityExtractor = (text: string, now: Date) => EntityMatch[];

/**
 * Runs the bot's own entities first, then the built-ins, most specific first (an email before the
 * number inside it, a phone or a date before its digits); a match overlapping an earlier one is
 * dropped. Results are in text order.
 */
export function createEntityExtractor(
  entities: EntityDefinition[],
  builtins: BuiltinEntityName[],
  language: NluLanguage,
): EntityExtractor {
  const enabled = new Set(builtins);
  const custom = entities.map((definition) =>
    definition.kind === 'list' ? compileListEntity(definition) : compileRegexEntity(definition),
  );
  const dayFirst = language !== 'en';
  const extractors: EntityExtractor[] = [
    ...custom.map((extract) => (text: string) => extract(text)),
    ...(enabled.has('email') ? [extractEmails] : []),
    ...(enabled.has('date')
      ? [(text: string, now: Date) => extractDates(text, now, dayFirst)]
      : []),
    ...(enabled.has('phone') ? [extractPhones] : []),
    ...(enabled.has('number') ? [extractNumbers] : []),
  ];
  return (text, now) => {
    const kept: EntityMatch[] = [];
    for (const extract of extractors) {
      for (const match of extract(text, now)) {
        if (!kept.some((other) => match.start < other.end && other.start < match.end))
          kept.push(match);
      }
    }
    return kept.sort((a, b) => a.start - b.start);
  };
}
