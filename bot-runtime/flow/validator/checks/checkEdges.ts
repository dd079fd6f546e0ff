import { type FlowAnalysis, outputNames } from '../flowAnalysis';
import type { FlowIssue } from '../flowIssue';

/** Every edge joins an existing output to an existing node, and each output has one edge. */
export function checkEdges(analysis: FlowAnalysis): FlowIssue[] {
  const issues: FlowIssue[] = [];
  const used = new Set<string>();
  for (const edge of analysis.flow.edges) {
    const source = analysis.byId.get(edge.sourceNodeId);
    const target = analysis.byId.get(edge.targetNodeId);
    const dangling = (message: string) =>
      issues.push({
        code: 'DANGLING_EDGE',
        severity: 'error',
        edgeId: edge.id,
        nodeId: source?.node.id,
        message,
      });
    if (!source) {
      dangling(
        `A connection starts from a node that no longer exists ("${edge.sourceNodeId}"); delete it.`,
      );
      continue;
    }
    if (!target) {
      dangling(
        `${source.name} connects "${edge.sourceOutput}" to a node that no longer exists; reconnect or delete it.`,
      );
      continue;
    }
    if (source.nodeType && !outputNames(source).includes(edge.sourceOutput)) {
      dangling(
        `${source.name} has no "${edge.sourceOutput}" output any more; delete this connection or reconnect it from an existing output.`,
      );
      continue;
    }
    const key = `${edge.sourceNodeId}\u0000${edge.sourceOutput}`;
    if (used.has(key)) {
      issues.push({
        code: 'DUPLICATE_EDGE',
        severity: 'error',
        edgeId: edge.id,
        nodeId: source.node.id,
        message: `${source.name} has more than one connection from "${edge.sourceOutput}"; keep one so the bot knows where to go.`,
      });
    }
    used.add(key);
  }
  return issues;
}
