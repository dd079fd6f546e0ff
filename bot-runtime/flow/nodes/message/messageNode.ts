import { templateVariables } from '../../template/templateVariables';
import { defineNodeType } from '../nodeType';
import { messageDataSchema } from './messageData';
import { runMessage } from './runMessage';

export const messageNode = defineNodeType({
  type: 'message',
  label: 'Message',
  description: 'Send text, quick-reply buttons, cards or an image.',
  icon: '✉',
  category: 'conversation',
  dataSchema: messageDataSchema,
  defaultData: messageDataSchema.parse({ text: 'Hello!' }),
  outputs: () => [{ name: 'next', label: 'Next', required: true }],
  summary: (data) => {
    if (data.text) return data.text;
    if (data.cards.length > 0) return `${data.cards.length} card(s)`;
    if (data.image) return 'Image';
    return 'Empty message';
  },
  inspector: [
    { field: 'text', label: 'Text', widget: 'template' },
    { field: 'variations', label: 'Other wordings', widget: 'options' },
    { field: 'quickReplies', label: 'Quick replies', widget: 'quickReplies' },
    { field: 'cards', label: 'Cards', widget: 'cards' },
    { field: 'image', label: 'Image', widget: 'image' },
    { field: 'typingDelayMs', label: 'Typing delay (ms)', widget: 'number' },
  ],
  references: (data) => ({
    reads: [
      data.text,
      ...data.variations,
      ...data.quickReplies.map((reply) => reply.label),
      ...data.cards.flatMap((c) => [c.title, c.subtitle]),
      data.image?.url ?? '',
    ].flatMap(templateVariables),
  }),
  run: runMessage,
});
