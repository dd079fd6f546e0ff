import { fitsVariableType } from '../../variableValue';
import type { FlowAnalysis } from '../flowAnalysis';
import type { FlowIssue } from '../flowIssue';

/**
 * A default that does not fit its variable's declared type: conditions and the studio's
 * inputs go by the type, so a number variable starting as "5" would compare as text.
 */
export function checkVariableDefaults(analysis: FlowAnalysis): FlowIssue[] {
  return analysis.flow.settings.variables.flatMap((variable): FlowIssue[] => {
    if (variable.default === undefined || fitsVariableType(variable.default, variable.type)) {
      return [];
    }
    return [
      {
        code: 'VARIABLE_DEFAULT_TYPE',
        severity: 'error',
        setting: 'variables',
        message: `The default of {{${variable.name}}} is ${JSON.stringify(variable.default)}, which is not a ${variable.type}; change the default or the type.`,
      },
    ];
  });
}
