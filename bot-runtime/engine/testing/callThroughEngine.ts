import type { ActionContext, ActionDefinition } from '../../actions/types';
import { callAction } from '../callAction';
import { fakeClock } from './fakeClock';

/**
 * Calls `action` through the engine, as an action node with these `inputs` would, with
 * `context`: what the flow gets back and what the trace stores.
 */
export async function callThroughEngine<Input, Output>(
  action: ActionDefinition<Input, Output>,
  inputs: Record<string, string>,
  context: ActionContext,
) {
  const { outcome, reason } = await callAction(
    {
      clock: fakeClock(),
      random: () => 0,
      actions: new Map([[action.name, action as unknown as ActionDefinition]]),
      actionContext: (signal) => ({ ...context, signal }),
    },
    {
      name: action.name,
      inputTemplates: inputs,
      variables: { ...context.variables },
      timeoutMs: 5000,
    },
  );
  if (reason.kind !== 'action') throw new Error(`Expected an action trace, got ${reason.kind}.`);
  return { outcome, trace: reason };
}
