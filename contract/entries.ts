import { z } from 'zod';

/**
 * The conversation entry as apps see it. Pure zod with no server imports, so the SDK can take
 * its types from here and the OpenAPI document is generated from the same schemas.
 */

export const ACTOR_TYPES = ['customer', 'bot', 'agent', 'system'] as const;

export const quickReplySchema = z.object({
  label: z.string(),
  value: z.string(),
});

export const cardSchema = z.object({
  title: z.string(),
  subtitle: z.string().optional(),
  imageUrl: z.string().optional(),
  buttons: z
    .array(
      z.object({ label: z.string(), value: z.string().optional(), url: z.string().optional() }),
    )
    .default([]),
});

export const formFieldSchema = z.object({
  name: z.string(),
  label: z.string(),
  type: z.enum(['text', 'email', 'phone', 'number', 'date', 'choice']),
  required: z.boolean().default(false),
  options: z.array(z.string()).optional(),
});

/** Entry types and their payloads. */
export const entryPayloadSchemas = {
  text: z.object({ text: z.string() }),
  choice: z.object({ value: z.string(), label: z.string().optional() }),
  form_response: z.object({ values: z.record(z.string(), z.unknown()) }),
  quick_replies: z.object({ text: z.string(), options: z.array(quickReplySchema) }),
  cards: z.object({ text: z.string().optional(), cards: z.array(cardSchema) }),
  image: z.object({ url: z.string(), alt: z.string().optional() }),
  form_request: z.object({ text: z.string().optional(), fields: z.array(formFieldSchema) }),
  participant_changed: z.object({
    change: z.enum(['joined', 'left']),
    participant: z.object({ type: z.enum(ACTOR_TYPES), name: z.string() }),
  }),
  queue_position: z.object({
    position: z.number().int(),
    estimatedWaitSeconds: z.number().optional(),
  }),
  csat_request: z.object({ text: z.string(), withComment: z.boolean() }),
  csat_response: z.object({
    score: z.number().int().min(1).max(5),
    comment: z.string().optional(),
  }),
  status_changed: z.object({ from: z.string(), to: z.string(), reason: z.string().optional() }),
  /** The actor is composing the next entry: show "typing…" for this long before revealing it. */
  typing: z.object({ durationMs: z.number().int().positive() }),
} as const;

export type EntryType = keyof typeof entryPayloadSchemas;
export const ENTRY_TYPES = Object.keys(entryPayloadSchemas) as EntryType[];

export const entrySchema = z.object({
  id: z.string(),
  seq: z.number().int().positive(),
  actor: z.object({ type: z.enum(ACTOR_TYPES), name: z.string() }),
  type: z.enum(ENTRY_TYPES as [EntryType, ...EntryType[]]),
  payload: z.record(z.string(), z.unknown()),
  clientMessageId: z.string().optional(),
  createdAt: z.iso.datetime(),
  /**
   * `read` once the other side has read it: the customer's own entries once the agent has, the
   * entries sent to the customer once the customer marked them read.
   */
  status: z.enum(['sent', 'read']),
});

export type Entry = z.infer<typeof entrySchema>;

/** Events on the stream that are not stored entries (they carry no seq). */
export const typingEventSchema = z.object({
  actor: z.object({ type: z.enum(ACTOR_TYPES), name: z.string() }),
  isTyping: z.boolean(),
});

/** The other side has read the conversation up to `upToSeq`. */
export const readEventSchema = z.object({
  reader: z.object({ type: z.enum(ACTOR_TYPES), name: z.string() }),
  upToSeq: z.number().int().min(0),
});
