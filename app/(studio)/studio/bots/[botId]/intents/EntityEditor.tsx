'use client';

import { type FormEvent, useState } from 'react';
import type { FlowDocument } from '@/bot-runtime/flow';
import { identifierSchema } from '@/bot-runtime/flow/identifier';
import { builtInEntities, type EntityDefinition } from '@/bot-runtime/flow/nluDefinition';
import { patternProblem as linearPatternProblem } from '@/bot-runtime/patterns/safeRegex';
import { addEntity, removeEntity, replaceEntity } from './nluEdits';

type ListEntity = Extract<EntityDefinition, { kind: 'list' }>;

/** One custom entity: its pattern, or its values with their synonyms. */
export function EntityEditor({
  flow,
  entity,
  readOnly,
  onApply,
  onRemoved,
}: {
  flow: FlowDocument;
  entity: EntityDefinition;
  readOnly: boolean;
  onApply: (flow: FlowDocument, mergeKey?: string) => void;
  onRemoved: () => void;
}) {
  return (
    <section className="stack" aria-label={`Entity ${entity.name}`}>
      <h2>
        {entity.name}{' '}
        <span className="muted">
          {entity.kind === 'list' ? 'list of values' : 'regular expression'}
        </span>
      </h2>
      <fieldset disabled={readOnly} className="stack">
        {entity.kind === 'regex' ? (
          <PatternField
            pattern={entity.pattern}
            onCommit={(pattern) =>
              onApply(replaceEntity(flow, entity.name, { ...entity, pattern }))
            }
          />
        ) : (
          <ListValues
            entity={entity}
            onChange={(values) => onApply(replaceEntity(flow, entity.name, { ...entity, values }))}
          />
        )}
        <div>
          <button
            type="button"
            className="danger"
            onClick={() => {
              onApply(removeEntity(flow, entity.name));
              onRemoved();
            }}
          >
            Remove entity
          </button>
        </div>
      </fieldset>
    </section>
  );
}

/** Creates a list or pattern entity; a list starts with one value, a pattern must compile. */
export function NewEntityForm({
  flow,
  onApply,
  onCreated,
}: {
  flow: FlowDocument;
  onApply: (flow: FlowDocument) => void;
  onCreated: (name: string) => void;
}) {
  const [name, setName] = useState('');
  const [kind, setKind] = useState<EntityDefinition['kind']>('list');
  const [first, setFirst] = useState('');
  const [error, setError] = useState<string | null>(null);

  function create(event: FormEvent) {
    event.preventDefault();
    const trimmed = name.trim();
    const problem =
      entityNameProblem(flow, trimmed) ??
      (kind === 'list'
        ? first.trim()
          ? null
          : 'Give the first value, e.g. “express”.'
        : patternProblem(first));
    setError(problem);
    if (problem) return;
    onApply(
      addEntity(
        flow,
        kind === 'list'
          ? { kind, name: trimmed, values: [{ value: first.trim(), synonyms: [] }] }
          : { kind, name: trimmed, pattern: first, flags: 'i' },
      ),
    );
    onCreated(trimmed);
  }

  return (
    <form className="stack" aria-label="New entity" onSubmit={create} noValidate>
      <h2>New entity</h2>
      <label>
        Name
        <input
          value={name}
          placeholder="e.g. shippingMethod"
          onChange={(e) => setName(e.target.value)}
        />
      </label>
      <label>
        Kind
        <select value={kind} onChange={(e) => setKind(e.target.value as EntityDefinition['kind'])}>
          <option value="list">List of values with synonyms</option>
          <option value="regex">Regular expression</option>
        </select>
      </label>
      <label>
        {kind === 'list' ? 'First value' : 'Pattern'}
        <input
          value={first}
          placeholder={kind === 'list' ? 'e.g. express' : 'e.g. \\b[A-Z]\\d{4}\\b'}
          onChange={(e) => setFirst(e.target.value)}
        />
      </label>
      {error && (
        <span className="field-error" role="alert">
          {error}
        </span>
      )}
      <div>
        <button type="submit" className="primary">
          Create entity
        </button>
      </div>
    </form>
  );
}

function PatternField({
  pattern,
  onCommit,
}: {
  pattern: string;
  onCommit: (pattern: string) => void;
}) {
  const [text, setText] = useState(pattern);
  const [error, setError] = useState<string | null>(null);
  const commit = () => {
    if (text === pattern) return;
    const problem = patternProblem(text);
    setError(problem);
    if (!problem) onCommit(text);
  };
  return (
    <div className="field">
      <label htmlFor="entity-pattern">Pattern</label>
      <input
        id="entity-pattern"
        className="mono"
        value={text}
        aria-invalid={error ? true : undefined}
        onChange={(e) => setText(e.target.value)}
        onBlur={commit}
        onKeyDown={(e) => e.key === 'Enter' && commit()}
      />
      {error ? (
        <span className="field-error" role="alert">
          {error}
        </span>
      ) : (
        <span className="muted">
          Matched case-insensitively; a capture group, if any, is the value.
        </span>
      )}
    </div>
  );
}

function ListValues({
  entity,
  onChange,
}: {
  entity: ListEntity;
  onChange: (values: ListEntity['values']) => void;
}) {
  const [newValue, setNewValue] = useState('');
  const update = (index: number, patch: Partial<ListEntity['values'][number]>) =>
    onChange(entity.values.map((v, i) => (i === index ? { ...v, ...patch } : v)));
  return (
    <div className="stack">
      <table className="entity-values">
        <thead>
          <tr>
            <th scope="col">Value</th>
            <th scope="col">Synonyms (comma-separated)</th>
            <th scope="col">
              <span className="visually-hidden">Remove</span>
            </th>
          </tr>
        </thead>
        <tbody>
          {entity.values.map((value, index) => (
            <tr key={value.value}>
              <td>
                <CommitInput
                  label={`Value ${index + 1}`}
                  value={value.value}
                  onCommit={(text) => text.trim() && update(index, { value: text.trim() })}
                />
              </td>
              <td>
                <CommitInput
                  label={`Synonyms of ${value.value}`}
                  value={value.synonyms.join(', ')}
                  onCommit={(text) => update(index, { synonyms: splitSynonyms(text) })}
                />
              </td>
              <td>
                <button
                  type="button"
                  aria-label={`Remove value ${value.value}`}
                  disabled={entity.values.length === 1}
                  title={entity.values.length === 1 ? 'A list entity needs one value.' : undefined}
                  onClick={() => onChange(entity.values.filter((_, i) => i !== index))}
                >
                  ×
                </button>
              </td>
            </tr>
          ))}
        </tbody>
      </table>
      <form
        className="row"
        onSubmit={(event) => {
          event.preventDefault();
          const value = newValue.trim();
          if (!value || entity.values.some((v) => v.value === value)) return;
          onChange([...entity.values, { value, synonyms: [] }]);
          setNewValue('');
        }}
      >
        <input
          aria-label="New value"
          placeholder="Another value"
          value={newValue}
          onChange={(e) => setNewValue(e.target.value)}
        />
        <button type="submit" disabled={!newValue.trim()}>
          Add value
        </button>
      </form>
    </div>
  );
}

function CommitInput({
  label,
  value,
  onCommit,
}: {
  label: string;
  value: string;
  onCommit: (text: string) => void;
}) {
  const [text, setText] = useState(value);
  const commit = () => {
    if (text !== value) onCommit(text);
  };
  return (
    <input
      aria-label={label}
      value={text}
      onChange={(e) => setText(e.target.value)}
      onBlur={commit}
      onKeyDown={(e) => e.key === 'Enter' && commit()}
    />
  );
}

function splitSynonyms(text: string): string[] {
  return [
    ...new Set(
      text
        .split(',')
        .map((s) => s.trim())
        .filter(Boolean),
    ),
  ];
}

function entityNameProblem(flow: FlowDocument, name: string): string | null {
  if (!name) return 'Give the entity a name.';
  const parsed = identifierSchema.safeParse(name);
  if (!parsed.success) return parsed.error.issues[0]?.message ?? 'Not a valid name.';
  if ((builtInEntities as readonly string[]).includes(name)) {
    return `“${name}” is a built-in entity; choose another name.`;
  }
  if (flow.nlu.entities.some((e) => e.name === name)) {
    return `There is already an entity called “${name}”.`;
  }
  return null;
}

/**
 * Compiling is the check: the pattern is only ever matched, never run as code. It must compile on
 * the linear-time engine the bot matches with, and as JavaScript, which the saved flow requires.
 */
function patternProblem(pattern: string): string | null {
  if (!pattern) return 'Give a pattern.';
  const problem = linearPatternProblem(pattern, { ignoreCase: true });
  if (problem) return `This pattern cannot be used: ${problem}.`;
  try {
    new RegExp(pattern, 'u');
    return null;
  } catch (error) {
    return `Not a valid regular expression: ${(error as Error).message}`;
  }
}
