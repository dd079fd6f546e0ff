import { z } from 'zod';
import { identifierSchema } from '../../identifier';
import { templateVariables } from '../../template/templateVariables';
import { defineNodeType } from '../nodeType';
import { runAction } from './runAction';

export const actionDataSchema = z.object({
  /** A name from the action registry, e.g. `orderStatus`. */
  action: z.string().default(''),
  /** Each action input field, from a template; a lone `{{variable}}` keeps its type. */
  inputs: z.array(z.object({ name: z.string().min(1), value: z.string() })).default([]),
  /** Result fields (dotted paths into the action's output) to keep in variables. */
  results: z.array(z.object({ path: z.string().min(1), variable: identifierSchema })).default([]),
  timeoutMs: z.number().int().min(100).max(60_000).default(10_000),
});
export type ActionData = z.output<typeof actionDataSchema>;

export const actionNode = defineNodeType({
  type: 'action',
  label: 'Action',
  description: 'Call an action (look up an order, reset a password, HTTP...) and keep its result.',
  icon: 'zap',
  category: 'integration',
  dataSchema: actionDataSchema,
  defaultData: actionDataSchema.parse({}),
  outputs: () => [
    { name: 'success', label: 'Success', required: true },
    { name: 'failure', label: 'Failure', required: true },
  ],
  summary: (data) => (data.action ? `Call ${data.action}` : 'Choose an action'),
  inspector: [
    { field: 'action', label: 'Action', widget: 'actionPicker' },
    { field: 'inputs', label: 'Inputs', widget: 'inputMapping' },
    { field: 'results', label: 'Keep results in', widget: 'resultMapping' },
    { field: 'timeoutMs', label: 'Time limit (ms)', widget: 'number' },
  ],
  references: (data) => ({
    actions: [data.action],
    reads: data.inputs.flatMap((input) => templateVariables(input.value)),
    writes: data.results.map((result) => result.variable),
  }),
  run: runAction,
});
