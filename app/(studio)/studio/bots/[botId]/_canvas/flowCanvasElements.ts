import { type Edge, MarkerType } from '@xyflow/react';
import {
  type FlowDocument,
  type FlowEdge,
  type FlowIssue,
  type FlowNode,
  nodeRegistry,
} from '@/bot-runtime/flow';
import {
  describeNodeMark,
  type OverlayMarks,
  type OverlayNodeMark,
} from '../_analytics/overlayMarks';
import type { PreviewPath } from '../_preview/previewPath';
import type { FlowCanvasNode, FlowNodeData } from './FlowNodeView';
import { nodeGeometry } from './nodeGeometry';

export type NodeSizes = Record<string, { width?: number; height?: number } | undefined>;

/** What the canvas marks on its nodes and edges besides the flow itself. */
export interface CanvasMarks {
  selectedNodeIds: ReadonlySet<string>;
  selectedEdgeIds: ReadonlySet<string>;
  /**
   * Measured sizes. A measurement alone rebuilds nothing (React Flow keeps the size it measured
   * for a node object it was given before); a node built anew carries its latest size, without
   * which React Flow would hide it until it measures again.
   */
  sizes: NodeSizes;
  issuesByNode: ReadonlyMap<string, FlowIssue[]>;
  foundNodeIds: ReadonlySet<string>;
  nodeKinds: ReadonlyMap<string, FlowNodeData['highlight']> | null;
  edgeKinds: ReadonlyMap<string, 'added' | 'removed'> | null;
  /** The way the preview conversation went, while the preview is open. */
  preview: PreviewPath | null;
  /** The analytics overlay's counts, while it is on. */
  overlay: OverlayMarks | null;
}

/**
 * The elements React Flow was last given, by id. It redraws a node or an edge only when its
 * object changes, so one that is drawn the same way is handed back as the same object:
 * selecting, measuring or editing one node of 300 then redraws that node, not all of them.
 */
export interface DrawnElements {
  nodes: ReadonlyMap<string, { inputs: NodeInputs; node: FlowCanvasNode }>;
  edges: ReadonlyMap<string, { inputs: EdgeInputs; edge: Edge }>;
}

export const NOTHING_DRAWN: DrawnElements = { nodes: new Map(), edges: new Map() };

export interface CanvasElements {
  nodes: FlowCanvasNode[];
  edges: Edge[];
  /** What to pass as `drawn` next time, once React Flow has been given these. */
  drawn: DrawnElements;
}

export function toCanvasElements(
  flow: FlowDocument,
  marks: CanvasMarks,
  drawn: DrawnElements,
): CanvasElements {
  const nodes = toCanvasNodes(flow, marks, drawn.nodes);
  const edges = toCanvasEdges(flow, marks, drawn.edges);
  return {
    nodes: nodes.elements,
    edges: edges.elements,
    drawn: { nodes: nodes.drawn, edges: edges.drawn },
  };
}

const NOTHING: ReadonlySet<string> = new Set();

/**
 * What the canvas draws when the editor opens: the flow with its problems marked and nothing
 * selected. The server renders these into the page; the canvas's first render in the browser is
 * handed them as already drawn, so it finds the same objects and hydrating redraws nothing.
 */
export function openingCanvasElements(
  flow: FlowDocument,
  issuesByNode: ReadonlyMap<string, FlowIssue[]>,
): CanvasElements {
  return toCanvasElements(
    flow,
    {
      selectedNodeIds: NOTHING,
      selectedEdgeIds: NOTHING,
      sizes: {},
      issuesByNode,
      foundNodeIds: NOTHING,
      nodeKinds: null,
      edgeKinds: null,
      preview: null,
      overlay: null,
    },
    NOTHING_DRAWN,
  );
}

interface NodeInputs {
  node: FlowNode;
  x: number;
  y: number;
  selected: boolean;
  preview: PreviewMark;
  issues: FlowIssue[];
  highlight: FlowNodeData['highlight'];
  /** Undefined while the overlay is off; null when it is on and no conversation reached it. */
  overlay: OverlayNodeMark | null | undefined;
}

interface EdgeInputs {
  edge: FlowEdge;
  selected: boolean;
  kind: 'added' | 'removed' | undefined;
  /** Followed by the preview conversation. */
  visited: boolean;
  /** Conversations along it, while the overlay is on. */
  count: number | undefined;
}

/** Where a node stands in the preview conversation: where it waits, or passed through. */
type PreviewMark = 'current' | 'visited' | null;

function previewMarkOf(nodeId: string, preview: PreviewPath | null): PreviewMark {
  if (!preview) return null;
  if (preview.currentNodeId === nodeId) return 'current';
  return preview.visitedNodeIds.has(nodeId) ? 'visited' : null;
}

const NO_ISSUES: FlowIssue[] = [];
/** One marker object for every edge, so React Flow defines the arrow once. */
const ARROW = { type: MarkerType.ArrowClosed };

function toCanvasNodes(flow: FlowDocument, marks: CanvasMarks, drawn: DrawnElements['nodes']) {
  const next = new Map<string, { inputs: NodeInputs; node: FlowCanvasNode }>();
  const elements = flow.nodes.map((node, index) => {
    const position = flow.layout.nodes[node.id] ?? { x: 40 * index, y: 40 * index };
    const inputs: NodeInputs = {
      node,
      x: position.x,
      y: position.y,
      selected: marks.selectedNodeIds.has(node.id),
      preview: previewMarkOf(node.id, marks.preview),
      issues: marks.issuesByNode.get(node.id) ?? NO_ISSUES,
      highlight:
        marks.nodeKinds?.get(node.id) ?? (marks.foundNodeIds.has(node.id) ? 'found' : null),
      overlay: marks.overlay ? (marks.overlay.nodes.get(node.id) ?? null) : undefined,
    };
    const cached = drawn.get(node.id);
    const entry =
      cached && sameNodeInputs(cached.inputs, inputs)
        ? cached
        : { inputs, node: buildNode(inputs, marks.sizes[node.id], cached) };
    next.set(node.id, entry);
    return entry.node;
  });
  return { elements, drawn: next };
}

function buildNode(
  inputs: NodeInputs,
  size: NodeSizes[string],
  cached: { inputs: NodeInputs; node: FlowCanvasNode } | undefined,
): FlowCanvasNode {
  const { node } = inputs;
  const nodeType = nodeRegistry.get(node.type);
  const dataUnchanged =
    cached &&
    cached.inputs.node === node &&
    sameIssues(cached.inputs.issues, inputs.issues) &&
    cached.inputs.highlight === inputs.highlight &&
    cached.inputs.overlay === inputs.overlay;
  const data: FlowNodeData = dataUnchanged
    ? cached.node.data
    : {
        label: node.label,
        typeLabel: nodeType?.label ?? node.type,
        icon: nodeType?.icon ?? '●',
        summary: nodeType?.summary(node.data) ?? '',
        outputs: nodeType?.outputs(node.data) ?? [],
        isEntry: Boolean(nodeType?.isEntry),
        issues: inputs.issues,
        highlight: inputs.highlight,
        overlay:
          inputs.overlay === undefined
            ? null
            : {
                text: describeNodeMark(inputs.overlay ?? undefined),
                heat: inputs.overlay?.heat ?? null,
              },
      };
  const geometry = nodeGeometry(
    data.outputs.map((output) => output.name),
    !data.isEntry,
  );
  return {
    id: node.id,
    type: 'flowNode',
    position: { x: inputs.x, y: inputs.y },
    selected: inputs.selected,
    style: { width: geometry.width },
    // Until React Flow has measured the node itself, the predicted size and handles let it draw
    // the node and its edges straight away; once measured, its own figures win.
    measured: size ?? { width: geometry.width, height: geometry.height },
    // What fitting the view reads where nothing is measured: in the server's render.
    initialWidth: geometry.width,
    initialHeight: geometry.height,
    handles: size ? undefined : geometry.handles,
    deletable: !nodeType?.isEntry,
    className: nodeClasses(inputs),
    data,
  };
}

function sameNodeInputs(a: NodeInputs, b: NodeInputs): boolean {
  return (
    a.node === b.node &&
    a.x === b.x &&
    a.y === b.y &&
    a.selected === b.selected &&
    a.preview === b.preview &&
    a.highlight === b.highlight &&
    a.overlay === b.overlay &&
    sameIssues(a.issues, b.issues)
  );
}

function nodeClasses({ preview, overlay }: NodeInputs): string | undefined {
  const classes = [
    preview && `is-preview-${preview}`,
    overlay !== undefined && `overlay-heat-${overlay?.heat ?? 'none'}`,
  ].filter(Boolean);
  return classes.length > 0 ? classes.join(' ') : undefined;
}

/** Validation runs on every edit and returns fresh issue objects; their content is what shows. */
function sameIssues(a: FlowIssue[], b: FlowIssue[]): boolean {
  return (
    a === b ||
    (a.length === b.length &&
      a.every((issue, i) => issue.severity === b[i]?.severity && issue.message === b[i]?.message))
  );
}

function toCanvasEdges(flow: FlowDocument, marks: CanvasMarks, drawn: DrawnElements['edges']) {
  const next = new Map<string, { inputs: EdgeInputs; edge: Edge }>();
  const elements = flow.edges.map((edge) => {
    const inputs: EdgeInputs = {
      edge,
      selected: marks.selectedEdgeIds.has(edge.id),
      kind: marks.edgeKinds?.get(edge.id),
      visited: marks.preview?.visitedEdgeIds.has(edge.id) ?? false,
      count: marks.overlay ? (marks.overlay.edgeCounts.get(edge.id) ?? 0) : undefined,
    };
    const cached = drawn.get(edge.id);
    const entry =
      cached &&
      cached.inputs.edge === edge &&
      cached.inputs.selected === inputs.selected &&
      cached.inputs.kind === inputs.kind &&
      cached.inputs.visited === inputs.visited &&
      cached.inputs.count === inputs.count
        ? cached
        : { inputs, edge: buildEdge(inputs) };
    next.set(edge.id, entry);
    return entry.edge;
  });
  return { elements, drawn: next };
}

function buildEdge({ edge, selected, kind, visited, count }: EdgeInputs): Edge {
  const classes = [
    kind && `edge-${kind}`,
    visited && 'is-preview-visited',
    count !== undefined && (count > 0 ? 'overlay-taken' : 'overlay-untaken'),
  ].filter(Boolean);
  const counted =
    count === undefined ? '' : `, ${count} conversation${count === 1 ? '' : 's'} in the range`;
  return {
    id: edge.id,
    className: classes.length > 0 ? classes.join(' ') : undefined,
    source: edge.sourceNodeId,
    sourceHandle: edge.sourceOutput,
    target: edge.targetNodeId,
    targetHandle: 'in',
    selected,
    markerEnd: ARROW,
    ...(count === undefined
      ? {}
      : {
          label: String(count),
          labelShowBg: true,
          labelBgPadding: [4, 2],
          labelBgBorderRadius: 4,
        }),
    ariaLabel: `Edge from ${edge.sourceNodeId} (${edge.sourceOutput}) to ${edge.targetNodeId}${visited ? ', taken in the preview' : ''}${counted}`,
  };
}
