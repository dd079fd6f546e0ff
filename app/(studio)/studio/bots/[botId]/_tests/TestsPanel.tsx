'use client';

import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { useEffect, useState } from 'react';
import { ErrorAlert } from '@/app/_components/ErrorAlert';
import { useTRPC } from '@/app/_trpc/client';
import type { TestCase } from '@/bot-runtime/botTests/testCase';
import type { StoredTestCase } from '@/server/bots/botTestCases';
import type { BotTestRun } from '@/server/bots/runBotTests';
import type { PreviewReplayStep } from '../_preview/PreviewChatPort';
import { FailureDetail } from './FailureDetail';
import { replayMessages } from './replayMessages';
import { TestCaseEditor } from './TestCaseEditor';
import './tests.css';

const PAGE_SIZE = 20;

/**
 * The Tests tab: the bot's saved test cases with their latest result on the saved draft, Run
 * all or one (on the draft, or on a published version), the first broken expectation with
 * expected against actual, and a form to edit or loosen a case.
 */
export function TestsPanel({
  botId,
  saving,
  nodeLabel,
  onReplay,
}: {
  botId: string;
  /** Opens the preview and plays these messages after the greeting. */
  onReplay: (steps: PreviewReplayStep[]) => void;
  /** The draft has edits not saved yet; runs wait for them, since they read the saved draft. */
  saving: boolean;
  nodeLabel: (nodeId: string) => string;
}) {
  const trpc = useTRPC();
  const queryClient = useQueryClient();
  const list = useQuery(trpc.bots.testCases.queryOptions({ botId }));
  const versions = useQuery(trpc.bots.versions.queryOptions({ botId }));
  const [target, setTarget] = useState('draft');
  const [versionRun, setVersionRun] = useState<BotTestRun | null>(null);
  const [editing, setEditing] = useState<{ testCase: TestCase; revision: number | null } | null>(
    null,
  );
  const [page, setPage] = useState(1);
  const invalidate = () =>
    queryClient.invalidateQueries({ queryKey: trpc.bots.testCases.queryKey({ botId }) });
  const run = useMutation(
    trpc.bots.runTests.mutationOptions({
      onSuccess: (result) => {
        setVersionRun(result.target.kind === 'version' ? result : null);
        return invalidate();
      },
    }),
  );
  /** The case last deleted, which Undo stores again. */
  const [deleted, setDeleted] = useState<TestCase | null>(null);
  const remove = useMutation(trpc.bots.deleteTestCase.mutationOptions({ onSuccess: invalidate }));
  const restore = useMutation(
    trpc.bots.createTestCase.mutationOptions({
      onSuccess: () => {
        setDeleted(null);
        return invalidate();
      },
    }),
  );

  // A save gives the draft a new revision: results read "not run" from then on.
  useEffect(() => {
    if (!saving)
      queryClient.invalidateQueries({ queryKey: trpc.bots.testCases.queryKey({ botId }) });
  }, [saving, queryClient, trpc, botId]);

  function runCases(caseIds?: string[]) {
    run.mutate({ botId, caseIds, versionId: target === 'draft' ? undefined : target });
  }

  if (list.isPending) return <p className="muted">Loading test cases…</p>;
  if (list.isError) return <ErrorAlert error={list.error} />;
  const { cases, summary } = list.data;

  if (editing) {
    return (
      <TestCaseEditor
        botId={botId}
        initial={editing.testCase}
        revision={editing.revision}
        nodeLabel={nodeLabel}
        onDone={() => {
          setEditing(null);
          invalidate();
        }}
      />
    );
  }

  const pages = Math.max(1, Math.ceil(cases.length / PAGE_SIZE));
  const shown = cases.slice((page - 1) * PAGE_SIZE, page * PAGE_SIZE);
  const busy = run.isPending || saving;
  return (
    <div className="tests-panel stack">
      <div className="tests-toolbar">
        <button
          type="button"
          className="primary"
          disabled={busy || cases.length === 0}
          onClick={() => runCases()}
        >
          {run.isPending ? 'Running…' : saving ? 'Saving draft…' : 'Run all'}
        </button>
        <label className="tests-target">
          Against
          <select
            value={target}
            onChange={(event) => {
              setTarget(event.target.value);
              setVersionRun(null);
            }}
          >
            <option value="draft">Draft</option>
            {(versions.data ?? []).map((version) => (
              <option key={version.id} value={version.id}>
                Version {version.number}
              </option>
            ))}
          </select>
        </label>
        <button
          type="button"
          onClick={() =>
            setEditing({
              testCase: {
                id: `case-${Math.random().toString(36).slice(2, 8)}`,
                name: 'New test case',
                variables: {},
                mocks: {},
                turns: [{ input: { type: 'start' }, expect: [] }],
              },
              revision: null,
            })
          }
        >
          New test case
        </button>
      </div>
      {versionRun ? (
        <p className="tests-summary" aria-live="polite">
          Version {versionRun.target.kind === 'version' ? versionRun.target.number : ''}:{' '}
          {versionRun.passed} passed, {versionRun.failed} failed ({versionRun.durationMs} ms)
        </p>
      ) : (
        <p className="tests-summary" aria-live="polite">
          Draft: {summary.passed} passed, {summary.failed} failed, {summary.notRun} not run
        </p>
      )}
      {deleted && (
        <p className="alert alert-success row" role="status">
          Deleted “{deleted.name}”.
          <button
            type="button"
            disabled={restore.isPending}
            onClick={() => restore.mutate({ botId, testCase: deleted })}
          >
            Undo
          </button>
        </p>
      )}
      {restore.isError && <ErrorAlert error={restore.error} />}
      {run.isError && <ErrorAlert error={run.error} />}
      {remove.isError && <ErrorAlert error={remove.error} />}
      {cases.length === 0 ? (
        <p className="muted">
          No test cases yet. Chat in the preview and choose “Save as test case”, or start one with
          “New test case”.
        </p>
      ) : (
        <ul className="tests-list" aria-label="Test cases">
          {shown.map((stored) => (
            <TestCaseRow
              key={stored.testCase.id}
              stored={stored}
              versionResult={versionRun?.results.find((r) => r.caseId === stored.testCase.id)}
              busy={busy}
              onRun={() => runCases([stored.testCase.id])}
              onEdit={() => setEditing({ testCase: stored.testCase, revision: stored.revision })}
              onReplay={() => {
                onReplay(replayMessages(stored.testCase));
              }}
              onDelete={() =>
                remove.mutate(
                  { botId, caseId: stored.testCase.id },
                  { onSuccess: () => setDeleted(stored.testCase) },
                )
              }
            />
          ))}
        </ul>
      )}
      {pages > 1 && (
        <nav className="pagination" aria-label="Test case pages">
          <button type="button" disabled={page === 1} onClick={() => setPage(page - 1)}>
            Previous
          </button>
          <span className="muted">
            Page {page} of {pages}
          </span>
          <button type="button" disabled={page === pages} onClick={() => setPage(page + 1)}>
            Next
          </button>
        </nav>
      )}
    </div>
  );
}

function TestCaseRow({
  stored,
  versionResult,
  busy,
  onRun,
  onEdit,
  onReplay,
  onDelete,
}: {
  stored: StoredTestCase;
  versionResult: BotTestRun['results'][number] | undefined;
  busy: boolean;
  onRun: () => void;
  onEdit: () => void;
  onReplay: () => void;
  onDelete: () => void;
}) {
  const { testCase, lastRun } = stored;
  const result = versionResult ?? (lastRun?.current ? lastRun : null);
  const status = result ? (result.passed ? 'passed' : 'failed') : 'not-run';
  const label = { passed: 'Passed', failed: 'Failed', 'not-run': lastRun ? 'Outdated' : 'Not run' }[
    status
  ];
  return (
    <li className={`tests-case tests-case-${status}`} aria-label={testCase.name}>
      <div className="tests-case-head">
        <span
          className={`badge ${status === 'passed' ? 'badge-success' : status === 'failed' ? 'badge-danger' : ''}`}
        >
          {label}
        </span>
        <span className="tests-case-name">{testCase.name}</span>
        <button type="button" disabled={busy} onClick={onRun} aria-label={`Run ${testCase.name}`}>
          Run
        </button>
        <button
          type="button"
          onClick={onReplay}
          aria-label={`Open ${testCase.name} in the preview`}
          title="Open in preview: replays the customer's part with the trace"
        >
          Open in preview
        </button>
        <button type="button" onClick={onEdit} aria-label={`Edit ${testCase.name}`}>
          Edit
        </button>
        <button type="button" onClick={onDelete} aria-label={`Delete ${testCase.name}`}>
          Delete
        </button>
      </div>
      {result?.failure && <FailureDetail failure={result.failure} />}
    </li>
  );
}
