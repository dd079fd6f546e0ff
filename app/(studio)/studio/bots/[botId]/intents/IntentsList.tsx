'use client';

import { type FormEvent, useState } from 'react';
import type { FlowDocument } from '@/bot-runtime/flow';
import { identifierSchema } from '@/bot-runtime/flow/identifier';
import { addIntent } from './nluEdits';
import { type NluWarning, warningsOf } from './nluWarnings';

export type NluSelection =
  | { kind: 'intent'; name: string }
  | { kind: 'entity'; name: string }
  | { kind: 'newEntity' };

/** The bot's intents and entities, each with what needs attention, and a way to add one. */
export function IntentsList({
  flow,
  warnings,
  selection,
  readOnly,
  onSelect,
  onApply,
}: {
  flow: FlowDocument;
  warnings: readonly NluWarning[];
  selection: NluSelection | null;
  readOnly: boolean;
  onSelect: (selection: NluSelection) => void;
  onApply: (flow: FlowDocument) => void;
}) {
  const [newName, setNewName] = useState('');
  const [nameError, setNameError] = useState<string | null>(null);
  const globals = new Set(flow.settings.globalIntents.map((global) => global.intent));

  function create(event: FormEvent) {
    event.preventDefault();
    const name = newName.trim();
    const error = intentNameProblem(flow, name);
    setNameError(error);
    if (error) return;
    onApply(addIntent(flow, name));
    onSelect({ kind: 'intent', name });
    setNewName('');
  }

  const isSelected = (kind: 'intent' | 'entity', name: string) =>
    selection?.kind === kind && selection.name === name;

  return (
    <nav className="nlu-list stack" aria-label="Intents and entities">
      <section className="stack">
        <h2>Intents ({flow.nlu.intents.length})</h2>
        {flow.nlu.intents.length === 0 ? (
          <p className="muted">None yet.</p>
        ) : (
          <ul aria-label="Intents">
            {flow.nlu.intents.map((intent) => {
              const concerns = warningsOf(warnings, intent.name);
              return (
                <li key={intent.name}>
                  <button
                    type="button"
                    aria-current={isSelected('intent', intent.name) ? 'true' : undefined}
                    onClick={() => onSelect({ kind: 'intent', name: intent.name })}
                  >
                    <span className="nlu-list-name">{intent.name}</span>
                    <span className="muted">{intent.phrases.length}</span>
                    {globals.has(intent.name) && <span className="badge">global</span>}
                    {concerns.length > 0 && (
                      <span
                        className="badge badge-warning"
                        role="img"
                        aria-label={`${concerns.length} warning${concerns.length === 1 ? '' : 's'}`}
                        title={concerns.map((w) => w.message).join('\n')}
                      >
                        ▲
                      </span>
                    )}
                  </button>
                </li>
              );
            })}
          </ul>
        )}
        {!readOnly && (
          <form className="stack" onSubmit={create} noValidate>
            <label>
              New intent
              <input
                value={newName}
                placeholder="e.g. orderStatus"
                aria-invalid={nameError ? true : undefined}
                onChange={(event) => setNewName(event.target.value)}
              />
            </label>
            {nameError && (
              <span className="field-error" role="alert">
                {nameError}
              </span>
            )}
            <button type="submit">Add intent</button>
          </form>
        )}
      </section>
      <section className="stack">
        <h2>Entities ({flow.nlu.entities.length})</h2>
        <p className="muted">Built in: number, email, phone, date.</p>
        {flow.nlu.entities.length > 0 && (
          <ul aria-label="Entities">
            {flow.nlu.entities.map((entity) => (
              <li key={entity.name}>
                <button
                  type="button"
                  aria-current={isSelected('entity', entity.name) ? 'true' : undefined}
                  onClick={() => onSelect({ kind: 'entity', name: entity.name })}
                >
                  <span className="nlu-list-name">{entity.name}</span>
                  <span className="muted">{entity.kind === 'list' ? 'list' : 'pattern'}</span>
                </button>
              </li>
            ))}
          </ul>
        )}
        {!readOnly && (
          <button type="button" onClick={() => onSelect({ kind: 'newEntity' })}>
            New entity…
          </button>
        )}
      </section>
    </nav>
  );
}

/** Why `name` cannot name a new intent, or null when it can. */
export function intentNameProblem(flow: FlowDocument, name: string): string | null {
  if (!name) return 'Give the intent a name.';
  const parsed = identifierSchema.safeParse(name);
  if (!parsed.success) return parsed.error.issues[0]?.message ?? 'Not a valid name.';
  if (flow.nlu.intents.some((intent) => intent.name === name)) {
    return `There is already an intent called “${name}”.`;
  }
  return null;
}
