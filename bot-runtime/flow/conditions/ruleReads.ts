import type { PatternUse } from '../nodes/nodeType';
import { templateVariables } from '../template/templateVariables';
import type { ConditionRule } from './conditionSchema';

/**
 * The variables a rule needs a value for. Asking whether a variable is set is not a read: that
 * is how a flow checks for a value that may be missing.
 */
export function ruleReads(rule: ConditionRule): string[] {
  if (rule.operator === 'isSet' || rule.operator === 'isNotSet') return [];
  return [rule.variable.split('.')[0] ?? rule.variable, ...templateVariables(rule.value)];
}

/**
 * The pattern a `matches` rule is written with, for the validator to check. A pattern filled
 * from a variable is only known when the rule runs.
 */
export function rulePatterns(rule: ConditionRule): PatternUse[] {
  if (rule.operator !== 'matches' || templateVariables(rule.value).length > 0) return [];
  return [{ pattern: rule.value, ignoreCase: true, subject: rule.variable }];
}
