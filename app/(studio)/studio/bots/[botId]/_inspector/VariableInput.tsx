'use client';

import { useId } from 'react';
import type { KnownVariable } from '@/bot-runtime/flow/nodes/editor/editorKit';
import { DraftInput } from './DraftInput';

/** A variable name, typed or picked from the flow's variables; a new name is allowed. */
export function VariableInput({
  id,
  label,
  value,
  variables,
  onChange,
}: {
  id?: string;
  label?: string;
  value: string;
  variables: KnownVariable[];
  onChange: (value: string) => void;
}) {
  const listId = useId();
  return (
    <>
      <DraftInput
        id={id}
        aria-label={label}
        list={listId}
        spellCheck={false}
        value={value}
        onChange={onChange}
      />
      <datalist id={listId}>
        {variables.map((variable) => (
          <option key={variable.name} value={variable.name}>
            {variable.detail}
          </option>
        ))}
      </datalist>
    </>
  );
}
