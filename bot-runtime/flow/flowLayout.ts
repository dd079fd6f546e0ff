import { z } from 'zod';

const positionSchema = z.object({ x: z.number(), y: z.number() });

export const stickyNoteSchema = z.object({
  id: z.string().min(1),
  x: z.number(),
  y: z.number(),
  width: z.number().positive().default(200),
  height: z.number().positive().default(120),
  text: z.string().default(''),
  color: z.string().default('yellow'),
});
export type StickyNote = z.output<typeof stickyNoteSchema>;

/**
 * Where things sit on the canvas. Kept apart from nodes and edges so moving a box never shows
 * up in a diff of the bot's logic; the engine never reads it.
 */
export const flowLayoutSchema = z.object({
  nodes: z.record(z.string(), positionSchema).default({}),
  notes: z.array(stickyNoteSchema).default([]),
});
export type FlowLayout = z.output<typeof flowLayoutSchema>;
