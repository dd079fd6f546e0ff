import { z } from 'zod';
import { identifierSchema } from '../../identifier';
import { templateVariables } from '../../template/templateVariables';
import { defineNodeType } from '../nodeType';
import { runIntent } from './runIntent';

export const slotSchema = z.object({
  /** An entity name from the flow's NLU definition, or a built-in (`number`, `email`...). */
  entity: z.string().min(1),
  variable: identifierSchema,
  required: z.boolean().default(true),
  /** Asked when the customer's message lacks this entity. */
  prompt: z.string().default(''),
});
export type Slot = z.output<typeof slotSchema>;

export const intentDataSchema = z.object({
  /** Each chosen intent becomes an output, in this order. */
  intents: z
    .array(z.object({ intent: z.string().min(1), slots: z.array(slotSchema).default([]) }))
    .default([]),
  /** Re-asks for a missing slot before counting the message as misunderstood. */
  slotRetries: z.number().int().min(0).max(5).default(1),
  /**
   * A variable that gets the recognised intent's name as soon as it is recognised, before any
   * missing detail is asked for: a customer who asks for a human while the bot waits for an
   * order number can still be routed by what they came for. Empty: not saved.
   */
  saveIntentIn: z.union([identifierSchema, z.literal('')]).default(''),
});
export type IntentData = z.output<typeof intentDataSchema>;

export const intentNode = defineNodeType({
  type: 'intent',
  label: 'Recognise intent',
  description: 'Wait for the customer, recognise what they want and fill the details it needs.',
  icon: 'sparkles',
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
