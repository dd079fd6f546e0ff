import type { FlowDocument } from '../../flow/flowDocument';
import type { TurnInput } from '../../flow/nodes/turnInput';
import type { NluClassifier } from '../../nlu/types';
import type { EngineServices } from '../engineServices';
import { runTurn, type TurnResult } from '../runTurn';
import type { SessionState } from '../sessionState';
import { keywordClassifier } from './keywordClassifier';
import { testServices } from './testServices';

export interface Conversation {
  /** A string is sent as a text message. */
  send(input: TurnInput | string): Promise<TurnResult>;
  state(): SessionState | null;
}

/** Runs turns one after another, carrying the state like the host does. */
export function conversation(
  flow: FlowDocument,
  options: { nlu?: NluClassifier; services?: EngineServices } = {},
): Conversation {
  const nlu = options.nlu ?? keywordClassifier({ intents: {} });
  const services = options.services ?? testServices();
  let state: SessionState | null = null;
  return {
    async send(input) {
      const turnInput: TurnInput =
        typeof input === 'string' ? { type: 'text', text: input } : input;
      const result = await runTurn({ flow, nlu, state, input: turnInput, services });
      state = result.state;
      return result;
    },
    state: () => state,
  };
}

/** What the customer reads: the texts of a turn's outputs. */
export function textsOf(result: TurnResult): string[] {
  return result.outputs.flatMap((output) => (output.type === 'text' ? [output.text] : []));
}
