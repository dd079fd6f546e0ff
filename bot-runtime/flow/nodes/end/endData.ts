import { z } from 'zod';

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
