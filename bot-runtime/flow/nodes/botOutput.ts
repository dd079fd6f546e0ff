import { z } from 'zod';
import { jsonValueSchema } from '../json';
import { cardSchema, quickReplySchema } from '../richContent';

export const handoffPayloadSchema = z.object({
  queue: z.string(),
  skills: z.array(z.object({ skill: z.string(), level: z.number().int() })),
  priority: z.number().int(),
  /** Written for the agent, rendered from the node's summary template. */
  summary: z.string(),
  /** The last intent the bot recognised, so routing and the agent know why. */
  intent: z.string().nullable(),
  /** How sure the NLU was of that intent, 0–1; null when the customer tapped it or none. */
  intentConfidence: z.number().nullable().default(null),
  /** The escalate node that handed off, so reports can count escalations per node. */
  nodeId: z.string().nullable().default(null),
  variables: z.record(z.string(), jsonValueSchema),
  /**
   * What the customer is told on being handed off; the host says it only once routing has found
   * someone who can take the conversation, never before a "no agent" answer. Empty: nothing.
   */
  message: z.string().default(''),
});
export type HandoffPayload = z.output<typeof handoffPayloadSchema>;

export const csatResultSchema = z.object({
  rating: z.number().int().min(1).max(5),
  comment: z.string().nullable(),
});
export type CsatResult = z.output<typeof csatResultSchema>;

/** One thing the bot sends in a turn; each becomes a conversation entry. */
export const botOutputSchema = z.discriminatedUnion('type', [
  z.object({
    type: z.literal('text'),
    text: z.string(),
    quickReplies: z.array(quickReplySchema).default([]),
  }),
  /** Show "typing..." for this long before the next output. The engine itself never sleeps. */
  z.object({ type: z.literal('typing'), durationMs: z.number().int().positive() }),
  z.object({ type: z.literal('image'), url: z.string(), alt: z.string() }),
  /** One card, or a carousel when there are several. */
  z.object({ type: z.literal('cards'), cards: z.array(cardSchema).min(1) }),
  z.object({ type: z.literal('handoff'), handoff: handoffPayloadSchema }),
  z.object({ type: z.literal('end'), csat: csatResultSchema.nullable() }),
]);
export type BotOutput = z.output<typeof botOutputSchema>;
