import type { FlowDocument, StickyNote, StickyNoteColor } from '@/bot-runtime/flow';
import type { Position } from './flowEdits';

/**
 * Edits of the canvas's sticky notes, as pure functions from one document to the next like the
 * node edits, so notes take part in undo/redo and autosave the same way.
 */

export type NotePatch = Partial<Pick<StickyNote, 'text' | 'color' | 'width' | 'height'>>;

export function addNote(
  flow: FlowDocument,
  position: Position,
  color: StickyNoteColor = 'yellow',
): { flow: FlowDocument; noteId: string } {
  const noteId = freeNoteId(flow);
  const note: StickyNote = {
    id: noteId,
    x: Math.round(position.x),
    y: Math.round(position.y),
    width: 200,
    height: 120,
    text: '',
    color,
  };
  return { noteId, flow: withNotes(flow, [...flow.layout.notes, note]) };
}

export function updateNote(flow: FlowDocument, noteId: string, patch: NotePatch): FlowDocument {
  return withNotes(
    flow,
    flow.layout.notes.map((note) => (note.id === noteId ? { ...note, ...patch } : note)),
  );
}

export function moveNotes(flow: FlowDocument, positions: Record<string, Position>): FlowDocument {
  return withNotes(
    flow,
    flow.layout.notes.map((note) => {
      const position = positions[note.id];
      return position ? { ...note, x: Math.round(position.x), y: Math.round(position.y) } : note;
    }),
  );
}

export function resizeNotes(
  flow: FlowDocument,
  sizes: Record<string, { width: number; height: number }>,
): FlowDocument {
  return withNotes(
    flow,
    flow.layout.notes.map((note) => {
      const size = sizes[note.id];
      return size
        ? { ...note, width: Math.round(size.width), height: Math.round(size.height) }
        : note;
    }),
  );
}

export function removeNotes(flow: FlowDocument, noteIds: readonly string[]): FlowDocument {
  const removed = new Set(noteIds);
  if (!flow.layout.notes.some((note) => removed.has(note.id))) return flow;
  return withNotes(
    flow,
    flow.layout.notes.filter((note) => !removed.has(note.id)),
  );
}

export function freeNoteId(flow: FlowDocument): string {
  const ids = new Set(flow.layout.notes.map((note) => note.id));
  for (let n = 1; ; n++) {
    const id = `note${n}`;
    if (!ids.has(id)) return id;
  }
}

function withNotes(flow: FlowDocument, notes: StickyNote[]): FlowDocument {
  return { ...flow, layout: { ...flow.layout, notes } };
}
