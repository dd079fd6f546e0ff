import { describe, expect, it } from 'vitest';
import { diffFlows } from './diffFlows';
import type { FlowDocument } from './flowDocument';
import { loadFlow } from './loadFlow';

function flow(document: Record<string, unknown>): FlowDocument {
  const loaded = loadFlow({ schemaVersion: 1, ...document });
  if (!loaded.ok) throw new Error(JSON.stringify(loaded.error));
  return loaded.flow;
}

const published = flow({
  nodes: [
    { id: 'start', type: 'start' },
    { id: 'hello', type: 'message', label: 'Hello', data: { text: 'Hi there' } },
    { id: 'old', type: 'message', data: { text: 'Going away' } },
    { id: 'bye', type: 'end' },
  ],
  edges: [
    { id: 'e1', sourceNodeId: 'start', sourceOutput: 'next', targetNodeId: 'hello' },
    { id: 'e2', sourceNodeId: 'hello', sourceOutput: 'next', targetNodeId: 'old' },
    { id: 'e3', sourceNodeId: 'old', sourceOutput: 'next', targetNodeId: 'bye' },
  ],
  layout: { nodes: { start: { x: 0, y: 0 }, hello: { x: 0, y: 100 } } },
});

describe('comparing two versions of a flow', () => {
  it('finds nothing when only positions moved and edges were redrawn', () => {
    const moved = {
      ...published,
      edges: published.edges.map((edge) => ({ ...edge, id: `new-${edge.id}` })),
      layout: { ...published.layout, nodes: { start: { x: 50, y: 50 } } },
    };
    expect(diffFlows(published, moved)).toEqual({
      nodes: [],
      edges: { added: [], removed: [] },
      other: [],
    });
  });

  it('finds nothing when only sticky notes were added, rewritten or removed', () => {
    const annotated = flow({
      ...published,
      layout: {
        ...published.layout,
        notes: [{ id: 'n1', x: 0, y: 0, text: 'Ask legal about this wording', color: 'pink' }],
      },
    });
    const rewritten = flow({
      ...annotated,
      layout: {
        ...annotated.layout,
        notes: [{ ...annotated.layout.notes[0], text: 'Legal approved it' }],
      },
    });
    const noChange = { nodes: [], edges: { added: [], removed: [] }, other: [] };
    expect(diffFlows(published, annotated)).toEqual(noChange);
    expect(diffFlows(annotated, rewritten)).toEqual(noChange);
    expect(diffFlows(rewritten, published)).toEqual(noChange);
  });

  it('marks added, removed and changed nodes, with the changed fields', () => {
    const draft = flow({
      nodes: [
        { id: 'start', type: 'start' },
        { id: 'hello', type: 'message', label: 'Hello', data: { text: 'Welcome back' } },
        { id: 'tip', type: 'message', data: { text: 'A tip' } },
        { id: 'bye', type: 'end' },
      ],
      edges: [
        { id: 'e1', sourceNodeId: 'start', sourceOutput: 'next', targetNodeId: 'hello' },
        { id: 'e2', sourceNodeId: 'hello', sourceOutput: 'next', targetNodeId: 'tip' },
        { id: 'e4', sourceNodeId: 'tip', sourceOutput: 'next', targetNodeId: 'bye' },
      ],
    });
    const diff = diffFlows(published, draft);
    expect(diff.nodes).toEqual([
      {
        nodeId: 'hello',
        kind: 'changed',
        fields: [
          { field: 'data.text', before: 'Hi there', after: 'Welcome back' },
          { field: 'output next', before: 'old', after: 'tip' },
        ],
      },
      { nodeId: 'tip', kind: 'added', fields: [] },
      { nodeId: 'old', kind: 'removed', fields: [] },
    ]);
    expect(diff.edges.added.map((e) => e.id)).toEqual(['e2', 'e4']);
    expect(diff.edges.removed.map((e) => e.id)).toEqual(['e2', 'e3']);
  });

  it('reports changes to settings and training phrases apart from the nodes', () => {
    const tuned = flow({
      ...published,
      settings: { nluThreshold: 0.8 },
      nlu: { intents: [{ name: 'greet', phrases: ['hi'] }] },
    });
    expect(diffFlows(published, tuned).other).toEqual([
      { field: 'settings.nluThreshold', before: 0.6, after: 0.8 },
      { field: 'intent greet', before: undefined, after: { description: '', phrases: ['hi'] } },
    ]);
  });
});
