import { type FlowAnalysis, leadingTo, reachableFrom } from '../flowAnalysis';
import type { FlowIssue } from '../flowIssue';

/** Every node can be reached from the start, and from every node a path leads out of the bot. */
export function checkPaths(analysis: FlowAnalysis): FlowIssue[] {
  const starts = analysis.nodes.filter((n) => n.nodeType?.isEntry).map((n) => n.node.id);
  const reachable = reachableFrom(analysis, starts);
  const issues: FlowIssue[] = [];
  if (starts.length > 0) {
    for (const { node, name } of analysis.nodes.filter((n) => !reachable.has(n.node.id))) {
      issues.push({
        code: 'UNREACHABLE_NODE',
        severity: 'warning',
        nodeId: node.id,
        message: `No path from the start reaches ${name}; connect it or delete it.`,
      });
    }
  }
  // Searched backwards from the exits, once: a search forward from every node took a 300-node
  // flow's check from milliseconds to tens of them, and the studio checks on every edit.
  const exits = analysis.nodes.filter((n) => n.nodeType?.isExit).map((n) => n.node.id);
  const leadOut = leadingTo(analysis, exits);
  for (const analysed of analysis.nodes) {
    if (!analysed.nodeType || leadOut.has(analysed.node.id)) continue;
    issues.push({
      code: 'NO_WAY_OUT',
      severity: 'warning',
      nodeId: analysed.node.id,
      message: `From ${analysed.name} no path leads to an End or a hand-off to a human; the customer could be stuck. Add a way out.`,
    });
  }
  return issues;
}
