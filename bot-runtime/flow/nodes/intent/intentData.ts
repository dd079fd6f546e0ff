import { z } from 'zod';
import { identifierSchema } from '../../identifier';

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
