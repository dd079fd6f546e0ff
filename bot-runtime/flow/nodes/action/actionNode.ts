import { templateVariables } from '../../template/templateVariables';
import { defineNodeType } from '../nodeType';
import { actionDataSchema } from './actionData';
import { runAction } from './runAction';

export const actionNode = defineNodeType({
  type: 'action',
  label: 'Action',
  description: 'Call an action (look up an order, reset a password, HTTP...) and keep its result.',
  icon: '⚡',
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
    { field: 'results', label: 'Keep results in', widget: 'custom', custom: 'resultMapping' },
    { field: 'timeoutMs', label: 'Time limit (ms)', widget: 'number' },
  ],
  editor: () => import('./editor/actionEditor').then((module) => module.actionEditor),
  references: (data) => ({
    actions: [data.action],
    reads: data.inputs.flatMap((input) => templateVariables(input.value)),
    writes: data.results.map((result) => result.variable),
  }),
  run: runAction,
});
