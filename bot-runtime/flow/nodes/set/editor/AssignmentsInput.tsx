'use client';

import { ConditionRulesInput } from '../../../conditions/editor/ConditionRulesInput';
import type { FieldWidgetProps, NodeWidgetProps } from '../../editor/editorKit';
import { removeRow, rowsOf } from '../../editor/rowEdits';
import type { Assignment } from '../setData';
import { changeAssignmentSource, formatConstant, parseConstant } from './assignmentEdits';

const sources: { value: Assignment['from']; label: string }[] = [
  { value: 'value', label: 'a value' },
  { value: 'template', label: 'a template' },
  { value: 'rule', label: 'a rule (true or false)' },
];

/** One group per assignment: the variable, where its value comes from, and that value. */
export function AssignmentsInput({
  id,
  labelId,
  value,
  settings,
  variables,
  kit,
  onChange,
}: FieldWidgetProps<Assignment[]> & Pick<NodeWidgetProps, 'settings' | 'variables' | 'kit'>) {
  const { DraftInput, TemplateInput, VariableInput } = kit;
  const assignments = rowsOf<Assignment>(value);
  const replace = (index: number, assignment: Assignment) =>
    onChange(assignments.map((old, i) => (i === index ? assignment : old)));
  const declaredType = (name: string) =>
    settings.variables.find((variable) => variable.name === name)?.type;
  return (
    <fieldset className="row-editor" id={id} aria-labelledby={labelId}>
      {assignments.map((assignment, index) => {
        const name = `Assignment ${index + 1}`;
        return (
          // biome-ignore lint/suspicious/noArrayIndexKey: rows have no id; see rowEdits
          <fieldset className="row-editor-group" key={index}>
            <legend>{name}</legend>
            <div className="row-editor-row">
              <VariableInput
                label={`${name} variable`}
                value={assignment.variable}
                variables={variables}
                onChange={(variable) => replace(index, { ...assignment, variable })}
              />
              <span aria-hidden>←</span>
              <select
                aria-label={`${name} gets`}
                value={assignment.from}
                onChange={(e) =>
                  replace(
                    index,
                    changeAssignmentSource(
                      assignment,
                      e.target.value as Assignment['from'],
                      variables[0]?.name ?? assignment.variable,
                    ),
                  )
                }
              >
                {sources.map((source) => (
                  <option key={source.value} value={source.value}>
                    {source.label}
                  </option>
                ))}
              </select>
              <button
                type="button"
                aria-label={`Remove ${name.toLowerCase()}`}
                disabled={assignments.length === 1}
                title={
                  assignments.length === 1 ? 'A set node needs at least one assignment.' : undefined
                }
                onClick={() => onChange(removeRow(assignments, index))}
              >
                ×
              </button>
            </div>
            {assignment.from === 'value' && (
              <DraftInput
                aria-label={`${name} value`}
                value={formatConstant(assignment.value)}
                onChange={(text) =>
                  replace(index, {
                    ...assignment,
                    value: parseConstant(text, declaredType(assignment.variable)),
                  })
                }
              />
            )}
            {assignment.from === 'template' && (
              <TemplateInput
                multiline={false}
                label={`${name} template`}
                placeholder="{{firstName}} {{lastName}}"
                value={assignment.template}
                variables={variables}
                onChange={(template) => replace(index, { ...assignment, template })}
              />
            )}
            {assignment.from === 'rule' && (
              <>
                <select
                  aria-label={`${name} combines rules with`}
                  value={assignment.rule.match}
                  onChange={(e) =>
                    replace(index, {
                      ...assignment,
                      rule: { ...assignment.rule, match: e.target.value as 'all' | 'any' },
                    })
                  }
                >
                  <option value="all">and (all rules)</option>
                  <option value="any">or (any rule)</option>
                </select>
                <ConditionRulesInput
                  name={`${name} rule`}
                  rules={assignment.rule.rules}
                  match={assignment.rule.match}
                  variables={variables}
                  kit={kit}
                  onChange={(rules) =>
                    replace(index, { ...assignment, rule: { ...assignment.rule, rules } })
                  }
                />
              </>
            )}
          </fieldset>
        );
      })}
      <button
        type="button"
        className="row-editor-add"
        onClick={() =>
          onChange([
            ...assignments,
            { variable: `variable${assignments.length + 1}`, from: 'value', value: '' },
          ])
        }
      >
        Add an assignment
      </button>
    </fieldset>
  );
}
