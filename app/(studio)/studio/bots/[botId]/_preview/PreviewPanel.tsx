'use client';

import { useMutation } from '@tanstack/react-query';
import { TRPCClientError } from '@trpc/client';
import { useEffect, useRef, useState } from 'react';
import { errorMessage, useTRPC } from '@/app/_trpc/client';
import type { FlowDocument } from '@/bot-runtime/flow';
import type { MessageInput } from '@/sdk/types';
import type { PreviewTurn } from '@/server/bots/previewTurn';
import { SaveAsTestCase } from '../_tests/SaveAsTestCase';
import { PreviewChat } from './PreviewChat';
import { PreviewChatPort } from './PreviewChatPort';
import { TracePanel } from './TracePanel';
import './preview.css';

/**
 * "Preview": chat with the document being edited, unsaved edits included, and read the
 * engine's trace of every turn. Each turn sends the document as it is at that moment, so an
 * edit applies from the next message on; Restart begins again from the greeting. `replay`:
 * messages sent on opening, after the greeting, to play a saved test case again.
 */
export function PreviewPanel({
  replay,
  botId,
  botName,
  flow,
  onCurrentNode,
  onFocusNode,
  onClose,
  onTestCaseSaved,
}: {
  replay: readonly MessageInput[];
  botId: string;
  botName: string;
  flow: FlowDocument;
  /** The node the conversation waits at, or null when there is none. */
  onCurrentNode: (nodeId: string | null) => void;
  onFocusNode: (nodeId: string) => void;
  onClose: () => void;
  onTestCaseSaved: () => void;
}) {
  const trpc = useTRPC();
  const { mutateAsync } = useMutation(trpc.bots.previewTurn.mutationOptions());
  const latest = useRef({ flow, mutateAsync });
  useEffect(() => {
    latest.current = { flow, mutateAsync };
  }, [flow, mutateAsync]);

  const [port, setPort] = useState(() => {
    const opening = createPort();
    if (replay.length > 0) {
      opening.start();
      for (const message of replay) opening.send(message);
    }
    return opening;
  });
  const [turns, setTurns] = useState<PreviewTurn[]>([]);
  const [failure, setFailure] = useState<unknown>(null);

  function createPort() {
    return new PreviewChatPort(
      (state, input) =>
        latest.current.mutateAsync({ botId, document: latest.current.flow, state, input }),
      botName,
    );
  }

  useEffect(() => {
    const unsubscribe = port.onEvent((event) => {
      if (event.kind === 'failure') {
        setFailure(event.error);
        return;
      }
      setFailure(null);
      setTurns((current) => [...current, event.turn]);
      onCurrentNode(event.turn.currentNodeId);
    });
    return () => {
      unsubscribe();
    };
  }, [port, onCurrentNode]);

  useEffect(() => () => onCurrentNode(null), [onCurrentNode]);

  function restart() {
    port.close();
    setTurns([]);
    setFailure(null);
    onCurrentNode(null);
    setPort(createPort());
  }

  return (
    <section className="preview-panel" aria-label="Preview">
      <header className="preview-header">
        <h2>Preview</h2>
        <span className="muted">Draft · mock actions</span>
        <button type="button" onClick={restart}>
          Restart
        </button>
        <button type="button" aria-label="Close preview" onClick={onClose}>
          ×
        </button>
      </header>
      {failure !== null && <PreviewFailure error={failure} onFocusNode={onFocusNode} />}
      <PreviewChat port={port} />
      <SaveAsTestCase botId={botId} turns={turns} onSaved={onTestCaseSaved} />
      <section className="preview-trace-section" aria-label="Trace">
        <h3>Trace</h3>
        <TracePanel turns={turns} onFocusNode={onFocusNode} />
      </section>
    </section>
  );
}

/** Why the last turn could not run; a draft's errors are listed with a way to their nodes. */
function PreviewFailure({
  error,
  onFocusNode,
}: {
  error: unknown;
  onFocusNode: (nodeId: string) => void;
}) {
  const issues = issuesOf(error);
  return (
    <div className="alert alert-error preview-failure" role="alert">
      <p>
        {issues.length > 0
          ? `The draft has ${issues.length} problem${issues.length === 1 ? '' : 's'} to fix before it can be previewed:`
          : errorMessage(error)}
      </p>
      {issues.length > 0 && (
        <ul>
          {issues.map((issue, index) => (
            // Two issues can read the same (e.g. two dangling edges); order tells them apart.
            // biome-ignore lint/suspicious/noArrayIndexKey: see above
            <li key={index}>
              {issue.nodeId ? (
                <button type="button" onClick={() => issue.nodeId && onFocusNode(issue.nodeId)}>
                  {issue.message}
                </button>
              ) : (
                issue.message
              )}
            </li>
          ))}
        </ul>
      )}
      <p className="muted">Fix the draft, then choose Restart.</p>
    </div>
  );
}

function issuesOf(error: unknown): { message: string; nodeId?: string }[] {
  if (!(error instanceof TRPCClientError)) return [];
  const details = error.data?.domainDetails as { issues?: unknown } | null | undefined;
  if (!Array.isArray(details?.issues)) return [];
  return details.issues.flatMap((issue: unknown) => {
    const { message, nodeId } = (issue ?? {}) as { message?: unknown; nodeId?: unknown };
    if (typeof message !== 'string') return [];
    return [{ message, ...(typeof nodeId === 'string' ? { nodeId } : {}) }];
  });
}
