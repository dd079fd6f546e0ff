import type { TurnResult } from '../engine/runTurn';
import type { SessionStatus } from '../engine/sessionState';
import type { JsonValue } from '../flow/json';
import type { TestInput } from './testCase';

/** What one turn of a test did, as the expectations read it. */
export interface TurnObservation {
  /** The bot's text messages, in order. */
  messages: string[];
  /** The NLU's reading of the customer's message (null: not understood or no message). */
  intent: string | null;
  /** The nodes the turn went through, in order, each once. */
  visited: string[];
  variables: Record<string, JsonValue>;
  status: SessionStatus;
  /** The queue of this turn's hand-off, else of the conversation's last one. */
  handoffQueue: string | null;
  tookNoAgent: boolean;
}

export function observeTurn(
  input: TestInput,
  result: TurnResult,
  previousQueue: string | null,
): TurnObservation {
  const steps = result.trace.steps;
  const handoffs = result.outputs.flatMap((output) =>
    output.type === 'handoff' ? [output.handoff.queue] : [],
  );
  return {
    messages: result.outputs.flatMap((output) => (output.type === 'text' ? [output.text] : [])),
    intent: intentOf(input, result),
    visited: [...new Set(steps.map((step) => step.nodeId))],
    variables: result.state.variables,
    status: result.status,
    handoffQueue: handoffs.at(-1) ?? previousQueue,
    tookNoAgent: steps.some((step) => step.nodeType === 'escalate' && step.output === 'noAgent'),
  };
}

/**
 * The NLU's reading of the customer's message this turn (a global intent and the node waiting
 * for the message share one reading); null when nothing read it, e.g. an email typed at an ask
 * node. A tapped quick reply counts as the intent it names.
 */
function intentOf(input: TestInput, result: TurnResult): string | null {
  if (input.type === 'choice' && result.state.lastIntent === input.value) return input.value;
  const text = input.type === 'text' || input.type === 'start' ? input.text : undefined;
  if (text === undefined) return null;
  for (const step of result.trace.steps) {
    for (const reason of step.reasons) {
      if (reason.kind === 'nlu' && reason.text === text) return reason.intent;
    }
  }
  return null;
}
