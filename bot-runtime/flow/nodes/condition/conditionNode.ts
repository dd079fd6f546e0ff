import { conditionSchema } from '../../conditions/conditionSchema';
import { evaluateCondition } from '../../conditions/evaluateCondition';
import { rulePatterns, ruleReads } from '../../conditions/ruleReads';
import { defineNodeType } from '../nodeType';

const operatorWords: Record<string, string> = {
  equals: '=',
  notEquals: '≠',
  contains: 'contains',
  greater: '>',
  less: '<',
  matches: 'matches',
  isSet: 'is set',
  isNotSet: 'is not set',
};

export const conditionNode = defineNodeType({
  type: 'condition',
  label: 'Condition',
  description: 'Branch on variables: equals, contains, greater, less, matches, is set.',
  icon: '⑂',
  category: 'logic',
  dataSchema: conditionSchema,
  defaultData: conditionSchema.parse({
    rules: [{ variable: 'orderNumber', operator: 'isSet' }],
  }),
  outputs: () => [
    { name: 'true', label: 'Yes', required: true },
    { name: 'false', label: 'No', required: true },
  ],
  summary: (data) =>
    data.rules
      .map((rule) => `${rule.variable} ${operatorWords[rule.operator]} ${rule.value}`.trim())
      .join(data.match === 'all' ? ' and ' : ' or '),
  inspector: [
    {
      field: 'match',
      label: 'Combine rules with',
      widget: 'select',
      choices: [
        { label: 'and (all rules)', value: 'all' },
        { label: 'or (any rule)', value: 'any' },
      ],
    },
    { field: 'rules', label: 'Rules', widget: 'custom', custom: 'conditionRules' },
  ],
  editor: () => import('./editor/conditionEditor').then((module) => module.conditionEditor),
  references: (data) => ({
    reads: data.rules.flatMap(ruleReads),
    patterns: data.rules.flatMap(rulePatterns),
  }),
  run: ({ node, variables, explain }) => {
    const result = evaluateCondition(node.data, variables);
    explain({ kind: 'rules', ...result });
    return { type: 'next', output: result.passed ? 'true' : 'false' };
  },
});
