import { z } from 'zod';

/** The variables a quick text may use, filled in when an agent inserts it into a conversation. */
export const QUICK_TEXT_VARIABLES = {
  'contact.name': 'the customer’s name',
  'contact.email': 'the customer’s email',
  'agent.name': 'your name as the customer sees it',
  'org.name': 'your organisation’s name',
} as const;

const VARIABLE = /\{\{\s*([^{}]*?)\s*\}\}/g;

/** The `{{…}}` names in a body that are not known variables: they would reach the customer as typed. */
export function unknownVariables(body: string): string[] {
  return [...body.matchAll(VARIABLE)]
    .map((match) => match[1] ?? '')
    .filter((name) => !(name in QUICK_TEXT_VARIABLES));
}

export const quickTextInput = z.object({
  title: z
    .string()
    .trim()
    .min(1, 'Give the quick text a title.')
    .max(80, 'A title has at most 80 characters.'),
  body: z
    .string()
    .trim()
    .min(1, 'Write the text agents insert.')
    .max(2000, 'A quick text has at most 2,000 characters.')
    .superRefine((body, ctx) => {
      const unknown = unknownVariables(body);
      if (unknown.length > 0) {
        ctx.addIssue({
          code: 'custom',
          message: `Unknown variable {{${unknown[0]}}}: use ${Object.keys(QUICK_TEXT_VARIABLES)
            .map((name) => `{{${name}}}`)
            .join(', ')}.`,
        });
      }
    }),
});

export type QuickTextInput = z.infer<typeof quickTextInput>;
