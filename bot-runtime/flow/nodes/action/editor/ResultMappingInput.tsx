'use client';

import type { FieldWidgetProps, NodeWidgetProps } from '../../editor/editorKit';
import { removeRow, rowsOf, updateRow } from '../../editor/rowEdits';
import type { ActionData } from '../actionData';
import { nextResultMapping } from './nextResultMapping';

type ResultMapping = ActionData['results'][number];

/**
 * Rows of "result field → variable", the fields offered being those the chosen action
 * declares.
 */
export function ResultMappingInput({
  id,
  labelId,
  value,
  nodeData,
  actions,
  variables,
  kit: { VariableInput },
  onChange,
}: FieldWidgetProps<ResultMapping[]> &
  Pick<NodeWidgetProps, 'nodeData' | 'actions' | 'variables' | 'kit'>) {
  const results = rowsOf<ResultMapping>(value);
  const action = actions.find((candidate) => candidate.name === nodeData.action);
  if (!action) {
    return (
      <p className="muted" id={id}>
        Choose an action first.
      </p>
    );
  }
  const next = nextResultMapping(results, action.outputFields);
  const declared = new Set(action.outputFields.map((field) => field.name));
  return (
    <fieldset className="row-editor" id={id} aria-labelledby={labelId}>
      {results.length === 0 && (
        <p className="muted">
          {action.outputFields.length === 0
            ? 'This action returns no fields to keep.'
            : 'Nothing kept yet: add a result to save one of its fields in a variable.'}
        </p>
      )}
      {results.map((result, index) => (
        // biome-ignore lint/suspicious/noArrayIndexKey: rows have no id; see rowEdits
        <div className="row-editor-row" key={index}>
          <select
            aria-label={`Result ${index + 1} field`}
            value={result.path}
            onChange={(e) => onChange(updateRow(results, index, { path: e.target.value }))}
          >
            {!declared.has(result.path) && (
              <option value={result.path}>{result.path} (not declared by this action)</option>
            )}
            {action.outputFields.map((field) => (
              <option key={field.name} value={field.name}>
                {field.name} ({field.type})
              </option>
            ))}
          </select>
          <span aria-hidden>→</span>
          <VariableInput
            label={`Result ${index + 1} variable`}
            value={result.variable}
            variables={variables}
            onChange={(variable) => onChange(updateRow(results, index, { variable }))}
          />
          <button
            type="button"
            aria-label={`Remove result ${index + 1}`}
            onClick={() => onChange(removeRow(results, index))}
          >
            ×
          </button>
        </div>
      ))}
      {next && (
        <button
          type="button"
          className="row-editor-add"
          onClick={() => onChange([...results, next])}
        >
          Add a result
        </button>
      )}
    </fieldset>
  );
}
