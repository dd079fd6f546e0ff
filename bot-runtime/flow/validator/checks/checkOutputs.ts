import type { FlowAnalysis } from '../flowAnalysis';
import type { FlowIssue } from '../flowIssue';

/** Required outputs are connected; a node type may name its own code for one of them. */
export function checkOutputs(analysis: FlowAnalysis): FlowIssue[] {
  const connected = new Set(
    analysis.flow.edges.map((edge) => `${edge.sourceNodeId}\u0000${edge.sourceOutput}`),
  );
  const issues: FlowIssue[] = [];
  for (const analysed of analysis.nodes) {
    const outputs = analysed.nodeType?.outputs(analysed.data) ?? [];
    for (const output of outputs) {
      if (!output.required || connected.has(`${analysed.node.id}\u0000${output.name}`)) continue;
      issues.push({
        code: output.whenMissing?.code ?? 'OUTPUT_NOT_CONNECTED',
        severity: 'error',
        nodeId: analysed.node.id,
        message: output.whenMissing
          ? `${analysed.name}: ${output.whenMissing.message}`
          : `Connect the "${output.label}" output of ${analysed.name}; the conversation stops there otherwise.`,
      });
    }
  }
  return issues;
}
