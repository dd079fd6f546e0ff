import type { Classification, EntityMatch, NluClassifier } from '../../nlu/types';

export interface KeywordClassifierSpec {
  /** intent → words or phrases that signal it. */
  intents: Record<string, string[]>;
  /** entity → pattern; every match becomes an entity with its text as the value. */
  entities?: Record<string, RegExp>;
}

const HIT = 0.9;
const MISS = 0.1;

/** A tiny deterministic classifier for tests: an intent wins when one of its keywords appears. */
export function keywordClassifier(spec: KeywordClassifierSpec): NluClassifier {
  return {
    classify(text: string, options?: { threshold?: number }): Classification {
      const lower = text.toLowerCase();
      const ranking = Object.entries(spec.intents)
        .map(([intent, keywords]) => ({
          intent,
          hits: keywords.filter((keyword) => lower.includes(keyword.toLowerCase())).length,
        }))
        .sort((a, b) => b.hits - a.hits)
        .map(({ intent, hits }) => ({ intent, confidence: hits > 0 ? HIT : MISS }));
      const best = ranking[0];
      const threshold = options?.threshold ?? 0.5;
      const understood = best !== undefined && best.confidence >= threshold;
      return {
        intent: understood ? best.intent : null,
        confidence: best?.confidence ?? 0,
        ranking,
        entities: findEntities(text, spec.entities ?? {}),
      };
    },
  };
}

function findEntities(text: string, entities: Record<string, RegExp>): EntityMatch[] {
  return Object.entries(entities).flatMap(([entity, pattern]) =>
    [...text.matchAll(new RegExp(pattern.source, `${pattern.flags.replace('g', '')}g`))].map(
      (match) => ({
        entity,
        value: match[0],
        text: match[0],
        start: match.index,
        end: match.index + match[0].length,
      }),
    ),
  );
}
