'use client';

import { useMutation } from '@tanstack/react-query';
import { TRPCClientError } from '@trpc/client';
import { useEffect, useRef, useState } from 'react';
import { errorMessage, useTRPC } from '@/app/_trpc/client';
import type { FlowDocument } from '@/bot-runtime/flow';
import type { PreviewNotification } from '@/server/bots/previewNotification';
import type { PreviewTurn } from '@/server/bots/previewTurn';
import { SaveAsTestCase } from '../_tests/SaveAsTestCase';
import { AgentReplyRehearsal } from './AgentReplyRehearsal';
import { HandoffRehearsalCard } from './HandoffRehearsalCard';
import { NotificationCard } from './NotificationCard';
import { PreviewChat } from './PreviewChat';
import { PreviewChatPort, type PreviewReplayStep } from './PreviewChatPort';
import { PreviewSetupForm } from './PreviewSetupForm';
import { DRAFT_SETUP, describeSetup, type PreviewSetup, setupRequest } from './previewSetup';
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
  selectedNode,
  canUseRealServices,
  onTurns,
  onFocusNode,
  onClose,
  onTestCaseSaved,
}: {
  replay: readonly PreviewReplayStep[];
  botId: string;
  botName: string;
  flow: FlowDocument;
  /** The node selected on the canvas, which a conversation can start from. */
  selectedNode: { id: string; label: string } | null;
  /** Designers and admins may preview with a deployment's real services. */
  canUseRealServices: boolean;
  /** The conversation's turns so far, whenever they change; none once the panel closes. */
  onTurns: (turns: readonly PreviewTurn[]) => void;
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
      opening.replay(replay);
    }
    return opening;
  });
  const [turns, setTurns] = useState<PreviewTurn[]>([]);
  const [failure, setFailure] = useState<unknown>(null);
  const [setup, setSetup] = useState<PreviewSetup>(DRAFT_SETUP);
  const [setupOpen, setSetupOpen] = useState(false);
  // The newest notification only: they share the conversation's collapse id, so the phone
  // shows one.
  const [notification, setNotification] = useState<{
    from: 'agent' | 'bot';
    notification: PreviewNotification;
  } | null>(null);
  // Read by the port on every turn; set before a restart, whose first turn runs before effects.
  const setupRef = useRef(setup);

  function createPort() {
    return new PreviewChatPort(
      (state, input) =>
        latest.current.mutateAsync({
          botId,
          document: latest.current.flow,
          state,
          input,
          ...setupRequest(setupRef.current),
        }),
      botName,
    );
  }

  function applySetup(next: PreviewSetup) {
    setupRef.current = next;
    setSetup(next);
    setSetupOpen(false);
    restart();
  }

  useEffect(() => {
    const unsubscribe = port.onEvent((event) => {
      if (event.kind === 'failure') {
        setFailure(event.error);
        return;
      }
      setFailure(null);
      setTurns((current) => [...current, event.turn]);
      const { notification: fromBot } = event.turn;
      setNotification(fromBot ? { from: 'bot', notification: fromBot } : null);
    });
    return () => {
      unsubscribe();
    };
  }, [port]);

  useEffect(() => onTurns(turns), [turns, onTurns]);
  useEffect(() => () => onTurns([]), [onTurns]);

  const lastTurn = turns.at(-1);
  const rehearsal = lastTurn?.status === 'escalated' ? lastTurn.rehearsal : null;

  function restart() {
    port.close();
    setTurns([]);
    setFailure(null);
    setNotification(null);
    setPort(createPort());
  }

  return (
    <section className="preview-panel" aria-label="Preview">
      <header className="preview-header">
        <h2>Preview</h2>
        <span className="muted" data-testid="preview-setup-summary">
          {describeSetup(setup)}
        </span>
        <button
          type="button"
          aria-expanded={setupOpen}
          onClick={() => setSetupOpen((open) => !open)}
        >
          Settings
        </button>
        <button type="button" onClick={restart}>
          Restart
        </button>
        <button type="button" aria-label="Close preview" onClick={onClose}>
          ×
        </button>
      </header>
      {setupOpen && (
        <PreviewSetupForm
          botId={botId}
          setup={setup}
          variables={flow.settings.variables}
          selectedNode={selectedNode}
          canUseRealServices={canUseRealServices}
          onApply={applySetup}
        />
      )}
      {failure !== null && <PreviewFailure error={failure} onFocusNode={onFocusNode} />}
      {notification && (
        <NotificationCard
          label={`Notification of the ${notification.from}'s reply`}
          notification={notification.notification}
          onDismiss={() => setNotification(null)}
        />
      )}
      <PreviewChat port={port} />
      {rehearsal && lastTurn && (
        <HandoffRehearsalCard rehearsal={rehearsal} onRehearse={(type) => port.rehearse(type)}>
          {setup.background && (
            <AgentReplyRehearsal
              agentName={rehearsal.chosen?.name ?? null}
              deploymentId={setup.background.deployment?.id ?? null}
              seq={lastTurn.state.lastSeq + 1}
              onNotification={(built) => setNotification({ from: 'agent', notification: built })}
            />
          )}
        </HandoffRehearsalCard>
      )}
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
