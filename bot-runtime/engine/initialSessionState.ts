import type { FlowDocument } from '../flow/flowDocument';
import type { JsonValue } from '../flow/json';
import type { SessionState } from './sessionState';
import { toJson } from './toJson';

/** A session before its first node: the flow's variables at their defaults. */
export function initialSessionState(flow: FlowDocument): SessionState {
  const variables: Record<string, JsonValue> = {};
  for (const variable of flow.settings.variables) {
    if (variable.default !== undefined) variables[variable.name] = toJson(variable.default);
  }
  return {
    schemaVersion: 1,
    status: 'awaiting_input',
    currentNodeId: null,
    nodeState: null,
    variables,
    misunderstandings: 0,
    lastIntent: null,
    lastIntentConfidence: null,
    turn: 0,
    customerTurns: 0,
    humanOffered: false,
  };
}
