import { describe, expect, it } from 'vitest';
import { type FlowDocument, loadFlow } from '@/bot-runtime/flow';
import { copyNodes, pasteFragment, readFragment } from './flowClipboard';

function flow(document: Record<string, unknown>): FlowDocument {
  const loaded = loadFlow({ schemaVersion: 1, ...document });
  if (!loaded.ok) throw new Error(JSON.stringify(loaded.error));
  return loaded.flow;
}

const source = flow({
  nodes: [
    { id: 'start', type: 'start' },
    { id: 'message1', type: 'message', label: 'Hi', data: { text: 'Hello' } },
    { id: 'bye', type: 'end' },
  ],
  edges: [
    { id: 'edge1', sourceNodeId: 'start', sourceOutput: 'next', targetNodeId: 'message1' },
    { id: 'edge2', sourceNodeId: 'message1', sourceOutput: 'next', targetNodeId: 'bye' },
  ],
  layout: { nodes: { start: { x: 0, y: 0 }, message1: { x: 0, y: 100 }, bye: { x: 0, y: 200 } } },
});

describe('copying and pasting nodes', () => {
  it('duplicates the chosen nodes with the edges between them, under fresh ids', () => {
    const fragment = copyNodes(source, ['start', 'message1', 'bye']);
    expect(fragment?.nodes.map((n) => n.id)).toEqual(['message1', 'bye']);
    if (!fragment) return;
    const pasted = pasteFragment(source, fragment);
    expect(pasted.nodeIds).toEqual(['message2', 'end1']);
    expect(pasted.flow.edges.at(-1)).toEqual({
      id: 'edge3',
      sourceNodeId: 'message2',
      sourceOutput: 'next',
      targetNodeId: 'end1',
    });
    expect(pasted.flow.layout.nodes.message2).toEqual({ x: 40, y: 140 });
    expect(pasted.flow.nodes.find((n) => n.id === 'message2')?.data.text).toBe('Hello');
  });

  it('pastes into another bot through clipboard text', () => {
    const fragment = copyNodes(source, ['message1']);
    const text = JSON.stringify(fragment);
    const other = flow({ nodes: [{ id: 'start', type: 'start' }] });
    const read = readFragment(text);
    expect(read).not.toBeNull();
    if (!read) return;
    const pasted = pasteFragment(other, read, { x: 500, y: 300 });
    expect(pasted.flow.nodes.map((n) => n.id)).toEqual(['start', 'message1']);
    expect(pasted.flow.layout.nodes.message1).toEqual({ x: 500, y: 300 });
  });

  it('copies sticky notes with the nodes, and pastes them beside the originals', () => {
    const annotated = {
      ...source,
      layout: {
        ...source.layout,
        notes: [
          { id: 'note1', x: 200, y: 100, width: 200, height: 120, text: 'Why', color: 'blue' },
        ],
      },
    } satisfies FlowDocument;
    const fragment = copyNodes(annotated, ['message1'], ['note1']);
    if (!fragment) throw new Error('nothing copied');
    const read = readFragment(JSON.stringify(fragment));
    if (!read) throw new Error('clipboard text not read');
    const pasted = pasteFragment(annotated, read);
    expect(pasted.noteIds).toEqual(['note2']);
    expect(pasted.flow.layout.notes.at(-1)).toMatchObject({ x: 240, y: 140, text: 'Why' });

    const notesOnly = copyNodes(annotated, [], ['note1']);
    expect(notesOnly?.nodes).toEqual([]);
    if (!notesOnly) return;
    const elsewhere = pasteFragment(annotated, notesOnly, { x: 0, y: 0 });
    expect(elsewhere.flow.layout.notes.at(-1)).toMatchObject({ id: 'note2', x: 0, y: 0 });
    expect(copyNodes(annotated, [], [])).toBeNull();
  });

  it('ignores clipboard text that is not copied nodes', () => {
    expect(readFragment('hello')).toBeNull();
    expect(
      readFragment('{"kind":"parley.flowFragment","nodes":[{"id":"x","type":"nope"}]}'),
    ).toBeNull();
  });
});
