import { describe, expect, it } from 'vitest';
import { type FlowDocument, loadFlow } from '@/bot-runtime/flow';
import { compareFlows } from './flowComparison';

function flow(nodes: string[], edges: [string, string, string][]): FlowDocument {
  const loaded = loadFlow({
    schemaVersion: 1,
    nodes: nodes.map((id) => ({ id, type: id === 'start' ? 'start' : 'end' })),
    edges: edges.map(([sourceNodeId, sourceOutput, targetNodeId], n) => ({
      id: `edge${n + 1}`,
      sourceNodeId,
      sourceOutput,
      targetNodeId,
    })),
    layout: { nodes: Object.fromEntries(nodes.map((id, n) => [id, { x: 0, y: n * 100 }])) },
  });
  if (!loaded.ok) throw new Error(JSON.stringify(loaded.error));
  return loaded.flow;
}

describe('drawing a comparison on the canvas', () => {
  it('keeps removed nodes and edges, where they were, and marks every part', () => {
    const v1 = flow(['start', 'old'], [['start', 'next', 'old']]);
    const draft = flow(['start', 'fresh'], [['start', 'next', 'fresh']]);
    const comparison = compareFlows(
      { label: 'Version 1', versionId: 'v1', flow: v1 },
      { label: 'Draft', flow: draft },
    );
    expect(comparison.flow.nodes.map((n) => n.id)).toEqual(['start', 'fresh', 'old']);
    expect(comparison.flow.layout.nodes.old).toEqual({ x: 0, y: 100 });
    expect(Object.fromEntries(comparison.nodeKinds)).toEqual({
      start: 'changed',
      fresh: 'added',
      old: 'removed',
    });
    // Both flows call their only edge "edge1": the removed one is drawn under another id.
    expect(Object.fromEntries(comparison.edgeKinds)).toEqual({
      edge1: 'added',
      'removed:edge1': 'removed',
    });
  });
});
