import { templateVariables } from '../../template/templateVariables';
import { defineNodeType } from '../nodeType';
import { csatVariables, endDataSchema } from './endData';
import { runEnd } from './runEnd';

export const endNode = defineNodeType({
  type: 'end',
  label: 'End',
  description: 'Close the conversation, optionally asking for a 1-5 rating and a comment.',
  icon: '⚑',
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
