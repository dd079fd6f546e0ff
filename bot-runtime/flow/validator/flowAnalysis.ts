import type { FlowDocument } from '../flowDocument';
import type { FlowNode } from '../flowNode';
import type { NodeRegistry } from '../nodes/createNodeRegistry';
import type { NodeReferences, NodeType } from '../nodes/nodeType';

/** What every check needs, computed once: node types, references and who leads where. */
export interface FlowAnalysis {
  flow: FlowDocument;
  nodes: AnalysedNode[];
  byId: Map<string, AnalysedNode>;
  /** nodeId → nodes the conversation can go to next (edges, jumps, global intents, fallback). */
  successors: Map<string, Set<string>>;
  knownActions: Set<string>;
}

export interface AnalysedNode {
  node: FlowNode;
  /** Undefined when the registry does not know the type. */
  nodeType: NodeType | undefined;
  data: unknown;
  references: Required<NodeReferences>;
  /** How the node is named in messages. */
  name: string;
}

export function analyseFlow(
  flow: FlowDocument,
  registry: NodeRegistry,
  knownActions: string[],
): FlowAnalysis {
  const nodes = flow.nodes.map((node) => analyseNode(node, registry));
  const byId = new Map(nodes.map((analysed) => [analysed.node.id, analysed]));
  const successors = new Map<string, Set<string>>(nodes.map((n) => [n.node.id, new Set()]));
  const link = (from: string, to: string | null) => {
    if (to && byId.has(to)) successors.get(from)?.add(to);
  };
  for (const edge of flow.edges) link(edge.sourceNodeId, edge.targetNodeId);
  for (const analysed of nodes) {
    for (const target of analysed.references.nodes) link(analysed.node.id, target);
    if (analysed.nodeType?.interruptible) {
      for (const global of flow.settings.globalIntents) link(analysed.node.id, global.targetNodeId);
    }
    const waits = analysed.nodeType?.interruptible || outputNames(analysed).includes('fallback');
    const { offerHumanAfterTurns, offerHumanNodeId } = flow.settings.fallback;
    if (outputNames(analysed).includes('fallback') || (waits && offerHumanAfterTurns !== null)) {
      link(analysed.node.id, offerHumanNodeId);
    }
  }
  return { flow, nodes, byId, successors, knownActions: new Set(knownActions) };
}

export function outputNames(analysed: AnalysedNode): string[] {
  return analysed.nodeType?.outputs(analysed.data).map((output) => output.name) ?? [];
}

/** Every node reachable from the given ones, themselves included. */
export function reachableFrom(analysis: FlowAnalysis, startIds: string[]): Set<string> {
  const seen = new Set<string>();
  const queue = [...startIds];
  for (let id = queue.pop(); id !== undefined; id = queue.pop()) {
    if (seen.has(id)) continue;
    seen.add(id);
    queue.push(...(analysis.successors.get(id) ?? []));
  }
  return seen;
}

/** Every node from which some path reaches one of the given ones, themselves included. */
export function leadingTo(analysis: FlowAnalysis, targetIds: Iterable<string>): Set<string> {
  const predecessors = new Map<string, string[]>();
  for (const [from, successors] of analysis.successors) {
    for (const to of successors) {
      const known = predecessors.get(to);
      if (known) known.push(from);
      else predecessors.set(to, [from]);
    }
  }
  const seen = new Set<string>();
  const queue = [...targetIds];
  for (let id = queue.pop(); id !== undefined; id = queue.pop()) {
    if (seen.has(id)) continue;
    seen.add(id);
    queue.push(...(predecessors.get(id) ?? []));
  }
  return seen;
}

function analyseNode(node: FlowNode, registry: NodeRegistry): AnalysedNode {
  const nodeType = registry.get(node.type);
  const parsed = nodeType?.dataSchema.safeParse(node.data);
  const data = parsed?.success ? parsed.data : undefined;
  const references = nodeType && parsed?.success ? nodeType.references(data) : {};
  return {
    node,
    nodeType: parsed?.success ? nodeType : undefined,
    data,
    references: {
      intents: references.intents ?? [],
      entities: references.entities ?? [],
      actions: references.actions ?? [],
      nodes: references.nodes ?? [],
      reads: references.reads ?? [],
      writes: references.writes ?? [],
      patterns: references.patterns ?? [],
    },
    name: `"${node.label || node.id}"`,
  };
}
