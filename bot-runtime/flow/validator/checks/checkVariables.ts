import { csatVariables } from '../../nodes/end/endData';
import { type FlowAnalysis, reachableFrom } from '../flowAnalysis';
import type { FlowIssue } from '../flowIssue';

/**
 * Warns about a variable a node reads when no path from the start to that node sets it
 * (a default counts as set). "May be set" is computed by propagating writes along the paths.
 */
export function checkVariables(analysis: FlowAnalysis): FlowIssue[] {
  const starts = analysis.nodes.filter((n) => n.nodeType?.isEntry).map((n) => n.node.id);
  if (starts.length === 0) return [];
  const reachable = reachableFrom(analysis, starts);
  const initiallySet = analysis.flow.settings.variables
    .filter((variable) => variable.default !== undefined)
    .map((variable) => variable.name);
  const setOnArrival = new Map<string, Set<string>>(
    [...reachable].map((id) => [id, new Set<string>()]),
  );
  for (const id of starts) setOnArrival.set(id, new Set(initiallySet));

  // A node is looked at again only when what may be set on arrival grew: sweeping every node
  // until nothing changed took as many sweeps as the longest path, quadratic on a long flow.
  const pending = new Set(reachable);
  for (const id of pending) {
    pending.delete(id);
    const leaving = [
      ...(setOnArrival.get(id) ?? []),
      ...(analysis.byId.get(id)?.references.writes ?? []),
    ];
    for (const next of analysis.successors.get(id) ?? []) {
      const arriving = setOnArrival.get(next);
      if (!arriving) continue;
      const before = arriving.size;
      for (const name of leaving) arriving.add(name);
      if (arriving.size > before) pending.add(next);
    }
  }

  const issues: FlowIssue[] = [];
  for (const id of reachable) {
    const analysed = analysis.byId.get(id);
    if (!analysed) continue;
    const set = setOnArrival.get(id) ?? new Set();
    const unset = new Set(analysed.references.reads.filter((name) => !set.has(name)));
    for (const name of unset) {
      if (name === csatVariables.rating || name === csatVariables.comment) continue;
      issues.push({
        code: 'VARIABLE_READ_BEFORE_SET',
        severity: 'warning',
        nodeId: id,
        message: `${analysed.name} uses {{${name}}}, but no path from the start sets it first; set it earlier, give it a default, or check it with "is set".`,
      });
    }
  }
  return issues;
}
