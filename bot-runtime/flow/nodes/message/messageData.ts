import { z } from 'zod';
import { cardSchema, quickReplySchema } from '../../richContent';

export const messageDataSchema = z.object({
  /** A template: `Hi {{firstName}}!` */
  text: z.string().default(''),
  /** Other wordings of `text`; one of them is picked at random each time. */
  variations: z.array(z.string()).default([]),
  quickReplies: z.array(quickReplySchema).default([]),
  /** One card, or a carousel when there are several. */
  cards: z.array(cardSchema).default([]),
  image: z
    .object({ url: z.string().min(1), alt: z.string().default('') })
    .nullable()
    .default(null),
  typingDelayMs: z.number().int().min(0).max(10_000).default(0),
});
export type MessageData = z.output<typeof messageDataSchema>;
