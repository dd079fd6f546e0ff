import type { FlowIssue } from '@/bot-runtime/flow';

/** Findings by the node they are about, for the marks on the canvas and the inspector. */
export function groupByNode(issues: FlowIssue[]): Map<string, FlowIssue[]> {
  const byNode = new Map<string, FlowIssue[]>();
  for (const issue of issues) {
    if (!issue.nodeId) continue;
    byNode.set(issue.nodeId, [...(byNode.get(issue.nodeId) ?? []), issue]);
  }
  return byNode;
}
