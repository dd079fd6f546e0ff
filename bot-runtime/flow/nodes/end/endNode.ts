import { z } from 'zod';
import { templateVariables } from '../../template/templateVariables';
import { defineNodeType } from '../nodeType';
import { runEnd } from './runEnd';

export const endDataSchema = z.object({
  message: z.string().default('Thanks for chatting with us. Have a great day!'),
  csat: z
    .object({
      enabled: z.boolean().default(false),
      question: z.string().default('How would you rate this conversation, from 1 to 5?'),
      /** Empty: no comment is asked for. */
      commentPrompt: z.string().default('Anything we could do better?'),
      thanks: z.string().default('Thank you for your feedback!'),
    })
    .default({
      enabled: false,
      question: 'How would you rate this conversation, from 1 to 5?',
      commentPrompt: 'Anything we could do better?',
      thanks: 'Thank you for your feedback!',
    }),
});
export type EndData = z.output<typeof endDataSchema>;

/** Where the CSAT answers are kept, so later analytics and the agent view can read them. */
export const csatVariables = { rating: 'csatRating', comment: 'csatComment' } as const;

export const endNode = defineNodeType({
  type: 'end',
  label: 'End',
  description: 'Close the conversation, optionally asking for a 1-5 rating and a comment.',
  icon: 'flag',
  category: 'flow',
  dataSchema: endDataSchema,
  defaultData: endDataSchema.parse({}),
  outputs: () => [],
  summary: (data) => (data.csat.enabled ? `${data.message} (+ CSAT)` : data.message),
  inspector: [
    { field: 'message', label: 'Closing message', widget: 'template' },
    { field: 'csat.enabled', label: 'Ask for a rating', widget: 'toggle' },
    {
      field: 'csat.question',
      label: 'Rating question',
      widget: 'template',
      visibleWhen: { field: 'csat.enabled', equals: true },
    },
    {
      field: 'csat.commentPrompt',
      label: 'Comment question (empty: none)',
      widget: 'template',
      visibleWhen: { field: 'csat.enabled', equals: true },
    },
    {
      field: 'csat.thanks',
      label: 'Thanks',
      widget: 'template',
      visibleWhen: { field: 'csat.enabled', equals: true },
    },
  ],
  references: (data) => ({
    reads: [
      data.message,
      ...(data.csat.enabled ? [data.csat.question, data.csat.commentPrompt, data.csat.thanks] : []),
    ].flatMap(templateVariables),
    writes: data.csat.enabled ? [csatVariables.rating, csatVariables.comment] : [],
  }),
  isExit: true,
  run: runEnd,
});
