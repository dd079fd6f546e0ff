'use client';

import { keepPreviousData, useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { useCallback, useEffect, useId, useRef, useState } from 'react';
import { ErrorAlert } from '@/app/_components/ErrorAlert';
import { Pagination } from '@/app/_components/listPage/Pagination';
import { useTRPC } from '@/app/_trpc/client';
import type { BotDraft } from '@/server/bots/botDrafts';
import type { MisunderstoodGroup, MisunderstoodMessage } from '@/server/bots/misunderstood';
import { DraftConflictBanner } from '../_draft/DraftConflictBanner';
import { SaveStatus } from '../_draft/SaveStatus';
import { UndoRedoButtons } from '../_draft/UndoRedoButtons';
import { useDraftSync } from '../_draft/useDraftSync';
import { useUndoShortcuts } from '../_draft/useUndoShortcuts';
import { addPhrases } from '../intents/nluEdits';
import { type Addition, additionChanges, intentHasPhrase } from './misunderstoodAdditions';

const PAGE_SIZE = 10;
/** Long enough to reach Undo by keyboard after hearing the announcement. */
const UNDO_TOAST_MS = 10_000;

/** Loads the bot's draft, which additions go into, then opens the inbox. */
export function MisunderstoodInbox({ botId }: { botId: string }) {
  const trpc = useTRPC();
  const draft = useQuery({
    ...trpc.bots.draft.queryOptions({ botId }),
    staleTime: Number.POSITIVE_INFINITY,
    refetchOnWindowFocus: false,
  });
  if (draft.isPending || draft.isError) {
    return (
      <div className="editor misunderstood">
        <header className="editor-toolbar">
          <a href={`/studio/bots/${botId}`}>← Canvas</a>
          <h1>Misunderstood messages</h1>
        </header>
        {draft.isPending ? (
          <p className="muted" role="status">
            Loading the bot…
          </p>
        ) : (
          <ErrorAlert error={draft.error}>
            {' '}
            <button type="button" onClick={() => draft.refetch()}>
              Retry
            </button>
          </ErrorAlert>
        )}
      </div>
    );
  }
  return <InboxWorkspace draft={draft.data} />;
}

/**
 * The inbox edits the bot's draft through the intents editor's own undo history and
 * revision-checked autosave: "Add to intent" is one undoable step, and a message is marked added
 * on the server only once the draft holding its phrase has saved. Undo takes the phrase out and
 * puts the message back in the inbox.
 */
function InboxWorkspace({ draft }: { draft: BotDraft }) {
  const botId = draft.botId;
  const trpc = useTRPC();
  const queryClient = useQueryClient();
  const [notice, setNotice] = useState<string | null>(null);
  const { history, autosave, reload } = useDraftSync({ draft, canEdit: true, onNotice: setNotice });
  useUndoShortcuts(true, history.undo, history.redo);
  const flow = history.flow;
  const intents = flow.nlu.intents.map((intent) => intent.name);

  const [page, setPage] = useState(1);
  const groups = useQuery({
    ...trpc.misunderstood.groups.queryOptions({ botId, page, pageSize: PAGE_SIZE }),
    placeholderData: keepPreviousData,
  });
  const lastPage = groups.data ? Math.max(1, Math.ceil(groups.data.total / PAGE_SIZE)) : 1;
  useEffect(() => {
    // Acting on the last page's only group leaves it empty: show the page before.
    if (page > lastPage) setPage(lastPage);
  }, [page, lastPage]);

  const refresh = useCallback(() => {
    void queryClient.invalidateQueries({ queryKey: trpc.misunderstood.groups.queryKey() });
    void queryClient.invalidateQueries({ queryKey: trpc.misunderstood.openCounts.queryKey() });
  }, [queryClient, trpc]);
  const markAdded = useMutation(trpc.misunderstood.markAdded.mutationOptions());
  const reopen = useMutation(trpc.misunderstood.reopen.mutationOptions());
  const ignore = useMutation(trpc.misunderstood.ignore.mutationOptions());
  const [problem, setProblem] = useState<unknown>(null);

  // Messages added from this page, by id; changed in place, `synced` re-renders after each sync.
  const additions = useRef(new Map<string, Addition>());
  const [synced, setSynced] = useState(0);
  const syncing = useRef(false);
  const savedFlow = !autosave.unsaved && autosave.state.status === 'saved' ? flow : null;
  // biome-ignore lint/correctness/useExhaustiveDependencies: `synced` re-runs it after a sync that overlapped a save.
  useEffect(() => {
    if (savedFlow === null || syncing.current) return;
    const { mark, reopen: back } = additionChanges(savedFlow, additions.current);
    if (mark.size === 0 && back.length === 0) return;
    syncing.current = true;
    void (async () => {
      try {
        for (const [intent, ids] of mark) {
          await markAdded.mutateAsync({ botId, ids, intent });
          for (const id of ids) setMarked(additions.current, id, true);
        }
        if (back.length > 0) {
          await reopen.mutateAsync({ botId, ids: back });
          for (const id of back) setMarked(additions.current, id, false);
        }
        setProblem(null);
        setSynced((n) => n + 1);
      } catch (error) {
        setProblem(error);
      } finally {
        syncing.current = false;
        refresh();
      }
    })();
  }, [savedFlow, synced, botId, markAdded.mutateAsync, reopen.mutateAsync, refresh]);

  function addToIntent(messages: MisunderstoodMessage[], intent: string) {
    setProblem(null);
    const result = addPhrases(
      flow,
      intent,
      messages.map((message) => message.text),
    );
    for (const message of messages) {
      additions.current.set(message.id, { intent, text: message.text, marked: false });
    }
    if (result.flow !== flow) history.apply(result.flow);
    // The intent had every phrase already: nothing to save, so the sync runs now.
    else setSynced((n) => n + 1);
    const what = messages.length === 1 ? `“${messages[0]?.text}”` : `${messages.length} messages`;
    setNotice(`Added ${what} to the intent “${intent}” in the draft. Undo takes it out again.`);
  }

  const [toast, setToast] = useState<{ message: string; ids: string[] } | null>(null);
  useEffect(() => {
    if (!toast) return;
    const timer = setTimeout(() => setToast(null), UNDO_TOAST_MS);
    return () => clearTimeout(timer);
  }, [toast]);

  async function ignoreMessages(messages: MisunderstoodMessage[]) {
    setProblem(null);
    const ids = messages.map((message) => message.id);
    try {
      await ignore.mutateAsync({ botId, ids });
      const what = messages.length === 1 ? `“${messages[0]?.text}”` : `${messages.length} messages`;
      setToast({ message: `Ignored ${what}.`, ids });
    } catch (error) {
      setProblem(error);
    } finally {
      refresh();
    }
  }

  async function undoIgnore() {
    if (!toast) return;
    setToast(null);
    try {
      await reopen.mutateAsync({ botId, ids: toast.ids });
    } catch (error) {
      setProblem(error);
    } finally {
      refresh();
    }
  }

  const inDraft = (message: MisunderstoodMessage) => {
    const addition = additions.current.get(message.id);
    return addition && intentHasPhrase(flow, addition.intent, addition.text) ? addition : null;
  };

  return (
    <div className="editor misunderstood">
      <header className="editor-toolbar">
        {/* Full page loads, so the browser warns before leaving with unsaved changes. */}
        <a href={`/studio/bots/${botId}`}>← Canvas</a>
        <a href={`/studio/bots/${botId}/intents`}>Intents &amp; entities</a>
        <h1>{draft.botName}: misunderstood messages</h1>
        <SaveStatus state={autosave.state} unsaved={autosave.unsaved} onRetry={autosave.retry} />
        <div className="row editor-actions">
          <UndoRedoButtons history={history} />
        </div>
      </header>

      {autosave.state.status === 'conflict' && (
        <DraftConflictBanner
          conflict={autosave.state.conflict}
          onReload={reload}
          onOverwrite={autosave.overwrite}
        />
      )}
      {notice && (
        <div className="alert alert-success editor-banner" role="status">
          {notice}{' '}
          <button type="button" onClick={() => setNotice(null)}>
            Dismiss
          </button>
        </div>
      )}
      {problem !== null && (
        <ErrorAlert error={problem}>
          {' '}
          <button type="button" onClick={() => setSynced((n) => n + 1)}>
            Retry
          </button>
        </ErrorAlert>
      )}

      <div className="misunderstood-body">
        <p className="muted">
          What customers said that the bot did not understand (it fell to the fallback or scored
          below the intent threshold), grouped by likeness. Add a wording to an intent to train it
          on the next publish, or ignore it.
        </p>
        {groups.isPending ? (
          <p className="muted" role="status">
            Loading messages…
          </p>
        ) : groups.isError ? (
          <ErrorAlert error={groups.error}>
            {' '}
            <button type="button" onClick={() => groups.refetch()}>
              Retry
            </button>
          </ErrorAlert>
        ) : groups.data.total === 0 ? (
          <p className="empty-state">
            Nothing to review: every message customers sent since the last review was understood.
            Messages the bot does not understand will show here.
          </p>
        ) : (
          <>
            <p className="muted" role="status">
              {groups.data.openMessages} open message
              {groups.data.openMessages === 1 ? '' : 's'} in {groups.data.total} group
              {groups.data.total === 1 ? '' : 's'}
              {groups.data.truncated
                ? ' (the newest are grouped; act on them to see older ones)'
                : ''}
              .
            </p>
            <ol className="misunderstood-groups" aria-busy={groups.isFetching}>
              {groups.data.items.map((group) => (
                <GroupCard
                  key={group.key}
                  group={group}
                  intents={intents}
                  inDraft={inDraft}
                  busy={ignore.isPending}
                  onAdd={addToIntent}
                  onIgnore={ignoreMessages}
                />
              ))}
            </ol>
            <Pagination
              page={page}
              pageSize={PAGE_SIZE}
              total={groups.data.total}
              onPage={setPage}
            />
          </>
        )}
      </div>

      {toast && (
        <div className="misunderstood-toast" role="status">
          {toast.message}{' '}
          <button type="button" onClick={undoIgnore}>
            Undo
          </button>
          <button type="button" aria-label="Dismiss" onClick={() => setToast(null)}>
            ×
          </button>
        </div>
      )}
    </div>
  );
}

function setMarked(additions: Map<string, Addition>, id: string, marked: boolean) {
  const addition = additions.get(id);
  if (addition) additions.set(id, { ...addition, marked });
}

function GroupCard({
  group,
  intents,
  inDraft,
  busy,
  onAdd,
  onIgnore,
}: {
  group: MisunderstoodGroup;
  intents: string[];
  inDraft: (message: MisunderstoodMessage) => Addition | null;
  busy: boolean;
  onAdd: (messages: MisunderstoodMessage[], intent: string) => void;
  onIgnore: (messages: MisunderstoodMessage[]) => void;
}) {
  const headingId = useId();
  const waiting = group.messages.filter((message) => !inDraft(message));
  const first = group.messages[0]?.text ?? '';
  return (
    <li className="card stack misunderstood-group" aria-labelledby={headingId}>
      <div className="row misunderstood-group-head">
        <h2 id={headingId}>
          “{first}”{group.size > 1 && <span className="muted"> and {group.size - 1} like it</span>}
        </h2>
        <span className="badge">
          {group.size} message{group.size === 1 ? '' : 's'}
        </span>
        <span className="muted">
          closest: {group.closestIntent ?? 'no intent'} · mean score {percent(group.meanScore)}
        </span>
      </div>
      {group.size > 1 && waiting.length > 0 && (
        <div className="row">
          <AddToIntent
            intents={intents}
            closest={group.closestIntent}
            label={`the ${waiting.length} open messages of this group`}
            buttonText="Add all to intent"
            onAdd={(intent) => onAdd(waiting, intent)}
          />
          <button type="button" disabled={busy} onClick={() => onIgnore(waiting)}>
            Ignore all
          </button>
        </div>
      )}
      <ul className="misunderstood-messages">
        {group.messages.map((message) => {
          const added = inDraft(message);
          return (
            <li key={message.id} className="misunderstood-message">
              <span className="misunderstood-text">{message.text}</span>
              <span className="muted">
                {percent(message.score)} {message.topIntent ?? 'no intent'} ·{' '}
                <time dateTime={message.createdAt.toISOString()}>
                  {message.createdAt.toLocaleString()}
                </time>
              </span>
              {added ? (
                <span className="badge badge-success">
                  In “{added.intent}”{added.marked ? '' : ', saving with the draft…'}
                </span>
              ) : (
                <span className="row">
                  <AddToIntent
                    intents={intents}
                    closest={message.topIntent}
                    label={`“${message.text}”`}
                    buttonText="Add to intent"
                    onAdd={(intent) => onAdd([message], intent)}
                  />
                  <button
                    type="button"
                    disabled={busy}
                    aria-label={`Ignore “${message.text}”`}
                    onClick={() => onIgnore([message])}
                  >
                    Ignore
                  </button>
                </span>
              )}
            </li>
          );
        })}
      </ul>
    </li>
  );
}

/** An intent to add to, the closest preselected, and the button that adds. */
function AddToIntent({
  intents,
  closest,
  label,
  buttonText,
  onAdd,
}: {
  intents: string[];
  closest: string | null;
  label: string;
  buttonText: string;
  onAdd: (intent: string) => void;
}) {
  const selectId = useId();
  const [intent, setIntent] = useState(
    closest && intents.includes(closest) ? closest : (intents[0] ?? ''),
  );
  if (intents.length === 0) {
    return <span className="muted">Add an intent on the intents page first.</span>;
  }
  return (
    <span className="row misunderstood-add">
      <label className="visually-hidden" htmlFor={selectId}>
        Intent for {label}
      </label>
      <select id={selectId} value={intent} onChange={(event) => setIntent(event.target.value)}>
        {intents.map((name) => (
          <option key={name} value={name}>
            {name}
          </option>
        ))}
      </select>
      <button
        type="button"
        aria-label={`${buttonText}: add ${label} to “${intent}”`}
        onClick={() => onAdd(intent)}
      >
        {buttonText}
      </button>
    </span>
  );
}

function percent(score: number): string {
  return `${Math.round(score * 100)}%`;
}
