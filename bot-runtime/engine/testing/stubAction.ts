import { z } from 'zod';
import type { ActionContext, ActionDefinition } from '../../actions/types';

/** An action for tests whose behaviour is a plain function of its input. */
export function stubAction(
  name: string,
  run: (input: Record<string, unknown>, context: ActionContext) => Promise<unknown>,
  mock: (input: Record<string, unknown>) => unknown = () => ({}),
): ActionDefinition {
  return {
    name,
    label: name,
    description: `Test stub for ${name}`,
    input: z.record(z.string(), z.unknown()),
    output: z.unknown(),
    run: (input, context) => run(input as Record<string, unknown>, context),
    mock: (input) => mock(input as Record<string, unknown>),
  } as ActionDefinition;
}
