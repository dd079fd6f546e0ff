import { z } from 'zod';
import { identifierSchema } from '../../identifier';
import { templateVariables } from '../../template/templateVariables';
import { defineNodeType } from '../nodeType';
import { runEscalate } from './runEscalate';

export const escalateDataSchema = z.object({
  queue: z.string().min(1),
  skills: z
    .array(
      z.object({ skill: z.string().min(1), level: z.number().int().min(1).max(10).default(1) }),
    )
    .default([]),
  /** 1 is the most urgent. */
  priority: z.number().int().min(1).max(5).default(3),
  handoffMessage: z.string().default('Let me connect you with someone from our team.'),
  /** Variables the agent sees beside the transcript. */
  variables: z.array(identifierSchema).default([]),
  /** A template written for the agent: `Order {{orderNumber}}: customer asks for a refund`. */
  summary: z.string().default(''),
});
export type EscalateData = z.output<typeof escalateDataSchema>;

export const escalateNode = defineNodeType({
  type: 'escalate',
  label: 'Hand to a human',
  description: 'Hand the conversation to an agent through a queue, with skills and a summary.',
  icon: 'headset',
  category: 'handoff',
  dataSchema: escalateDataSchema,
  defaultData: escalateDataSchema.parse({ queue: 'Support' }),
  outputs: () => [{ name: 'noAgent', label: 'No agent available', required: true }],
  summary: (data) => {
    const skills = data.skills.map((s) => `${s.skill} ${s.level}`).join(', ');
    return skills ? `Queue ${data.queue} (${skills})` : `Queue ${data.queue}`;
  },
  inspector: [
    { field: 'queue', label: 'Queue', widget: 'text' },
    { field: 'skills', label: 'Required skills', widget: 'skills' },
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
