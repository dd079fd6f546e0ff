import { z } from 'zod';
import { identifierSchema } from '../../identifier';

export const actionDataSchema = z.object({
  /** A name from the action registry, e.g. `orderStatus`. */
  action: z.string().default(''),
  /** Each action input field, from a template; a lone `{{variable}}` keeps its type. */
  inputs: z.array(z.object({ name: z.string().min(1), value: z.string() })).default([]),
  /** Result fields (dotted paths into the action's output) to keep in variables. */
  results: z.array(z.object({ path: z.string().min(1), variable: identifierSchema })).default([]),
  timeoutMs: z.number().int().min(100).max(60_000).default(10_000),
});
export type ActionData = z.output<typeof actionDataSchema>;
