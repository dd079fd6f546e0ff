import type { NluDefinition } from '@/bot-runtime/flow';
import { phraseKey } from './nluEdits';

/** Fewer phrases than this and an intent is easily confused with its neighbours. */
export const MIN_PHRASES_PER_INTENT = 5;

export type NluWarning =
  | { kind: 'fewPhrases'; intent: string; count: number; message: string }
  | { kind: 'sharedPhrase'; phrase: string; intents: string[]; message: string };

/** What weakens the model before anyone tries it: thin intents and phrases that contradict. */
export function nluWarnings(nlu: NluDefinition): NluWarning[] {
  const warnings: NluWarning[] = [];
  for (const intent of nlu.intents) {
    if (intent.phrases.length < MIN_PHRASES_PER_INTENT) {
      warnings.push({
        kind: 'fewPhrases',
        intent: intent.name,
        count: intent.phrases.length,
        message: `“${intent.name}” has ${intent.phrases.length} phrase${intent.phrases.length === 1 ? '' : 's'}; add at least ${MIN_PHRASES_PER_INTENT} so it is recognised reliably.`,
      });
    }
  }
  const owners = new Map<string, { phrase: string; intents: string[] }>();
  for (const intent of nlu.intents) {
    for (const phrase of intent.phrases) {
      const key = phraseKey(phrase);
      const entry = owners.get(key) ?? { phrase, intents: [] };
      if (!entry.intents.includes(intent.name)) entry.intents.push(intent.name);
      owners.set(key, entry);
    }
  }
  for (const { phrase, intents } of owners.values()) {
    if (intents.length < 2) continue;
    warnings.push({
      kind: 'sharedPhrase',
      phrase,
      intents,
      message: `“${phrase}” is a phrase of ${intents.map((i) => `“${i}”`).join(' and ')}; keep it in one so the model is not taught both.`,
    });
  }
  return warnings;
}

/** The warnings that concern one intent, for its badge in the list. */
export function warningsOf(warnings: readonly NluWarning[], intent: string): NluWarning[] {
  return warnings.filter((warning) =>
    warning.kind === 'fewPhrases' ? warning.intent === intent : warning.intents.includes(intent),
  );
}
