import type { TurnTrace } from '../../bot-runtime/engine/turnTrace';
import type { TraceReason } from '../../bot-runtime/flow/nodes/traceReason';
import type { MisunderstoodTurn } from '../messaging/botTurns';

type NluReason = Extract<TraceReason, { kind: 'nlu' }>;

/**
 * The customer's typed message when this turn did not understand it: a node fell to the
 * fallback, or an intent node's classification of the message scored below the threshold.
 * A message only classified in passing (a global-intent check while an "ask" node took it as
 * its answer) was understood, and taps, forms and timeouts have no phrasing to learn from.
 */
export function misunderstoodTurn(trace: TurnTrace): MisunderstoodTurn | null {
  const { input } = trace;
  const text = input.type === 'text' || input.type === 'start' ? input.text?.trim() : undefined;
  if (!text) return null;
  let classified: NluReason | null = null;
  let misunderstood = false;
  for (const step of trace.steps) {
    for (const reason of step.reasons) {
      if (reason.kind === 'fallback') misunderstood = true;
      if (reason.kind !== 'nlu' || reason.text.trim() !== text) continue;
      classified ??= reason;
      if (step.nodeType === 'intent' && reason.intent === null) misunderstood = true;
    }
  }
  if (!misunderstood || classified === null) return null;
  const closest = classified.ranking[0];
  return {
    text,
    topIntent: closest?.intent ?? null,
    score: closest?.confidence ?? classified.confidence,
  };
}
