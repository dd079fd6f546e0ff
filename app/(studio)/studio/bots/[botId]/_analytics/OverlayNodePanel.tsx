'use client';

import { useInfiniteQuery, useQuery } from '@tanstack/react-query';
import { useEffect, useRef, useState } from 'react';
import { errorMessage, useTRPC } from '@/app/_trpc/client';
import type { ConversationOutcome } from '@/server/bots/conversationOutcome';
import type { OverlayNode } from '@/server/reports/botFlowOverlay';
import type { FlowOverlay } from './useFlowOverlay';

const OUTCOME_LABELS: Record<ConversationOutcome, string> = {
  contained: 'Contained',
  escalated: 'Escalated',
  abandoned: 'Abandoned',
  error: 'Error',
  noAgent: 'No agent',
  inProgress: 'In progress',
};

const OUTCOMES = Object.keys(OUTCOME_LABELS) as ConversationOutcome[];

const PAGE_SIZE = 20;

/**
 * A node's analytics while the overlay is on: how the conversations that reached it ended, and
 * the transcripts of those that went through it, read here (designers may not open the console).
 * Escape closes it.
 */
export function OverlayNodePanel({
  overlay,
  node,
  onClose,
}: {
  overlay: FlowOverlay;
  node: { id: string; label: string };
  onClose: () => void;
}) {
  const [sessionId, setSessionId] = useState<string | null>(null);
  const heading = useRef<HTMLHeadingElement>(null);
  const counts: OverlayNode | undefined = overlay.counts.data?.nodes.find(
    (n) => n.nodeId === node.id,
  );

  // biome-ignore lint/correctness/useExhaustiveDependencies: focus moves when another node opens.
  useEffect(() => {
    setSessionId(null);
    heading.current?.focus();
  }, [node.id]);
  useEffect(() => {
    const onKey = (event: KeyboardEvent) => {
      if (event.key !== 'Escape' || event.defaultPrevented) return;
      event.preventDefault();
      onClose();
    };
    window.addEventListener('keydown', onKey);
    return () => window.removeEventListener('keydown', onKey);
  }, [onClose]);

  return (
    <section className="overlay-panel" aria-labelledby="overlay-panel-heading">
      <div className="row">
        <h2 id="overlay-panel-heading" ref={heading} tabIndex={-1}>
          {node.label}
        </h2>
        <button type="button" onClick={onClose} aria-label="Close analytics (Escape)">
          Close
        </button>
      </div>
      {overlay.counts.isPending ? (
        <p className="muted">Counting conversations…</p>
      ) : !counts || counts.conversations === 0 ? (
        <p className="muted">No conversation reached this node in the range.</p>
      ) : (
        <>
          <table
            className="overlay-outcomes"
            aria-label="How the conversations that reached it ended"
          >
            <tbody>
              <tr>
                <th scope="row">Reached it</th>
                <td>{counts.conversations}</td>
              </tr>
              {OUTCOMES.map((outcome) => (
                <tr key={outcome}>
                  <th scope="row">{OUTCOME_LABELS[outcome]}</th>
                  <td data-testid={`overlay-outcome-${outcome}`}>{counts.outcomes[outcome]}</td>
                </tr>
              ))}
            </tbody>
          </table>
          {sessionId ? (
            <Transcript sessionId={sessionId} onBack={() => setSessionId(null)} />
          ) : (
            <NodeConversations overlay={overlay} nodeId={node.id} onOpen={setSessionId} />
          )}
        </>
      )}
    </section>
  );
}

function NodeConversations({
  overlay,
  nodeId,
  onOpen,
}: {
  overlay: FlowOverlay;
  nodeId: string;
  onOpen: (sessionId: string) => void;
}) {
  const trpc = useTRPC();
  const list = useInfiniteQuery(
    trpc.botAnalytics.nodeConversations.infiniteQueryOptions(
      { botVersionId: overlay.versionId ?? '', range: overlay.range, nodeId, limit: PAGE_SIZE },
      { enabled: overlay.versionId !== null, getNextPageParam: (page) => page.nextCursor },
    ),
  );
  if (list.isPending) return <p className="muted">Loading conversations…</p>;
  if (list.isError) {
    return (
      <div className="alert alert-error" role="alert">
        {errorMessage(list.error)}{' '}
        <button type="button" onClick={() => list.refetch()}>
          Retry
        </button>
      </div>
    );
  }
  const first = list.data.pages[0];
  const items = list.data.pages.flatMap((page) => page.items);
  return (
    <div>
      <h3>Conversations through it</h3>
      {first?.startsBeforeTraces && (
        <p className="muted">
          Transcripts are kept for {first.retentionDays} days: conversations before{' '}
          {first.listedFrom.toLocaleDateString()} are counted above but cannot be listed.
        </p>
      )}
      {items.length === 0 ? (
        <p className="muted">None whose transcript is still kept.</p>
      ) : (
        <ul className="overlay-conversations">
          {items.map((item) => (
            <li key={item.sessionId}>
              <button type="button" onClick={() => onOpen(item.sessionId)}>
                {item.startedAt.toLocaleString()} · {OUTCOME_LABELS[item.outcome]}
              </button>
            </li>
          ))}
        </ul>
      )}
      {list.hasNextPage && (
        <button
          type="button"
          disabled={list.isFetchingNextPage}
          onClick={() => list.fetchNextPage()}
        >
          {list.isFetchingNextPage ? 'Loading…' : 'Show more'}
        </button>
      )}
    </div>
  );
}

function Transcript({ sessionId, onBack }: { sessionId: string; onBack: () => void }) {
  const trpc = useTRPC();
  const transcript = useQuery(trpc.botAnalytics.transcript.queryOptions({ sessionId }));
  const back = useRef<HTMLButtonElement>(null);
  useEffect(() => back.current?.focus(), []);
  return (
    <div>
      <div className="row">
        <h3>Transcript</h3>
        <button type="button" ref={back} onClick={onBack}>
          ← Conversations
        </button>
      </div>
      {transcript.isPending && <p className="muted">Loading the transcript…</p>}
      {transcript.isError && (
        <div className="alert alert-error" role="alert">
          {errorMessage(transcript.error)}
        </div>
      )}
      {transcript.data && (
        <>
          <p className="muted">Started {transcript.data.createdAt.toLocaleString()}</p>
          <ol className="overlay-transcript" aria-label="Transcript">
            {transcript.data.entries.map((entry) => (
              <li key={entry.seq}>
                <span className={`actor actor-${entry.actorType}`}>
                  {entry.actorName || entry.actorType}:
                </span>{' '}
                {entry.text}
              </li>
            ))}
          </ol>
          {transcript.data.truncated && (
            <p className="muted">The first 500 entries are shown; the conversation goes on.</p>
          )}
        </>
      )}
    </div>
  );
}
