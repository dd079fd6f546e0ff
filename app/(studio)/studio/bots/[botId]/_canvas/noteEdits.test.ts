import { describe, expect, it } from 'vitest';
import { type FlowDocument, loadFlow } from '@/bot-runtime/flow';
import { addNote, moveNotes, removeNotes, resizeNotes, updateNote } from './noteEdits';

function startOnly(): FlowDocument {
  const loaded = loadFlow({ schemaVersion: 1, nodes: [{ id: 'start', type: 'start' }] });
  if (!loaded.ok) throw new Error(loaded.error.message);
  return loaded.flow;
}

describe('sticky note edits', () => {
  it('adds an empty yellow note where asked, leaving the logic alone', () => {
    const before = startOnly();
    const { flow, noteId } = addNote(before, { x: 10.4, y: 20.6 });
    expect(noteId).toBe('note1');
    expect(flow.layout.notes).toEqual([
      { id: 'note1', x: 10, y: 21, width: 200, height: 120, text: '', color: 'yellow' },
    ]);
    expect(flow.nodes).toBe(before.nodes);
    expect(flow.edges).toBe(before.edges);
    expect(addNote(flow, { x: 0, y: 0 }).noteId).toBe('note2');
  });

  it('writes, recolours, moves and resizes a note', () => {
    const { flow, noteId } = addNote(startOnly(), { x: 0, y: 0 });
    const written = updateNote(flow, noteId, { text: 'Ask legal\nabout this', color: 'pink' });
    const moved = moveNotes(written, { [noteId]: { x: 300.2, y: -40 } });
    const resized = resizeNotes(moved, { [noteId]: { width: 320, height: 180.7 } });
    expect(resized.layout.notes[0]).toEqual({
      id: noteId,
      x: 300,
      y: -40,
      width: 320,
      height: 181,
      text: 'Ask legal\nabout this',
      color: 'pink',
    });
  });

  it('removes only the chosen notes', () => {
    const one = addNote(startOnly(), { x: 0, y: 0 });
    const two = addNote(one.flow, { x: 0, y: 200 });
    const after = removeNotes(two.flow, [one.noteId]);
    expect(after.layout.notes.map((note) => note.id)).toEqual([two.noteId]);
    expect(removeNotes(after, ['missing'])).toBe(after);
  });

  it('keeps what a save accepts', () => {
    const { flow, noteId } = addNote(startOnly(), { x: 0, y: 0 });
    const loaded = loadFlow(updateNote(flow, noteId, { text: 'Checked by QA', color: 'green' }));
    expect(loaded.ok && loaded.flow.layout.notes[0]?.text).toBe('Checked by QA');
  });
});
