'use client';

import {
  type ChangeEvent,
  type KeyboardEvent,
  type Ref,
  useId,
  useLayoutEffect,
  useMemo,
  useRef,
  useState,
} from 'react';
import type { KnownVariable } from '@/bot-runtime/flow/nodes/editor/editorKit';
import {
  type CompletionPrefix,
  completionPrefixAt,
  insertCompletion,
  matchingVariables,
  unknownVariables,
} from './templateCompletion';

type TextElement = HTMLTextAreaElement | HTMLInputElement;

/**
 * A template field: typing `{{` lists the flow's variables (a combobox), and a placeholder
 * naming no variable of the flow is flagged under the field, since it would render empty.
 */
export function TemplateInput({
  id,
  value,
  variables,
  multiline = true,
  label,
  placeholder,
  onChange,
}: {
  id?: string;
  value: string;
  variables: KnownVariable[];
  multiline?: boolean;
  /** For a field without a `<label for>` of its own, e.g. a row of a list editor. */
  label?: string;
  placeholder?: string;
  onChange: (value: string) => void;
}) {
  const ownId = useId();
  const inputId = id ?? ownId;
  const listId = `${inputId}-variables`;
  const warningId = `${inputId}-unknown`;
  const element = useRef<TextElement>(null);
  const pendingCaret = useRef<number | null>(null);
  const [prefix, setPrefix] = useState<CompletionPrefix | null>(null);
  const [active, setActive] = useState(0);
  // Escape closes the list until the text changes, even if the caret stays in the placeholder.
  const [dismissed, setDismissed] = useState(false);

  const matches = useMemo(
    () => (prefix ? matchingVariables(variables, prefix.query) : []),
    [prefix, variables],
  );
  const open = matches.length > 0;
  const unknown = unknownVariables(value, variables);

  useLayoutEffect(() => {
    const caret = pendingCaret.current;
    if (caret === null || !element.current || element.current.value !== value) return;
    pendingCaret.current = null;
    element.current.setSelectionRange(caret, caret);
  }, [value]);

  useLayoutEffect(() => {
    if (!open) return;
    document.getElementById(`${listId}-${active}`)?.scrollIntoView({ block: 'nearest' });
  }, [open, active, listId]);

  function follow(target: TextElement) {
    const next = completionPrefixAt(target.value, target.selectionStart ?? target.value.length);
    if (next?.start !== prefix?.start || next?.query !== prefix?.query) setActive(0);
    setPrefix(next);
  }

  function choose(variable: KnownVariable) {
    const target = element.current;
    if (!target || !prefix) return;
    const caret = target.selectionStart ?? target.value.length;
    const completed = insertCompletion(target.value, caret, prefix, variable.name);
    pendingCaret.current = completed.caret;
    setPrefix(null);
    onChange(completed.text);
  }

  function handleChange(event: ChangeEvent<TextElement>) {
    setDismissed(false);
    follow(event.target);
    onChange(event.target.value);
  }

  function handleKeyDown(event: KeyboardEvent<HTMLElement>) {
    if (!open) return;
    const chosen = matches[active];
    if (event.key === 'ArrowDown' || event.key === 'ArrowUp') {
      const step = event.key === 'ArrowDown' ? 1 : -1;
      setActive((active + step + matches.length) % matches.length);
    } else if ((event.key === 'Enter' || event.key === 'Tab') && chosen) {
      choose(chosen);
    } else if (event.key === 'Escape') {
      setDismissed(true);
      setPrefix(null);
    } else {
      return;
    }
    event.preventDefault();
    event.stopPropagation();
  }

  const shared = {
    id: inputId,
    value,
    placeholder,
    role: 'combobox',
    'aria-label': label,
    'aria-autocomplete': 'list',
    'aria-expanded': open,
    'aria-controls': listId,
    'aria-activedescendant': open ? `${listId}-${active}` : undefined,
    'aria-describedby': unknown.length > 0 ? warningId : undefined,
    onChange: handleChange,
    onKeyDown: handleKeyDown,
    onSelect: (event: { currentTarget: TextElement }) => {
      if (!dismissed) follow(event.currentTarget);
    },
    onBlur: () => setPrefix(null),
  } as const;

  return (
    <div className="template-input">
      <div className="template-input-box">
        {multiline ? (
          <textarea {...shared} ref={element as Ref<HTMLTextAreaElement>} />
        ) : (
          <input {...shared} ref={element as Ref<HTMLInputElement>} />
        )}
        <div
          id={listId}
          role="listbox"
          aria-label="Variables"
          className="template-completions"
          hidden={!open}
        >
          {matches.map((variable, index) => (
            <div
              key={variable.name}
              id={`${listId}-${index}`}
              role="option"
              tabIndex={-1}
              aria-selected={index === active}
              className="template-completion"
              // Keeps the focus (and the caret) in the field while the mouse picks.
              onMouseDown={(event) => event.preventDefault()}
              onMouseEnter={() => setActive(index)}
              onClick={() => choose(variable)}
              onKeyDown={handleKeyDown}
            >
              <code>{`{{${variable.name}}}`}</code>
              <span className="muted">{variable.detail}</span>
            </div>
          ))}
        </div>
      </div>
      {unknown.length > 0 && (
        <small id={warningId} className="field-warning">
          {unknown.map((name) => `{{${name}}}`).join(', ')}{' '}
          {unknown.length === 1 ? 'is not a variable' : 'are not variables'} of this flow and will
          show as nothing. Declare {unknown.length === 1 ? 'it' : 'them'} under Flow settings →
          Variables or set {unknown.length === 1 ? 'it' : 'them'} in a node first.
        </small>
      )}
    </div>
  );
}
