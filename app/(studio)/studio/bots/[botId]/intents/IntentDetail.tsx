'use client';

import { type FormEvent, type KeyboardEvent, useState } from 'react';
import { type FlowDocument, nodeRegistry } from '@/bot-runtime/flow';
import type { IntentDefinition } from '@/bot-runtime/flow/nluDefinition';
import { intentNameProblem } from './IntentsList';
import {
  addPhrases,
  editPhrase,
  phraseKey,
  removeIntent,
  renameIntent,
  setGlobalIntent,
  updateIntent,
} from './nluEdits';
import { type NluWarning, warningsOf } from './nluWarnings';

/** One intent: its name, whether it is global, and its training phrases. */
export function IntentDetail({
  flow,
  intent,
  warnings,
  readOnly,
  onApply,
  onRenamed,
  onRemoved,
}: {
  flow: FlowDocument;
  intent: IntentDefinition;
  warnings: readonly NluWarning[];
  readOnly: boolean;
  onApply: (flow: FlowDocument, mergeKey?: string) => void;
  onRenamed: (name: string) => void;
  onRemoved: () => void;
}) {
  const [name, setName] = useState(intent.name);
  const [nameError, setNameError] = useState<string | null>(null);
  const [newPhrase, setNewPhrase] = useState('');
  const [pasted, setPasted] = useState('');
  const [pasteResult, setPasteResult] = useState<string | null>(null);
  const global = flow.settings.globalIntents.find((g) => g.intent === intent.name);
  const targets = flow.nodes.filter((node) => !nodeRegistry.get(node.type)?.isEntry);
  const concerns = warningsOf(warnings, intent.name);
  const shared = new Set(
    warnings.flatMap((w) =>
      w.kind === 'sharedPhrase' && w.intents.includes(intent.name) ? [phraseKey(w.phrase)] : [],
    ),
  );

  function commitName() {
    const next = name.trim();
    if (next === intent.name) {
      setNameError(null);
      return;
    }
    const problem = intentNameProblem(flow, next);
    setNameError(problem);
    if (problem) return;
    onApply(renameIntent(flow, intent.name, next));
    onRenamed(next);
  }

  function addOne(event: FormEvent) {
    event.preventDefault();
    const { flow: next, added } = addPhrases(flow, intent.name, [newPhrase]);
    if (added > 0) onApply(next);
    setNewPhrase('');
  }

  function addPasted() {
    const lines = pasted.split(/\r?\n/);
    const { flow: next, added } = addPhrases(flow, intent.name, lines);
    if (added > 0) onApply(next);
    const skipped = lines.filter((line) => line.trim()).length - added;
    setPasteResult(
      `Added ${added} phrase${added === 1 ? '' : 's'}${skipped > 0 ? `; ${skipped} already there` : ''}.`,
    );
    setPasted('');
  }

  return (
    <section className="stack" aria-label={`Intent ${intent.name}`}>
      <fieldset disabled={readOnly} className="stack">
        <div className="field">
          <label htmlFor="intent-name">Name</label>
          <input
            id="intent-name"
            value={name}
            aria-invalid={nameError ? true : undefined}
            onChange={(event) => setName(event.target.value)}
            onBlur={commitName}
            onKeyDown={(event) => event.key === 'Enter' && commitName()}
          />
          {nameError ? (
            <span className="field-error" role="alert">
              {nameError}
            </span>
          ) : (
            <span className="muted">
              Renaming also renames it on the canvas’s intent nodes and their outputs.
            </span>
          )}
        </div>
        <label>
          Description
          <input
            value={intent.description}
            placeholder="What the customer wants, for whoever edits this next"
            onChange={(event) =>
              onApply(
                updateIntent(flow, intent.name, { description: event.target.value }),
                `description:${intent.name}`,
              )
            }
          />
        </label>
        <div className="row nlu-global">
          <label className="checkbox">
            <input
              type="checkbox"
              checked={Boolean(global)}
              disabled={targets.length === 0}
              onChange={(event) =>
                onApply(
                  setGlobalIntent(
                    flow,
                    intent.name,
                    event.target.checked ? (targets[0]?.id ?? null) : null,
                  ),
                )
              }
            />
            Global: interrupts any question
          </label>
          {global && (
            <label>
              and goes to
              <select
                value={global.targetNodeId}
                onChange={(event) =>
                  onApply(setGlobalIntent(flow, intent.name, event.target.value))
                }
              >
                {targets.map((node) => (
                  <option key={node.id} value={node.id}>
                    {node.label || node.id}
                  </option>
                ))}
              </select>
            </label>
          )}
        </div>

        <h2>Training phrases ({intent.phrases.length})</h2>
        {concerns.length > 0 && (
          <ul className="nlu-concerns">
            {concerns.map((warning) => (
              <li key={warning.message} className="issue-warning">
                {warning.message}
              </li>
            ))}
          </ul>
        )}
        <form className="row" onSubmit={addOne}>
          <input
            aria-label="New phrase"
            placeholder="Type how a customer might say it, then Enter"
            value={newPhrase}
            onChange={(event) => setNewPhrase(event.target.value)}
            className="grow"
          />
          <button type="submit" disabled={!newPhrase.trim()}>
            Add
          </button>
        </form>
        {intent.phrases.length === 0 ? (
          <p className="muted">No phrases yet.</p>
        ) : (
          <ul className="phrases" aria-label="Training phrases">
            {intent.phrases.map((phrase, index) => (
              <PhraseRow
                key={phrase}
                phrase={phrase}
                shared={shared.has(phraseKey(phrase))}
                onCommit={(text) => onApply(editPhrase(flow, intent.name, index, text))}
              />
            ))}
          </ul>
        )}
        <details className="stack">
          <summary>Paste many phrases</summary>
          <label>
            One phrase per line
            <textarea
              value={pasted}
              rows={6}
              onChange={(event) => {
                setPasted(event.target.value);
                setPasteResult(null);
              }}
            />
          </label>
          <div className="row">
            <button type="button" onClick={addPasted} disabled={!pasted.trim()}>
              Add phrases
            </button>
            {pasteResult && <span role="status">{pasteResult}</span>}
          </div>
        </details>
        <div>
          <button
            type="button"
            className="danger"
            onClick={() => {
              onApply(removeIntent(flow, intent.name));
              onRemoved();
            }}
          >
            Remove intent
          </button>
        </div>
      </fieldset>
    </section>
  );
}

/** A phrase edited in place: the change lands when the field is left or Enter is pressed. */
function PhraseRow({
  phrase,
  shared,
  onCommit,
}: {
  phrase: string;
  shared: boolean;
  onCommit: (text: string) => void;
}) {
  const [text, setText] = useState(phrase);
  const commit = () => {
    if (text.trim() !== phrase) onCommit(text);
  };
  const onKeyDown = (event: KeyboardEvent<HTMLInputElement>) => {
    if (event.key === 'Enter') commit();
    if (event.key === 'Escape') setText(phrase);
  };
  return (
    <li className={shared ? 'is-shared' : undefined}>
      <input
        aria-label={`Phrase: ${phrase}`}
        value={text}
        onChange={(event) => setText(event.target.value)}
        onBlur={commit}
        onKeyDown={onKeyDown}
        title={shared ? 'This phrase is also a phrase of another intent.' : undefined}
      />
      <button type="button" aria-label={`Remove phrase “${phrase}”`} onClick={() => onCommit('')}>
        ×
      </button>
    </li>
  );
}
