import type { FlowDocument } from './flowDocument';
import type { FlowEdge } from './flowEdge';
import type { FlowNode } from './flowNode';

export type NodeChangeKind = 'added' | 'removed' | 'changed';

/** One field that differs, named by its path: `label`, `data.text`, `output next`... */
export interface FieldChange {
  field: string;
  before: unknown;
  after: unknown;
}

export interface NodeDiff {
  nodeId: string;
  kind: NodeChangeKind;
  /** For a changed node, what changed; where each output leads counts as part of the node. */
  fields: FieldChange[];
}

export interface FlowDiff {
  /** Only nodes that differ: those of `after` in its order, then the removed ones. */
  nodes: NodeDiff[];
  edges: { added: FlowEdge[]; removed: FlowEdge[] };
  /** Changes outside the nodes: name, settings, intents and entities. */
  other: FieldChange[];
}

/**
 * What changed in a flow's logic from `before` to `after`, as the compare view draws it.
 * Positions and sticky notes are left out on purpose: moving a box changes no behaviour.
 * Edges are matched by what they connect, not by id, so re-drawing the same link is no change.
 */
export function diffFlows(before: FlowDocument, after: FlowDocument): FlowDiff {
  const beforeNodes = new Map(before.nodes.map((node) => [node.id, node]));
  const afterIds = new Set(after.nodes.map((node) => node.id));
  const nodes: NodeDiff[] = [];
  for (const node of after.nodes) {
    const previous = beforeNodes.get(node.id);
    if (!previous) {
      nodes.push({ nodeId: node.id, kind: 'added', fields: [] });
      continue;
    }
    const fields = changedFields(nodeFields(before, previous), nodeFields(after, node));
    if (fields.length > 0) nodes.push({ nodeId: node.id, kind: 'changed', fields });
  }
  for (const node of before.nodes) {
    if (!afterIds.has(node.id)) nodes.push({ nodeId: node.id, kind: 'removed', fields: [] });
  }

  const beforeEdges = new Set(before.edges.map(edgeKey));
  const afterEdges = new Set(after.edges.map(edgeKey));
  return {
    nodes,
    edges: {
      added: after.edges.filter((edge) => !beforeEdges.has(edgeKey(edge))),
      removed: before.edges.filter((edge) => !afterEdges.has(edgeKey(edge))),
    },
    other: changedFields(documentFields(before), documentFields(after)),
  };
}

/** Identifies an edge by what it connects. */
export function edgeKey(edge: Pick<FlowEdge, 'sourceNodeId' | 'sourceOutput' | 'targetNodeId'>) {
  return `${edge.sourceNodeId}\u0000${edge.sourceOutput}\u0000${edge.targetNodeId}`;
}

function nodeFields(flow: FlowDocument, node: FlowNode): Map<string, unknown> {
  const fields = new Map<string, unknown>([
    ['type', node.type],
    ['label', node.label],
  ]);
  flatten(node.data, 'data', fields);
  for (const edge of flow.edges) {
    if (edge.sourceNodeId === node.id) fields.set(`output ${edge.sourceOutput}`, edge.targetNodeId);
  }
  return fields;
}

function documentFields(flow: FlowDocument): Map<string, unknown> {
  const fields = new Map<string, unknown>([
    ['name', flow.name],
    ['description', flow.description],
    ['nlu.language', flow.nlu.language],
  ]);
  flatten(flow.settings, 'settings', fields);
  for (const intent of flow.nlu.intents) {
    fields.set(`intent ${intent.name}`, {
      description: intent.description,
      phrases: intent.phrases,
    });
  }
  for (const entity of flow.nlu.entities) fields.set(`entity ${entity.name}`, entity);
  return fields;
}

/** Objects are walked field by field; arrays and values are compared whole. */
function flatten(value: unknown, path: string, into: Map<string, unknown>) {
  if (value !== null && typeof value === 'object' && !Array.isArray(value)) {
    const entries = Object.entries(value);
    if (entries.length === 0) into.set(path, value);
    for (const [key, child] of entries) flatten(child, `${path}.${key}`, into);
    return;
  }
  into.set(path, value);
}

function changedFields(before: Map<string, unknown>, after: Map<string, unknown>): FieldChange[] {
  const changes: FieldChange[] = [];
  for (const [field, value] of after) {
    if (!sameValue(before.get(field), value)) {
      changes.push({ field, before: before.get(field), after: value });
    }
  }
  for (const [field, value] of before) {
    if (!after.has(field)) changes.push({ field, before: value, after: undefined });
  }
  return changes;
}

function sameValue(a: unknown, b: unknown): boolean {
  if (Object.is(a, b)) return true;
  if (a === null || b === null || typeof a !== 'object' || typeof b !== 'object') return false;
  if (Array.isArray(a) !== Array.isArray(b)) return false;
  const aKeys = Object.keys(a);
  const bKeys = Object.keys(b);
  if (aKeys.length !== bKeys.length) return false;
  return aKeys.every(
    (key) =>
      Object.hasOwn(b, key) &&
      sameValue((a as Record<string, unknown>)[key], (b as Record<string, unknown>)[key]),
  );
}
