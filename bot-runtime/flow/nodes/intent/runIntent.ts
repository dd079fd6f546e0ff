import type { JsonObject } from '../../json';
import type { NodeContext, NodeResult } from '../nodeType';
import type { TurnInput } from '../turnInput';
import type { IntentData, Slot } from './intentData';

/**
 * Recognises the intent of the customer's message, then fills that intent's slots from the
 * entities found, asking for each missing required one before leaving through the intent.
 */
export function runIntent(context: NodeContext<IntentData>): NodeResult {
  const input = context.takeInput();
  const text = textOf(input);
  if (text === null) return { type: 'wait', nodeState: context.nodeState ?? undefined };
  const progress = progressOf(context.nodeState);
  if (progress) return continueFilling(context, progress, text);

  const tappedValue = input?.type === 'choice' ? input.value : null;
  const chosen = chooseIntent(context, tappedValue, text);
  if (!chosen) return { type: 'misunderstood' };
  context.recordIntent(
    chosen.intent,
    chosen.intent === tappedValue ? null : context.classify(text).confidence,
  );
  const { saveIntentIn } = context.node.data;
  if (saveIntentIn) context.setVariable(saveIntentIn, chosen.intent);
  const filled = fillSlots(context, chosen.slots, text);
  return askForMissingSlot(context, { intent: chosen.intent, filled, attempts: 0 });
}

/** Slot-filling progress, saved in the node state while the node waits for a detail. */
interface Progress {
  intent: string;
  filled: string[];
  attempts: number;
}

function chooseIntent(context: NodeContext<IntentData>, choiceValue: string | null, text: string) {
  const { intents } = context.node.data;
  const tapped = intents.find((choice) => choice.intent === choiceValue);
  if (tapped) return tapped;
  const classification = context.classify(text);
  return intents.find((choice) => choice.intent === classification.intent) ?? null;
}

function continueFilling(
  context: NodeContext<IntentData>,
  progress: Progress,
  text: string,
): NodeResult {
  const open = slotsOf(context, progress.intent).filter(
    (slot) => !progress.filled.includes(slot.variable),
  );
  const newlyFilled = fillSlots(context, open, text);
  if (newlyFilled.length === 0) {
    if (progress.attempts >= context.node.data.slotRetries) return { type: 'misunderstood' };
    return askForMissingSlot(context, { ...progress, attempts: progress.attempts + 1 });
  }
  const filled = [...progress.filled, ...newlyFilled];
  return askForMissingSlot(context, { intent: progress.intent, filled, attempts: 0 });
}

function askForMissingSlot(context: NodeContext<IntentData>, progress: Progress): NodeResult {
  const missing = slotsOf(context, progress.intent).find(
    (slot) => slot.required && !progress.filled.includes(slot.variable),
  );
  if (!missing) return { type: 'next', output: progress.intent };
  context.say({ type: 'text', text: context.render(missing.prompt), quickReplies: [] });
  const nodeState: JsonObject = { ...progress };
  return { type: 'wait', nodeState };
}

/** Sets each slot whose entity the text contains and returns the variables it filled. */
function fillSlots(context: NodeContext<IntentData>, slots: Slot[], text: string): string[] {
  const { entities } = context.classify(text);
  const filled: string[] = [];
  for (const slot of slots) {
    const match = entities.find((entity) => entity.entity === slot.entity);
    context.explain({
      kind: 'slot',
      variable: slot.variable,
      entity: slot.entity,
      filled: match !== undefined,
      value: match?.value ?? null,
    });
    if (match) {
      context.setVariable(slot.variable, match.value);
      filled.push(slot.variable);
    }
  }
  return filled;
}

function slotsOf(context: NodeContext<IntentData>, intent: string): Slot[] {
  return context.node.data.intents.find((choice) => choice.intent === intent)?.slots ?? [];
}

function progressOf(nodeState: JsonObject | null): Progress | null {
  if (!nodeState || typeof nodeState.intent !== 'string') return null;
  const filled = Array.isArray(nodeState.filled) ? nodeState.filled.map(String) : [];
  return { intent: nodeState.intent, filled, attempts: Number(nodeState.attempts ?? 0) };
}

function textOf(input: TurnInput | null): string | null {
  switch (input?.type) {
    case 'text':
      return input.text;
    case 'start':
      return input.text ?? null;
    case 'choice':
      return input.label ?? input.value;
    default:
      return null;
  }
}
