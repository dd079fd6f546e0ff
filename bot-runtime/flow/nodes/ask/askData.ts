import { z } from 'zod';
import { identifierSchema } from '../../identifier';

export const answerTypes = [
  'text',
  'number',
  'email',
  'phone',
  'date',
  'yesno',
  'choice',
  'regex',
] as const;

export const askDataSchema = z.object({
  prompt: z.string().default(''),
  variable: identifierSchema,
  answerType: z.enum(answerTypes).default('text'),
  /** For `choice`: offered as quick replies, matched by value, label or position. */
  options: z.array(z.object({ label: z.string().min(1), value: z.string().min(1) })).default([]),
  /** For `regex`: the whole answer must match. */
  pattern: z.string().default(''),
  retryPrompt: z.string().default("Sorry, that doesn't look right. Could you try again?"),
  /** Re-prompts before leaving through `invalid`. */
  maxRetries: z.number().int().min(0).max(10).default(2),
  /** Customer silence before the bot leaves through `noInput`; 0 waits for as long as it takes. */
  noInputAfterMinutes: z.number().int().min(0).max(1440).default(0),
});
export type AskData = z.output<typeof askDataSchema>;
