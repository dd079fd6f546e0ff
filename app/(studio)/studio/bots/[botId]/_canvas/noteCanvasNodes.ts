import type { FlowDocument } from '@/bot-runtime/flow';
import type { StickyNoteCanvasNode, StickyNoteData } from './StickyNoteView';

/** Notes share the canvas with nodes; their canvas ids are prefixed so the two never clash. */
const NOTE_NODE_PREFIX = 'note:';

/** The note a canvas node stands for, or null for a node of the flow. */
export function noteIdOf(canvasNodeId: string): string | null {
  return canvasNodeId.startsWith(NOTE_NODE_PREFIX)
    ? canvasNodeId.slice(NOTE_NODE_PREFIX.length)
    : null;
}

/** The flow's sticky notes as React Flow nodes, drawn with their stored size. */
export function noteCanvasNodes(
  flow: FlowDocument,
  selectedNoteIds: readonly string[],
  actions: Omit<StickyNoteData, 'note'>,
): StickyNoteCanvasNode[] {
  const selected = new Set(selectedNoteIds);
  return flow.layout.notes.map((note) => ({
    id: `${NOTE_NODE_PREFIX}${note.id}`,
    type: 'stickyNote',
    position: { x: note.x, y: note.y },
    width: note.width,
    height: note.height,
    selected: selected.has(note.id),
    data: { note, ...actions },
  }));
}
