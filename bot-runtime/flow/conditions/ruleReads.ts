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
