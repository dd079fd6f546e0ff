import type { FlowDocument, FlowEdge, FlowNode } from '@/bot-runtime/flow';
import { nodeRegistry } from '@/bot-runtime/flow';

/**
 * Every change the canvas makes to a flow, as pure functions from one document to the next,
 * so undo/redo is a stack of documents and each edit is tested without a browser.
 */

export interface Position {
  x: number;
  y: number;
}

/** Vertical room between a node and one added after it. */
const NEXT_NODE_GAP = 140;

export function addNode(
  flow: FlowDocument,
  type: string,
  position: Position,
): { flow: FlowDocument; nodeId: string } {
  const nodeType = nodeRegistry.get(type);
  if (!nodeType) throw new Error(`Unknown node type "${type}"`);
  const nodeId = freeNodeId(flow, type);
  const node: FlowNode = {
    id: nodeId,
    type,
    label: nodeType.label,
    data: structuredClone(nodeType.defaultData) as Record<string, unknown>,
  };
  return {
    nodeId,
    flow: {
      ...flow,
      nodes: [...flow.nodes, node],
      layout: {
        ...flow.layout,
        nodes: { ...flow.layout.nodes, [nodeId]: roundPosition(position) },
      },
    },
  };
}

/** Adds a node below `afterNodeId` and wires its first free output (or first output) to it. */
export function addNodeAfter(
  flow: FlowDocument,
  type: string,
  afterNodeId: string,
): { flow: FlowDocument; nodeId: string } {
  const anchor = flow.layout.nodes[afterNodeId] ?? { x: 0, y: 0 };
  const added = addNode(flow, type, { x: anchor.x, y: anchor.y + NEXT_NODE_GAP });
  const source = flow.nodes.find((node) => node.id === afterNodeId);
  const outputs = source ? nodeOutputs(source) : [];
  const taken = new Set(
    flow.edges.filter((e) => e.sourceNodeId === afterNodeId).map((e) => e.sourceOutput),
  );
  const output = outputs.find((o) => !taken.has(o.name)) ?? outputs[0];
  if (!output) return added;
  return {
    nodeId: added.nodeId,
    flow: connect(added.flow, {
      sourceNodeId: afterNodeId,
      sourceOutput: output.name,
      targetNodeId: added.nodeId,
    }),
  };
}

/**
 * Adds a node where a connection dragged from an output was dropped, and connects that output
 * to it: one edit, so one undo takes both away.
 */
export function addConnectedNode(
  flow: FlowDocument,
  type: string,
  position: Position,
  from: { nodeId: string; output: string },
): { flow: FlowDocument; nodeId: string } {
  const added = addNode(flow, type, position);
  return {
    nodeId: added.nodeId,
    flow: connect(added.flow, {
      sourceNodeId: from.nodeId,
      sourceOutput: from.output,
      targetNodeId: added.nodeId,
    }),
  };
}

/** An output leads to one next node, so connecting it again replaces its edge. */
export function connect(flow: FlowDocument, link: Omit<FlowEdge, 'id'>): FlowDocument {
  const kept = flow.edges.filter(
    (e) => !(e.sourceNodeId === link.sourceNodeId && e.sourceOutput === link.sourceOutput),
  );
  return { ...flow, edges: [...kept, { id: freeEdgeId(flow), ...link }] };
}

/** Removes nodes (with their edges and positions) and edges; the entry node stays. */
export function removeElements(
  flow: FlowDocument,
  nodeIds: readonly string[],
  edgeIds: readonly string[],
): FlowDocument {
  const removable = new Set(
    nodeIds.filter((id) => {
      const node = flow.nodes.find((n) => n.id === id);
      return node && !nodeRegistry.get(node.type)?.isEntry;
    }),
  );
  const removedEdges = new Set(edgeIds);
  if (removable.size === 0 && removedEdges.size === 0) return flow;
  const positions = { ...flow.layout.nodes };
  for (const id of removable) delete positions[id];
  return {
    ...flow,
    nodes: flow.nodes.filter((n) => !removable.has(n.id)),
    edges: flow.edges.filter(
      (e) =>
        !removedEdges.has(e.id) && !removable.has(e.sourceNodeId) && !removable.has(e.targetNodeId),
    ),
    layout: { ...flow.layout, nodes: positions },
  };
}

export function updateNode(
  flow: FlowDocument,
  nodeId: string,
  patch: Partial<Pick<FlowNode, 'label' | 'data'>>,
): FlowDocument {
  return {
    ...flow,
    nodes: flow.nodes.map((node) => (node.id === nodeId ? { ...node, ...patch } : node)),
  };
}

export function moveNodes(flow: FlowDocument, positions: Record<string, Position>): FlowDocument {
  const rounded = Object.fromEntries(
    Object.entries(positions).map(([id, position]) => [id, roundPosition(position)]),
  );
  return { ...flow, layout: { ...flow.layout, nodes: { ...flow.layout.nodes, ...rounded } } };
}

/** The named outputs of a node as its type declares them for its current data. */
export function nodeOutputs(node: FlowNode) {
  return nodeRegistry.get(node.type)?.outputs(node.data) ?? [];
}

export function freeNodeId(flow: FlowDocument, type: string): string {
  const ids = new Set(flow.nodes.map((n) => n.id));
  for (let n = 1; ; n++) {
    const id = `${type}${n}`;
    if (!ids.has(id)) return id;
  }
}

export function freeEdgeId(flow: FlowDocument): string {
  const ids = new Set(flow.edges.map((e) => e.id));
  for (let n = flow.edges.length + 1; ; n++) {
    const id = `edge${n}`;
    if (!ids.has(id)) return id;
  }
}

function roundPosition(position: Position): Position {
  return { x: Math.round(position.x), y: Math.round(position.y) };
}
