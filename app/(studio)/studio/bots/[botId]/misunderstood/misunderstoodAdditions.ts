import type { FlowDocument } from '@/bot-runtime/flow';
import { phraseKey } from '../intents/nluEdits';

/** A message whose wording the designer put into an intent of the draft from the inbox. */
export interface Addition {
  intent: string;
  text: string;
  /** The server has it as added: the saved draft had the phrase when it was told. */
  marked: boolean;
}

export function intentHasPhrase(flow: FlowDocument, intent: string, text: string): boolean {
  const key = phraseKey(text);
  return (
    flow.nlu.intents
      .find((candidate) => candidate.name === intent)
      ?.phrases.some((phrase) => phraseKey(phrase) === key) ?? false
  );
}

/**
 * What the server must be told once `saved` is the saved draft: messages whose phrase it now
 * has are marked added (by intent, one call each), and messages marked before whose phrase
 * an Undo took out again go back to the inbox. Redo puts them back in the first list.
 */
export function additionChanges(
  saved: FlowDocument,
  additions: ReadonlyMap<string, Addition>,
): { mark: Map<string, string[]>; reopen: string[] } {
  const mark = new Map<string, string[]>();
  const reopen: string[] = [];
  for (const [id, addition] of additions) {
    const has = intentHasPhrase(saved, addition.intent, addition.text);
    if (has && !addition.marked)
      mark.set(addition.intent, [...(mark.get(addition.intent) ?? []), id]);
    if (!has && addition.marked) reopen.push(id);
  }
  return { mark, reopen };
}
