import { templateVariables } from '../../template/templateVariables';
import { defineNodeType } from '../nodeType';
import { intentDataSchema } from './intentData';
import { runIntent } from './runIntent';

export const intentNode = defineNodeType({
  type: 'intent',
  label: 'Recognise intent',
  description: 'Wait for the customer, recognise what they want and fill the details it needs.',
  icon: '✦',
  category: 'conversation',
  dataSchema: intentDataSchema,
  defaultData: intentDataSchema.parse({}),
  outputs: (data) => [
    ...data.intents.map((choice) => ({
      name: choice.intent,
      label: choice.intent,
      required: true,
    })),
    { name: 'fallback', label: 'Not understood', required: false },
  ],
  summary: (data) =>
    data.intents.length > 0 ? data.intents.map((c) => c.intent).join(' · ') : 'No intents chosen',
  inspector: [
    { field: 'intents', label: 'Intents', widget: 'intentPicker' },
    { field: 'slotRetries', label: 'Re-asks for a missing detail', widget: 'number' },
    {
      field: 'saveIntentIn',
      label: 'Save the intent in',
      widget: 'variable',
      help: 'Set as soon as the intent is recognised, before details are asked for. Optional.',
    },
  ],
  references: (data) => {
    const slots = data.intents.flatMap((choice) => choice.slots);
    return {
      intents: data.intents.map((choice) => choice.intent),
      entities: slots.map((slot) => slot.entity),
      reads: slots.flatMap((slot) => templateVariables(slot.prompt)),
      writes: [
        ...slots.map((slot) => slot.variable),
        ...(data.saveIntentIn ? [data.saveIntentIn] : []),
      ],
    };
  },
  renameIntent: (data, from, to) => ({
    ...data,
    intents: data.intents.map((choice) =>
      choice.intent === from ? { ...choice, intent: to } : choice,
    ),
  }),
  interruptible: true,
  run: runIntent,
});
