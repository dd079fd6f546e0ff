import { z } from 'zod';

/** Message content shared by the `message` node's data and the engine's outputs. */
export const quickReplySchema = z.object({
  label: z.string().min(1),
  /** What comes back as the customer's choice; defaults to the label when empty. */
  value: z.string().default(''),
});
export type QuickReply = z.output<typeof quickReplySchema>;

export const cardButtonSchema = z.object({
  label: z.string().min(1),
  /** Sent back as a quick-reply choice when tapped. */
  value: z.string().optional(),
  /** Opened in the browser instead when set. */
  url: z.string().optional(),
});

export const cardSchema = z.object({
  title: z.string().min(1),
  subtitle: z.string().default(''),
  imageUrl: z.string().optional(),
  buttons: z.array(cardButtonSchema).default([]),
});
export type Card = z.output<typeof cardSchema>;
