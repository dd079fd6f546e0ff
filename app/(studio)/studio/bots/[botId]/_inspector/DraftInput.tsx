'use client';

import { type InputHTMLAttributes, useState } from 'react';

type DraftInputProps = Omit<InputHTMLAttributes<HTMLInputElement>, 'value' | 'onChange'> & {
  value: string;
  onChange: (value: string) => void;
};

/**
 * A text input that keeps showing what was typed while the node's schema refuses it (an
 * emptied required name on the way to a new one); it follows the saved value when that changes.
 */
export function DraftInput({ value, onChange, ...rest }: DraftInputProps) {
  const [draft, setDraft] = useState(value);
  const [saved, setSaved] = useState(value);
  if (value !== saved) {
    setSaved(value);
    setDraft(value);
  }
  return (
    <input
      {...rest}
      value={draft}
      onChange={(event) => {
        setDraft(event.target.value);
        onChange(event.target.value);
      }}
    />
  );
}
