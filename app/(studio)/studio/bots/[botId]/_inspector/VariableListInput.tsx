'use client';

import type { FieldWidgetProps, KnownVariable } from '@/bot-runtime/flow/nodes/editor/editorKit';

/** A checkbox per variable of the flow; names no longer in the flow stay listed until unticked. */
export function VariableListInput({
  id,
  labelId,
  value,
  variables,
  onChange,
}: FieldWidgetProps<string[]> & { variables: KnownVariable[] }) {
  const chosen = Array.isArray(value) ? (value as string[]) : [];
  const known = new Set(variables.map((variable) => variable.name));
  const choices = [
    ...variables,
    ...chosen
      .filter((name) => !known.has(name))
      .map((name) => ({ name, detail: 'not a variable of this flow' })),
  ];
  if (choices.length === 0) {
    return (
      <p className="muted" id={id}>
        This flow has no variables yet.
      </p>
    );
  }
  return (
    <fieldset className="stack intent-picker" id={id} aria-labelledby={labelId}>
      {choices.map((variable) => (
        <label key={variable.name} className="checkbox">
          <input
            type="checkbox"
            checked={chosen.includes(variable.name)}
            onChange={(e) =>
              onChange(
                e.target.checked
                  ? [...chosen, variable.name]
                  : chosen.filter((name) => name !== variable.name),
              )
            }
          />
          {variable.name}
          <span className="muted">{variable.detail}</span>
        </label>
      ))}
    </fieldset>
  );
}
