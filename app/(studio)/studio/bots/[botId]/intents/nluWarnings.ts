import type { NluDefinition } from '@/bot-runtime/flow';
import { phraseKey } from './nluEdits';
import {
  centroid,
  cosine,
  phraseTokens,
  phraseVectors,
  type SparseTerms,
} from './phraseSimilarity';

/** Fewer phrases than this and an intent is easily confused with its neighbours. */
export const MIN_PHRASES_PER_INTENT = 5;

export type NluWarning =
  | { kind: 'fewPhrases'; intent: string; count: number; message: string }
  | { kind: 'sharedPhrase'; phrase: string; intents: string[]; message: string }
  | { kind: 'uniformPhrases'; intent: string; reasons: UniformReason[]; message: string }
  | { kind: 'overlappingIntents'; intents: string[]; similarity: number; message: string }
  | { kind: 'phraseCloserToOther'; phrase: string; intents: string[]; message: string };

/** Why an intent's phrases are too much alike (see `uniformReasons`). */
export type UniformReason = 'paraphrases' | 'oneWord' | 'noQuestions' | 'onlyQuestions';

/**
 * Mean similarity between an intent's phrases above which they are rewordings of one sentence.
 * The demo bot's intents, written to vary, score 0.09-0.14 (0.11-0.18 before they were extended);
 * five rewordings of "where is my order" score about 0.5.
 */
export const PARAPHRASE_SIMILARITY = 0.35;
/** Share of an intent's phrases that may hold the same content word before it is all they say. */
export const ONE_WORD_SHARE = 0.8;
/**
 * Customers ask ("where is my order?") and tell ("my order hasn't come"): fewer than this share of
 * either and the model has seen one way of saying it.
 */
export const MIN_FORM_SHARE = 0.2;
/** Similarity of two intents' centres above which they overlap; the demo bot's pairs stay under 0.34. */
export const OVERLAP_SIMILARITY = 0.4;
/**
 * A phrase is closer to another intent when it is at least this similar to that intent's centre
 * and this much more similar than to the rest of its own: below it, short phrases that share few
 * words with anything would raise noise, not help.
 */
export const CLOSER_SIMILARITY = 0.3;
export const CLOSER_MARGIN = 0.1;
/** The rules need some phrases to judge; below this, `fewPhrases` says what to do. */
const MIN_PHRASES_TO_JUDGE = MIN_PHRASES_PER_INTENT;

/** Words that say nothing about an intent on their own. */
const FUNCTION_WORDS = new Set(
  (
    'a an the i me my mine you your we our us it its is are was were be been am do does did to ' +
    'of in on at for from with and or but not no can could would will should please this that ' +
    'there here what where when how why who which have has had im its dont cant'
  ).split(' '),
);
const QUESTION_START =
  /^(what|where|when|how|why|who|which|whose|can|could|do|does|did|is|are|was|were|will|would|should|shall|has|have|may|any)\b/;

function isQuestion(phrase: string): boolean {
  const trimmed = phrase.trim();
  return trimmed.endsWith('?') || QUESTION_START.test(phraseTokens(trimmed).join(' '));
}

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
  warnings.push(...similarityWarnings(nlu));
  return warnings;
}

/** The warnings that need phrases compared: uniform intents, overlaps, misplaced phrases. */
function similarityWarnings(nlu: NluDefinition): NluWarning[] {
  const intents = nlu.intents.filter((intent) => intent.phrases.length > 0);
  const vectors = phraseVectors(intents.flatMap((intent) => intent.phrases));
  let next = 0;
  const byIntent = intents.map((intent) => {
    const own = vectors.slice(next, next + intent.phrases.length);
    next += intent.phrases.length;
    return own;
  });
  const centres = byIntent.map((own) => centroid(own));
  const warnings: NluWarning[] = [];
  intents.forEach((intent, a) => {
    if (intent.phrases.length < MIN_PHRASES_TO_JUDGE) return;
    const reasons = uniformReasons(intent.phrases, byIntent[a] as SparseTerms[]);
    if (reasons.length > 0) {
      warnings.push({
        kind: 'uniformPhrases',
        intent: intent.name,
        reasons,
        message: uniformMessage(intent.name, reasons),
      });
    }
  });
  for (let a = 0; a < intents.length; a++) {
    for (let b = a + 1; b < intents.length; b++) {
      const first = intents[a] as (typeof intents)[number];
      const second = intents[b] as (typeof intents)[number];
      if (Math.min(first.phrases.length, second.phrases.length) < MIN_PHRASES_TO_JUDGE) continue;
      const similarity = cosine(centres[a] as SparseTerms, centres[b] as SparseTerms);
      if (similarity < OVERLAP_SIMILARITY) continue;
      warnings.push({
        kind: 'overlappingIntents',
        intents: [first.name, second.name],
        similarity,
        message: `“${first.name}” and “${second.name}” overlap: their phrases say much the same. Merge them, or add to each phrases with the words that tell them apart.`,
      });
    }
  }
  intents.forEach((intent, a) => {
    const own = byIntent[a] as SparseTerms[];
    if (own.length < MIN_PHRASES_TO_JUDGE) return;
    intent.phrases.forEach((phrase, i) => {
      const vector = own[i] as SparseTerms;
      const rest = centroid(own.filter((_, j) => j !== i));
      const ownSimilarity = cosine(vector, rest);
      let closest: { intent: string; similarity: number } | null = null;
      intents.forEach((other, b) => {
        if (b === a) return;
        const similarity = cosine(vector, centres[b] as SparseTerms);
        if (closest === null || similarity > closest.similarity) {
          closest = { intent: other.name, similarity };
        }
      });
      const best = closest as { intent: string; similarity: number } | null;
      if (
        best &&
        best.similarity >= CLOSER_SIMILARITY &&
        best.similarity >= ownSimilarity + CLOSER_MARGIN
      ) {
        warnings.push({
          kind: 'phraseCloserToOther',
          phrase,
          intents: [intent.name, best.intent],
          message: `“${phrase}” in “${intent.name}” reads more like “${best.intent}”. Move it there if that is what it means; if not, add phrases to “${intent.name}” that say the same thing in other words.`,
        });
      }
    });
  });
  return warnings;
}

/** What makes an intent's phrases too much alike, if anything. */
export function uniformReasons(
  phrases: readonly string[],
  vectors?: SparseTerms[],
): UniformReason[] {
  const reasons: UniformReason[] = [];
  const own = vectors ?? phraseVectors(phrases);
  let total = 0;
  let pairs = 0;
  for (let i = 0; i < own.length; i++) {
    for (let j = i + 1; j < own.length; j++) {
      total += cosine(own[i] as SparseTerms, own[j] as SparseTerms);
      pairs++;
    }
  }
  if (pairs > 0 && total / pairs >= PARAPHRASE_SIMILARITY) reasons.push('paraphrases');
  const phrasesWith = new Map<string, number>();
  for (const phrase of phrases) {
    for (const word of new Set(phraseTokens(phrase))) {
      if (!FUNCTION_WORDS.has(word)) phrasesWith.set(word, (phrasesWith.get(word) ?? 0) + 1);
    }
  }
  if ([...phrasesWith.values()].some((count) => count / phrases.length >= ONE_WORD_SHARE)) {
    reasons.push('oneWord');
  }
  const questions = phrases.filter(isQuestion).length;
  if (questions < MIN_FORM_SHARE * phrases.length) reasons.push('noQuestions');
  else if (phrases.length - questions < MIN_FORM_SHARE * phrases.length) {
    reasons.push('onlyQuestions');
  }
  return reasons;
}

function uniformMessage(intent: string, reasons: readonly UniformReason[]): string {
  const what: Record<UniformReason, string> = {
    paraphrases:
      'its phrases are rewordings of one sentence; add ones that come at it from another side',
    oneWord: 'nearly every phrase uses the same word; add phrases that say it with other words',
    noQuestions:
      'it has hardly any questions; add some the way customers ask (“where is…?”, “can I…?”)',
    onlyQuestions:
      'it is nearly all questions; add statements and complaints the way customers write them (“it still hasn’t come”)',
  };
  return `“${intent}”: ${reasons.map((reason) => what[reason]).join('; ')}.`;
}

/** The intent a warning is about first: the one to open when the designer picks it. */
export function warningIntent(warning: NluWarning): string | undefined {
  return 'intent' in warning ? warning.intent : warning.intents[0];
}

/** The warnings that concern one intent, for its badge in the list. */
export function warningsOf(warnings: readonly NluWarning[], intent: string): NluWarning[] {
  return warnings.filter((warning) =>
    'intent' in warning ? warning.intent === intent : warning.intents.includes(intent),
  );
}
