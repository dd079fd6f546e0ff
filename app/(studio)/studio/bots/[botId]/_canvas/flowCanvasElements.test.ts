import { describe, expect, it } from 'vitest';
import { type FlowDocument, type FlowIssue, loadFlow } from '@/bot-runtime/flow';
import { toOverlayMarks } from '../_analytics/overlayMarks';
import {
  type CanvasMarks,
  type DrawnElements,
  NOTHING_DRAWN,
  openingCanvasElements,
  toCanvasElements,
} from './flowCanvasElements';
import { moveNodes, updateNode } from './flowEdits';

function flow(): FlowDocument {
  const loaded = loadFlow({
    schemaVersion: 1,
    nodes: [
      { id: 'start', type: 'start' },
      { id: 'one', type: 'end' },
      { id: 'two', type: 'end' },
    ],
    edges: [{ id: 'edge1', sourceNodeId: 'start', sourceOutput: 'next', targetNodeId: 'one' }],
    layout: { nodes: { start: { x: 0, y: 0 }, one: { x: 0, y: 100 }, two: { x: 300, y: 100 } } },
  });
  if (!loaded.ok) throw new Error(JSON.stringify(loaded.error));
  return loaded.flow;
}

const marks = (overrides: Partial<CanvasMarks> = {}): CanvasMarks => ({
  selectedNodeIds: new Set(),
  selectedEdgeIds: new Set(),
  sizes: {},
  issuesByNode: new Map(),
  foundNodeIds: new Set(),
  nodeKinds: null,
  edgeKinds: null,
  preview: null,
  overlay: null,
  ...overrides,
});

/** Draws like the canvas does: each result is what React Flow was given next time. */
function canvas() {
  let drawn: DrawnElements = NOTHING_DRAWN;
  return (doc: FlowDocument, canvasMarks: CanvasMarks) => {
    const elements = toCanvasElements(doc, canvasMarks, drawn);
    drawn = elements.drawn;
    return {
      nodes: Object.fromEntries(elements.nodes.map((node) => [node.id, node])),
      edges: Object.fromEntries(elements.edges.map((edge) => [edge.id, edge])),
    };
  };
}

describe('canvas elements of a large flow', () => {
  it('redraws only the node that was selected, moved or edited', () => {
    const draw = canvas();
    const original = flow();
    const oneSelected = marks({ selectedNodeIds: new Set(['one']) });
    const before = draw(original, marks()).nodes;

    const selected = draw(original, oneSelected).nodes;
    expect(selected.one).not.toBe(before.one);
    expect(selected.one?.selected).toBe(true);
    expect(selected.start).toBe(before.start);
    expect(selected.two).toBe(before.two);

    const moved = moveNodes(original, { two: { x: 320, y: 100 } });
    const afterMove = draw(moved, oneSelected).nodes;
    expect(afterMove.two?.position).toEqual({ x: 320, y: 100 });
    expect(afterMove.one).toBe(selected.one);

    const afterEdit = draw(updateNode(moved, 'two', { label: 'Goodbye' }), oneSelected).nodes;
    expect(afterEdit.two?.data.label).toBe('Goodbye');
    expect(afterEdit.start).toBe(before.start);
  });

  it('gives a node built again the size it was measured at, so it is not hidden', () => {
    const draw = canvas();
    const doc = flow();
    const sizes = {};
    const unmeasured = draw(doc, marks({ sizes })).nodes;
    Object.assign(sizes, { one: { width: 200, height: 80 } });
    const selected = draw(doc, marks({ sizes, selectedNodeIds: new Set(['one']) })).nodes;
    expect(selected.one?.measured).toEqual({ width: 200, height: 80 });
    expect(selected.two).toBe(unmeasured.two);
  });

  it('gives a node never measured its predicted size and handles, and drops them once measured', () => {
    const doc = flow();
    const sizes = {};
    const draw = canvas();
    const start = draw(doc, marks({ sizes })).nodes.start;
    expect(start?.measured?.height).toBeGreaterThan(0);
    expect(start?.handles?.map((handle) => `${handle.type}:${handle.id}`)).toEqual(['source:next']);
    const end = draw(doc, marks({ sizes })).nodes.one;
    expect(end?.handles?.map((handle) => `${handle.type}:${handle.id}`)).toEqual(['target:in']);

    Object.assign(sizes, { one: { width: 230, height: 90 } });
    const measured = draw(doc, marks({ sizes, selectedNodeIds: new Set(['one']) })).nodes.one;
    expect(measured?.handles).toBeUndefined();
  });

  it('builds afresh what a discarded render built but React Flow never got', () => {
    const doc = flow();
    const sizes = {};
    const first = toCanvasElements(doc, marks({ sizes }), NOTHING_DRAWN);
    toCanvasElements(doc, marks({ sizes, selectedNodeIds: new Set(['one']) }), first.drawn);
    Object.assign(sizes, { one: { width: 200, height: 80 } });
    const redone = toCanvasElements(
      doc,
      marks({ sizes, selectedNodeIds: new Set(['one']) }),
      first.drawn,
    );
    expect(redone.nodes.find((node) => node.id === 'one')?.measured).toEqual({
      width: 200,
      height: 80,
    });
  });

  it('shows validation marks when they change, not when validation only runs again', () => {
    const draw = canvas();
    const doc = flow();
    const issue = (message: string): FlowIssue => ({
      code: 'x',
      severity: 'error',
      nodeId: 'two',
      message,
    });
    const first = draw(doc, marks({ issuesByNode: new Map([['two', [issue('Unreachable')]]]) }));
    const again = draw(doc, marks({ issuesByNode: new Map([['two', [issue('Unreachable')]]]) }));
    expect(again.nodes.two).toBe(first.nodes.two);
    expect(draw(doc, marks()).nodes.two?.data.issues).toEqual([]);
  });

  it('marks found, compared and previewed nodes and compared or selected edges', () => {
    const draw = canvas();
    const doc = flow();
    const { nodes, edges: plain } = draw(
      doc,
      marks({
        foundNodeIds: new Set(['one']),
        nodeKinds: new Map([['two', 'added']]),
        preview: {
          currentNodeId: 'one',
          visitedNodeIds: new Set(['start', 'one']),
          visitedEdgeIds: new Set(['edge1']),
        },
      }),
    );
    expect(nodes.one?.data.highlight).toBe('found');
    expect(nodes.two?.data.highlight).toBe('added');
    expect(nodes.start?.className).toBe('is-preview-visited');
    expect(nodes.one?.className).toBe('is-preview-current');
    expect(nodes.two?.className).toBeUndefined();
    expect(plain.edge1).toMatchObject({ selected: false, className: 'is-preview-visited' });
    expect(plain.edge1?.ariaLabel).toMatch(/taken in the preview$/);

    const { edges: marked } = draw(
      doc,
      marks({ selectedEdgeIds: new Set(['edge1']), edgeKinds: new Map([['edge1', 'added']]) }),
    );
    expect(marked.edge1).toMatchObject({ selected: true, className: 'edge-added' });
  });

  it('hands the opening elements back unchanged to the first render in the browser', () => {
    const doc = flow();
    const issue: FlowIssue = {
      code: 'x',
      severity: 'warning',
      nodeId: 'two',
      message: 'Unreachable',
    };
    const opening = openingCanvasElements(doc, new Map([['two', [issue]]]));
    expect(opening.nodes.find((node) => node.id === 'two')?.data.issues).toEqual([issue]);
    // The server fits the view from these before anything is measured.
    expect(opening.nodes[0]).toMatchObject({
      initialWidth: 200,
      initialHeight: expect.any(Number),
    });

    const firstRender = toCanvasElements(
      doc,
      marks({ issuesByNode: new Map([['two', [{ ...issue }]]]) }),
      opening.drawn,
    );
    firstRender.nodes.forEach((node, i) => {
      expect(node).toBe(opening.nodes[i]);
    });
    firstRender.edges.forEach((edge, i) => {
      expect(edge).toBe(opening.edges[i]);
    });
  });
});

describe('the analytics overlay on the canvas', () => {
  it('labels edges with their counts and colours reached nodes, once per answer', () => {
    const draw = canvas();
    const original = flow();
    const before = draw(original, marks());
    const overlay = toOverlayMarks({
      edges: [{ edgeId: 'edge1', conversations: 3 }],
      nodes: [
        {
          nodeId: 'one',
          conversations: 3,
          badShare: 1 / 3,
          outcomes: {
            contained: 2,
            escalated: 1,
            abandoned: 0,
            error: 0,
            noAgent: 0,
            inProgress: 0,
          },
        },
      ],
    });

    const on = draw(original, marks({ overlay }));
    expect(on.edges.edge1?.label).toBe('3');
    expect(on.edges.edge1?.ariaLabel).toContain('3 conversations in the range');
    expect(on.nodes.one?.className).toBe('overlay-heat-1');
    expect(on.nodes.one?.data.overlay?.text).toBe('3 conversations, 33% ended badly');
    expect(on.nodes.two?.className).toBe('overlay-heat-none');

    // A render for another reason (panning, selecting) hands back the same objects.
    const again = draw(original, marks({ overlay }));
    expect(again.edges.edge1).toBe(on.edges.edge1);
    expect(again.nodes.one).toBe(on.nodes.one);

    const off = draw(original, marks());
    expect(off.edges.edge1?.label).toBeUndefined();
    expect(off.nodes.one?.className).toBeUndefined();
    expect(off.nodes.one?.data.overlay).toBeNull();
    expect(before.nodes.one?.data.overlay).toBeNull();
  });
});
