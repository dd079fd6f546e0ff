import { z } from 'zod';

const positionSchema = z.object({ x: z.number(), y: z.number() });

export const STICKY_NOTE_COLORS = ['yellow', 'blue', 'green', 'pink'] as const;
export type StickyNoteColor = (typeof STICKY_NOTE_COLORS)[number];

/** Long enough for a paragraph of explanation, short enough to keep a note a note. */
export const STICKY_NOTE_MAX_TEXT_LENGTH = 2000;

/** A comment on the canvas for the people editing the bot; the engine never sees it. */
export const stickyNoteSchema = z.object({
  id: z.string().min(1),
  x: z.number(),
  y: z.number(),
  width: z.number().positive().default(200),
  height: z.number().positive().default(120),
  text: z
    .string()
    .max(
      STICKY_NOTE_MAX_TEXT_LENGTH,
      `A note holds at most ${STICKY_NOTE_MAX_TEXT_LENGTH} characters.`,
    )
    .default(''),
  // Colour was free text before the studio drew notes; an unknown one is drawn yellow rather
  // than making the whole bot unreadable over a comment.
  color: z.enum(STICKY_NOTE_COLORS).default('yellow').catch('yellow'),
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
