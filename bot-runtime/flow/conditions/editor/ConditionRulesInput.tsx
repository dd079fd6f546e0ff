'use client';

import type { EditorKit, KnownVariable } from '../../nodes/editor/editorKit';
import { removeRow, updateRow } from '../../nodes/editor/rowEdits';
import { type ConditionRule, conditionOperators } from '../conditionSchema';

const operatorLabels: Record<ConditionRule['operator'], string> = {
  equals: 'equals',
  notEquals: 'does not equal',
  contains: 'contains',
  greater: 'is greater than',
  less: 'is less than',
  matches: 'matches the pattern',
  isSet: 'is set',
  isNotSet: 'is not set',
};

const operatorsWithoutValue = new Set<ConditionRule['operator']>(['isSet', 'isNotSet']);

/**
 * Rows of "variable, operator, value"; `match` only words the joins between rows, its own
 * select being where it is changed. A condition needs one rule, so the last one stays.
 */
export function ConditionRulesInput({
  id,
  labelId,
  name = 'Rule',
  rules,
  match,
  variables,
  kit: { VariableInput, TemplateInput },
  onChange,
}: {
  id?: string;
  labelId?: string;
  /** Prefixes each input's accessible name, to tell nested rule lists apart. */
  name?: string;
  rules: ConditionRule[];
  match: 'all' | 'any' | undefined;
  variables: KnownVariable[];
  kit: EditorKit;
  onChange: (rules: ConditionRule[]) => void;
}) {
  const join = match === 'any' ? 'or' : 'and';
  return (
    <fieldset className="row-editor" id={id} aria-labelledby={labelId}>
      {rules.map((rule, index) => (
        // biome-ignore lint/suspicious/noArrayIndexKey: rows have no id; see rowEdits
        <div className="row-editor-rule" key={index}>
          {index > 0 && <span className="muted">{join}</span>}
          <div className="row-editor-row">
            <VariableInput
              label={`${name} ${index + 1} variable`}
              value={rule.variable}
              variables={variables}
              onChange={(variable) => onChange(updateRow(rules, index, { variable }))}
            />
            <select
              aria-label={`${name} ${index + 1} operator`}
              value={rule.operator}
              onChange={(e) =>
                onChange(
                  updateRow(rules, index, {
                    operator: e.target.value as ConditionRule['operator'],
                  }),
                )
              }
            >
              {conditionOperators.map((operator) => (
                <option key={operator} value={operator}>
                  {operatorLabels[operator]}
                </option>
              ))}
            </select>
            <button
              type="button"
              aria-label={`Remove ${name.toLowerCase()} ${index + 1}`}
              disabled={rules.length === 1}
              title={rules.length === 1 ? 'A condition needs at least one rule.' : undefined}
              onClick={() => onChange(removeRow(rules, index))}
            >
              ×
            </button>
          </div>
          {!operatorsWithoutValue.has(rule.operator) && (
            <TemplateInput
              multiline={false}
              label={`${name} ${index + 1} value`}
              placeholder="A value, or {{variable}}"
              value={rule.value}
              variables={variables}
              onChange={(value) => onChange(updateRow(rules, index, { value }))}
            />
          )}
        </div>
      ))}
      <button
        type="button"
        className="row-editor-add"
        onClick={() =>
          onChange([
            ...rules,
            { variable: variables[0]?.name ?? 'variable', operator: 'isSet', value: '' },
          ])
        }
      >
        Add a rule
      </button>
    </fieldset>
  );
}
