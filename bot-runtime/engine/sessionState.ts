import { z } from 'zod';
import { jsonValueSchema } from '../flow/json';

export const sessionStatuses = ['awaiting_input', 'escalated', 'ended'] as const;
export type SessionStatus = (typeof sessionStatuses)[number];

/** Everything that persists between turns; plain JSON so the host stores it as-is. */
export const sessionStateSchema = z.object({
  schemaVersion: z.literal(1),
  status: z.enum(sessionStatuses),
  /** The node waiting for the next input. */
  currentNodeId: z.string().nullable(),
  /** The waiting node's own progress: retries, slot filling, CSAT step. */
  nodeState: z.record(z.string(), jsonValueSchema).nullable(),
  variables: z.record(z.string(), jsonValueSchema),
  /** Misunderstood messages in a row, for the flow's "offer a human" setting. */
  misunderstandings: z.number().int().min(0),
  lastIntent: z.string().nullable(),
  /** The NLU's confidence in `lastIntent`; null when tapped. Default keeps older states valid. */
  lastIntentConfidence: z.number().nullable().default(null),
  turn: z.number().int().min(0),
  /** Messages, choices and forms from the customer; defaults keep states stored before them valid. */
  customerTurns: z.number().int().min(0).default(0),
  /** Whether the bot has been at the flow's "offer a human" node, so the turn limit offers once. */
  humanOffered: z.boolean().default(false),
});
export type SessionState = z.output<typeof sessionStateSchema>;
