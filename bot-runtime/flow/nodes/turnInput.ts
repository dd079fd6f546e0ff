import { z } from 'zod';
import { jsonValueSchema } from '../json';

/** What wakes the bot up: one of these per turn. */
export const turnInputSchema = z.discriminatedUnion('type', [
  /** A new session; `text` when the customer opened the chat by typing. */
  z.object({ type: z.literal('start'), text: z.string().optional() }),
  z.object({ type: z.literal('text'), text: z.string() }),
  /** A tapped quick reply or card button. */
  z.object({ type: z.literal('choice'), value: z.string(), label: z.string().optional() }),
  z.object({ type: z.literal('form'), fields: z.record(z.string(), jsonValueSchema) }),
  /** The customer stayed silent past the host's timeout (async sessions). */
  z.object({ type: z.literal('timeout') }),
  /** Routing answered a handoff: nobody can take it. */
  z.object({ type: z.literal('noAgent') }),
  /** An agent handed the conversation back to the bot. */
  z.object({ type: z.literal('returned') }),
]);
export type TurnInput = z.output<typeof turnInputSchema>;
