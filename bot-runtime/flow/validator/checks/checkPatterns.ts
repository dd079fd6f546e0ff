import { patternOptionsOf, patternProblem } from '../../../patterns/safeRegex';
import type { FlowAnalysis } from '../flowAnalysis';
import type { FlowIssue } from '../flowIssue';

/**
 * The patterns nodes and regex entities match against can run on the linear-time engine; one
 * it refuses (lookaround, backreferences, too large) would silently never match.
 */
export function checkPatterns(analysis: FlowAnalysis): FlowIssue[] {
  const issues: FlowIssue[] = [];
  for (const { node, name, references } of analysis.nodes) {
    for (const use of references.patterns) {
      if (use.pattern === '') {
        issues.push({
          code: 'INVALID_PATTERN',
          severity: 'error',
          nodeId: node.id,
          message: `${name} matches ${use.subject} against an empty pattern; write the pattern it must match.`,
        });
        continue;
      }
      const problem = patternProblem(use.pattern, { ignoreCase: use.ignoreCase });
      if (!problem) continue;
      issues.push({
        code: 'INVALID_PATTERN',
        severity: 'error',
        nodeId: node.id,
        message: `${name} matches ${use.subject} against "${shown(use.pattern)}", which cannot be used: ${problem}. As it is, it never matches.`,
      });
    }
  }
  for (const entity of analysis.flow.nlu.entities) {
    if (entity.kind !== 'regex') continue;
    const problem = patternProblem(entity.pattern, patternOptionsOf(entity.flags));
    if (!problem) continue;
    issues.push({
      code: 'INVALID_PATTERN',
      severity: 'error',
      message: `The entity "${entity.name}" has the pattern "${shown(entity.pattern)}", which cannot be used: ${problem}. As it is, it never matches; change it under Entities.`,
    });
  }
  return issues;
}

function shown(pattern: string): string {
  return pattern.length > 60 ? `${pattern.slice(0, 59)}…` : pattern;
}
