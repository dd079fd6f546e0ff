import type { FlowAnalysis } from '../flowAnalysis';
import type { FlowIssue } from '../flowIssue';

/** Node ids are unique and there is exactly one start. */
export function checkNodes(analysis: FlowAnalysis): FlowIssue[] {
  const issues: FlowIssue[] = [];
  const seen = new Set<string>();
  for (const { node, name } of analysis.nodes) {
    if (seen.has(node.id)) {
      issues.push({
        code: 'DUPLICATE_NODE_ID',
        severity: 'error',
        nodeId: node.id,
        message: `Two nodes share the id "${node.id}"; rename ${name} so each id is unique.`,
      });
    }
    seen.add(node.id);
  }
  const starts = analysis.nodes.filter((analysed) => analysed.nodeType?.isEntry);
  if (starts.length === 0) {
    issues.push({
      code: 'NO_START',
      severity: 'error',
      message: 'Add a Start node: every conversation begins there.',
    });
  }
  for (const extra of starts.slice(1)) {
    issues.push({
      code: 'MULTIPLE_STARTS',
      severity: 'error',
      nodeId: extra.node.id,
      message: `The flow has ${starts.length} Start nodes; delete ${extra.name} so exactly one remains.`,
    });
  }
  return issues;
}
