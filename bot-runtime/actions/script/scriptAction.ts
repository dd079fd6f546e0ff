import { z } from 'zod';
import { ActionError } from '../actionError';
import { variableName } from '../http/httpSchemas';
import type { ActionDefinition } from '../types';

const scriptInput = z.object({
  source: z
    .string()
    .min(1)
    .max(20_000)
    .describe(
      'JavaScript run as a function body with `variables` in scope; `return { name: value }` sets variables',
    ),
});

const scriptOutput = z.object({
  variables: z.record(variableName, z.json()).describe('The variables the script returned'),
});

type ScriptInput = z.output<typeof scriptInput>;
type ScriptOutput = z.output<typeof scriptOutput>;

export const scriptAction: ActionDefinition<ScriptInput, ScriptOutput> = {
  name: 'script',
  label: 'Script',
  description:
    'Runs your JavaScript in a sandbox (no network, no files, limited time and memory) to compute new variable values.',
  input: scriptInput,
  output: scriptOutput,
  verbatimInputs: ['source'],

  async run(input, context) {
    const returned = await context.runScript(input.source, { ...(context.variables ?? {}) });
    const parsed = scriptOutput.shape.variables.safeParse(returned);
    if (!parsed.success) {
      throw new ActionError(
        'SCRIPT_INVALID_RESULT',
        'The script must return an object whose keys are variable names and whose values are JSON.',
        { issues: parsed.error.issues.map((issue) => issue.message) },
      );
    }
    return { variables: parsed.data };
  },

  mock() {
    return { variables: {} };
  },
};
