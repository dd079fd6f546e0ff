import { describe, expect, it } from 'vitest';
import { type FlowDocument, loadFlow } from '@/bot-runtime/flow';
import { addConnectedNode, addNode, addNodeAfter, connect, removeElements } from './flowEdits';

function startOnly(): FlowDocument {
  const loaded = loadFlow({ schemaVersion: 1, nodes: [{ id: 'start', type: 'start' }] });
  if (!loaded.ok) throw new Error(loaded.error.message);
  return loaded.flow;
}

describe('flow edits', () => {
  it('adds a node after the selected one and wires its free output to it', () => {
    const { flow, nodeId } = addNodeAfter(startOnly(), 'message', 'start');
    expect(nodeId).toBe('message1');
    expect(flow.edges).toEqual([
      { id: 'edge1', sourceNodeId: 'start', sourceOutput: 'next', targetNodeId: 'message1' },
    ]);
    expect(flow.nodes.at(-1)).toMatchObject({ type: 'message', data: { text: 'Hello!' } });
  });

  it('creates a node where a connection was dropped and connects the output to it', () => {
    const { flow, nodeId } = addConnectedNode(
      startOnly(),
      'message',
      { x: 120.5, y: 300 },
      { nodeId: 'start', output: 'next' },
    );
    expect(nodeId).toBe('message1');
    expect(flow.layout.nodes.message1).toEqual({ x: 121, y: 300 });
    expect(flow.edges).toEqual([
      { id: 'edge1', sourceNodeId: 'start', sourceOutput: 'next', targetNodeId: 'message1' },
    ]);
  });

  it('replaces the edge of an output that is connected again', () => {
    const one = addNode(startOnly(), 'end', { x: 0, y: 100 });
    const two = addNode(one.flow, 'end', { x: 200, y: 100 });
    const first = connect(two.flow, {
      sourceNodeId: 'start',
      sourceOutput: 'next',
      targetNodeId: 'end1',
    });
    const second = connect(first, {
      sourceNodeId: 'start',
      sourceOutput: 'next',
      targetNodeId: 'end2',
    });
    expect(second.edges.map((e) => e.targetNodeId)).toEqual(['end2']);
  });

  it('deletes nodes with their edges and positions but keeps the start', () => {
    const { flow } = addNodeAfter(startOnly(), 'message', 'start');
    const after = removeElements(flow, ['start', 'message1'], []);
    expect(after.nodes.map((n) => n.id)).toEqual(['start']);
    expect(after.edges).toEqual([]);
    expect(Object.keys(after.layout.nodes)).toEqual([]);
  });
});
