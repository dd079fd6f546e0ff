import { evaluateCondition } from '../../conditions/evaluateCondition';
import { rulePatterns, ruleReads } from '../../conditions/ruleReads';
import { renderValue } from '../../template/renderValue';
import { templateVariables } from '../../template/templateVariables';
import { defineNodeType } from '../nodeType';
import { type Assignment, setDataSchema } from './setData';

export const setNode = defineNodeType({
  type: 'set',
  label: 'Set variable',
  description: 'Give variables a value from a template, a rule or a constant.',
  icon: 'x',
  category: 'logic',
  dataSchema: setDataSchema,
  defaultData: { assignments: [{ variable: 'topic', from: 'value', value: '' }] },
  outputs: () => [{ name: 'next', label: 'Next', required: true }],
  summary: (data) => data.assignments.map((a) => `${a.variable} ←`).join(', '),
  inspector: [
    { field: 'assignments', label: 'Assignments', widget: 'custom', custom: 'assignments' },
  ],
  editor: () => import('./editor/setEditor').then((module) => module.setEditor),
  references: (data) => ({
    reads: data.assignments.flatMap(readsOf),
    writes: data.assignments.map((assignment) => assignment.variable),
    patterns: data.assignments.flatMap((assignment) =>
      assignment.from === 'rule' ? assignment.rule.rules.flatMap(rulePatterns) : [],
    ),
  }),
  run: ({ node, variables, setVariable, explain }) => {
    for (const assignment of node.data.assignments) {
      const value = assignedValue(assignment, variables);
      setVariable(assignment.variable, value);
      explain({ kind: 'variable', name: assignment.variable, value });
    }
    return { type: 'next', output: 'next' };
  },
});

function assignedValue(assignment: Assignment, variables: Parameters<typeof renderValue>[1]) {
  if (assignment.from === 'template') return renderValue(assignment.template, variables);
  if (assignment.from === 'rule') return evaluateCondition(assignment.rule, variables).passed;
  return assignment.value;
}

function readsOf(assignment: Assignment): string[] {
  if (assignment.from === 'template') return templateVariables(assignment.template);
  if (assignment.from === 'rule') {
    return assignment.rule.rules.flatMap(ruleReads);
  }
  return [];
}
