import {
  diffFlows,
  edgeKey,
  type FlowDiff,
  type FlowDocument,
  type NodeChangeKind,
} from '@/bot-runtime/flow';

/** What the canvas draws while comparing: both flows in one, each part marked. */
export interface FlowComparison {
  beforeLabel: string;
  afterLabel: string;
  /** Set when a version is compared with the draft, so that version can be restored. */
  beforeVersionId: string | null;
  diff: FlowDiff;
  /** `after`, plus the nodes and edges it no longer has, so removals can be drawn ghosted. */
  flow: FlowDocument;
  nodeKinds: ReadonlyMap<string, NodeChangeKind>;
  edgeKinds: ReadonlyMap<string, 'added' | 'removed'>;
}

export function compareFlows(
  before: { label: string; versionId: string | null; flow: FlowDocument },
  after: { label: string; flow: FlowDocument },
): FlowComparison {
  const diff = diffFlows(before.flow, after.flow);
  const removedNodeIds = new Set(
    diff.nodes.filter((n) => n.kind === 'removed').map((n) => n.nodeId),
  );
  const takenEdgeIds = new Set(after.flow.edges.map((edge) => edge.id));
  const removedEdges = diff.edges.removed.map((edge) => ({
    ...edge,
    id: takenEdgeIds.has(edge.id) ? `removed:${edge.id}` : edge.id,
  }));
  const addedKeys = new Set(diff.edges.added.map(edgeKey));
  const edgeKinds = new Map<string, 'added' | 'removed'>();
  for (const edge of after.flow.edges) {
    if (addedKeys.has(edgeKey(edge))) edgeKinds.set(edge.id, 'added');
  }
  for (const edge of removedEdges) edgeKinds.set(edge.id, 'removed');

  return {
    beforeLabel: before.label,
    afterLabel: after.label,
    beforeVersionId: before.versionId,
    diff,
    nodeKinds: new Map(diff.nodes.map((n) => [n.nodeId, n.kind])),
    edgeKinds,
    flow: {
      ...after.flow,
      nodes: [
        ...after.flow.nodes,
        ...before.flow.nodes.filter((node) => removedNodeIds.has(node.id)),
      ],
      edges: [...after.flow.edges, ...removedEdges],
      layout: {
        ...after.flow.layout,
        nodes: { ...before.flow.layout.nodes, ...after.flow.layout.nodes },
      },
    },
  };
}
