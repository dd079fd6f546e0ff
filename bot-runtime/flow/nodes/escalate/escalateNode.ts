import { templateVariables } from '../../template/templateVariables';
import { defineNodeType } from '../nodeType';
import { escalateDataSchema } from './escalateData';
import { runEscalate } from './runEscalate';

export const escalateNode = defineNodeType({
  type: 'escalate',
  label: 'Hand to a human',
  description: 'Hand the conversation to an agent through a queue, with skills and a summary.',
  icon: '☎',
  category: 'handoff',
  dataSchema: escalateDataSchema,
  defaultData: escalateDataSchema.parse({ queue: 'Support' }),
  outputs: () => [
    { name: 'noAgent', label: 'No agent available', required: true },
    { name: 'returned', label: 'Back from an agent', required: false },
  ],
  summary: (data) => {
    const skills = data.skills.map((s) => `${s.skill} ${s.level}`).join(', ');
    return skills ? `Queue ${data.queue} (${skills})` : `Queue ${data.queue}`;
  },
  inspector: [
    {
      field: 'queue',
      label: 'Queue',
      widget: 'text',
      help: 'The bot goes on through "No agent available" at once when the queue does not exist, is outside its business hours, or has no member with every required skill at its level; or when capable members exist but none is online and the queue is set not to wait. Otherwise the customer waits in the queue and is told their place. When an agent hands the conversation back to the bot, it goes on through "Back from an agent", or from the start of the flow (variables kept) when that is not connected.',
    },
    { field: 'skills', label: 'Required skills', widget: 'custom', custom: 'skills' },
    { field: 'priority', label: 'Priority (1 = most urgent)', widget: 'number' },
    {
      field: 'handoffMessage',
      label: 'Message to the customer',
      widget: 'template',
      help: 'Said once someone can take the conversation; if nobody can, the bot goes on through "No agent available" instead.',
    },
    { field: 'variables', label: 'Variables for the agent', widget: 'variableList' },
    { field: 'summary', label: 'Summary for the agent', widget: 'template' },
  ],
  editor: () => import('./editor/escalateEditor').then((module) => module.escalateEditor),
  references: (data) => ({
    reads: [
      ...data.variables,
      ...templateVariables(data.handoffMessage),
      ...templateVariables(data.summary),
    ],
  }),
  isExit: true,
  run: runEscalate,
});
