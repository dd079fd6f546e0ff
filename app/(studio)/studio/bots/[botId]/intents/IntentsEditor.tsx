'use client';

import { useQuery } from '@tanstack/react-query';
import Link from 'next/link';
import { type ChangeEvent, useCallback, useMemo, useState } from 'react';
import { errorMessage, useTRPC } from '@/app/_trpc/client';
import type { FlowDocument } from '@/bot-runtime/flow';
import type { BotDraft } from '@/server/bots/botDrafts';
import { DraftConflictBanner } from '../_draft/DraftConflictBanner';
import { SaveStatus } from '../_draft/SaveStatus';
import { UndoRedoButtons } from '../_draft/UndoRedoButtons';
import { useDraftSync } from '../_draft/useDraftSync';
import { useUndoShortcuts } from '../_draft/useUndoShortcuts';
import { EntityEditor, NewEntityForm } from './EntityEditor';
import { IntentDetail } from './IntentDetail';
import { IntentsList, type NluSelection } from './IntentsList';
import { formatIntentsCsv, parseIntentsCsv } from './intentsCsv';
import { addPhrases } from './nluEdits';
import { nluWarnings, warningIntent } from './nluWarnings';
import { TryNluPanel } from './TryNluPanel';

/** Loads the bot's draft, then opens its intents and entities for editing. */
export function IntentsEditor({ botId, canEdit }: { botId: string; canEdit: boolean }) {
  const trpc = useTRPC();
  const draft = useQuery({
    ...trpc.bots.draft.queryOptions({ botId }),
    staleTime: Number.POSITIVE_INFINITY,
    refetchOnWindowFocus: false,
  });
  if (draft.isPending) return <p className="muted">Loading the bot…</p>;
  if (draft.isError) {
    return (
      <div className="stack">
        <div className="alert alert-error" role="alert">
          {errorMessage(draft.error)}{' '}
          <button type="button" onClick={() => draft.refetch()}>
            Retry
          </button>
        </div>
        <Link href="/studio">Back to bots</Link>
      </div>
    );
  }
  return <NluWorkspace draft={draft.data} canEdit={canEdit} />;
}

/**
 * The intents page edits the same draft document as the canvas, through the same undo stack
 * and the same revision-checked autosave, so the two can never overwrite each other silently.
 */
function NluWorkspace({ draft, canEdit }: { draft: BotDraft; canEdit: boolean }) {
  const botId = draft.botId;
  const [notice, setNotice] = useState<string | null>(null);
  const { history, autosave, reload } = useDraftSync({ draft, canEdit, onNotice: setNotice });
  const flow = history.flow;
  const readOnly = !canEdit;
  const firstIntent = draft.document.nlu.intents[0]?.name;
  const [selection, setSelection] = useState<NluSelection | null>(
    firstIntent ? { kind: 'intent', name: firstIntent } : null,
  );
  const [problem, setProblem] = useState<{ message: string; lines: string[] } | null>(null);
  const warnings = useMemo(() => nluWarnings(flow.nlu), [flow.nlu]);

  const apply = useCallback(
    (next: FlowDocument, mergeKey?: string) => {
      if (!readOnly) history.apply(next, mergeKey ?? null);
    },
    [readOnly, history.apply],
  );
  useUndoShortcuts(!readOnly, history.undo, history.redo);

  const selectedIntent =
    selection?.kind === 'intent'
      ? flow.nlu.intents.find((intent) => intent.name === selection.name)
      : undefined;
  const selectedEntity =
    selection?.kind === 'entity'
      ? flow.nlu.entities.find((entity) => entity.name === selection.name)
      : undefined;

  function exportCsv() {
    const url = URL.createObjectURL(
      new Blob([formatIntentsCsv(flow.nlu.intents)], { type: 'text/csv' }),
    );
    const fileName = `${draft.botName.replace(/[^\w-]+/g, '-').toLowerCase() || 'bot'}-intents.csv`;
    Object.assign(document.createElement('a'), { href: url, download: fileName }).click();
    URL.revokeObjectURL(url);
  }

  async function importCsv(event: ChangeEvent<HTMLInputElement>) {
    const file = event.target.files?.[0];
    event.target.value = '';
    if (!file) return;
    setNotice(null);
    setProblem(null);
    const parsed = parseIntentsCsv(await file.text());
    let next = flow;
    let added = 0;
    const byIntent = new Map<string, string[]>();
    for (const row of parsed.rows)
      byIntent.set(row.intent, [...(byIntent.get(row.intent) ?? []), row.phrase]);
    for (const [intent, phrases] of byIntent) {
      const result = addPhrases(next, intent, phrases);
      next = result.flow;
      added += result.added;
    }
    if (next !== flow) apply(next);
    const summary = `Imported ${added} new phrase${added === 1 ? '' : 's'} into ${byIntent.size} intent${byIntent.size === 1 ? '' : 's'} from ${file.name}.`;
    if (parsed.errors.length > 0) {
      setProblem({
        message: `${summary} ${parsed.errors.length} line${parsed.errors.length === 1 ? ' was' : 's were'} skipped:`,
        lines: parsed.errors.map((error) => `Line ${error.line}: ${error.message}`),
      });
    } else {
      setNotice(added > 0 ? `${summary} Undo takes them out again.` : `${summary} Nothing new.`);
    }
  }

  return (
    <div className="editor">
      <header className="editor-toolbar">
        {/* A full page load, so the browser warns before leaving with unsaved changes. */}
        <a href={`/studio/bots/${botId}`}>← Canvas</a>
        <h1>{draft.botName}: intents &amp; entities</h1>
        {readOnly ? (
          <span className="badge">Read-only</span>
        ) : (
          <SaveStatus state={autosave.state} unsaved={autosave.unsaved} onRetry={autosave.retry} />
        )}
        <div className="row editor-actions">
          {!readOnly && (
            <>
              <UndoRedoButtons history={history} />
              <label className="button">
                Import CSV…
                <input
                  type="file"
                  accept=".csv,text/csv"
                  className="visually-hidden"
                  onChange={importCsv}
                />
              </label>
            </>
          )}
          <button type="button" onClick={exportCsv} disabled={flow.nlu.intents.length === 0}>
            Export CSV
          </button>
        </div>
      </header>

      {autosave.state.status === 'conflict' && (
        <DraftConflictBanner
          conflict={autosave.state.conflict}
          onReload={reload}
          onOverwrite={autosave.overwrite}
        />
      )}
      {(notice || problem) && (
        <div
          className={`alert ${problem ? 'alert-warning' : 'alert-success'} editor-banner`}
          role={problem ? 'alert' : 'status'}
        >
          {problem?.message ?? notice}
          {problem && (
            <ul>
              {problem.lines.map((line) => (
                <li key={line}>{line}</li>
              ))}
            </ul>
          )}{' '}
          <button
            type="button"
            onClick={() => {
              setNotice(null);
              setProblem(null);
            }}
          >
            Dismiss
          </button>
        </div>
      )}

      <div className="nlu-body">
        <IntentsList
          flow={flow}
          warnings={warnings}
          selection={selection}
          readOnly={readOnly}
          onSelect={setSelection}
          onApply={apply}
        />
        <section className="nlu-detail" aria-label="Details">
          {selectedIntent ? (
            <IntentDetail
              key={selectedIntent.name}
              flow={flow}
              intent={selectedIntent}
              warnings={warnings}
              readOnly={readOnly}
              onApply={apply}
              onRenamed={(name) => setSelection({ kind: 'intent', name })}
              onRemoved={() => {
                setSelection(null);
                setNotice(`Removed the intent “${selectedIntent.name}”. Undo brings it back.`);
              }}
            />
          ) : selectedEntity ? (
            <EntityEditor
              key={selectedEntity.name}
              flow={flow}
              entity={selectedEntity}
              readOnly={readOnly}
              onApply={apply}
              onRemoved={() => {
                setSelection(null);
                setNotice(`Removed the entity “${selectedEntity.name}”. Undo brings it back.`);
              }}
            />
          ) : selection?.kind === 'newEntity' && !readOnly ? (
            <NewEntityForm
              flow={flow}
              onApply={apply}
              onCreated={(name) => setSelection({ kind: 'entity', name })}
            />
          ) : (
            <p className="empty-state">
              {flow.nlu.intents.length === 0
                ? 'No intents yet. Add one on the left, with at least 5 ways a customer might say it.'
                : 'Choose an intent or an entity on the left.'}
            </p>
          )}
        </section>
        <aside className="nlu-side stack" aria-label="Try it and warnings">
          <TryNluPanel botId={botId} flow={flow} />
          <section className="stack" aria-label="Warnings">
            <h2>Warnings</h2>
            {warnings.length === 0 ? (
              <p className="muted">None: every intent has enough distinct phrases.</p>
            ) : (
              <ul className="nlu-warnings">
                {warnings.map((warning) => {
                  const intent = warningIntent(warning);
                  return (
                    <li key={warning.message}>
                      <button
                        type="button"
                        className="link-button"
                        onClick={() => intent && setSelection({ kind: 'intent', name: intent })}
                      >
                        {warning.message}
                      </button>
                    </li>
                  );
                })}
              </ul>
            )}
          </section>
        </aside>
      </div>
    </div>
  );
}
