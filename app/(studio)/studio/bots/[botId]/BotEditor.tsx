'use client';

import { useQuery } from '@tanstack/react-query';
import { ReactFlowProvider, useStoreApi, type Viewport } from '@xyflow/react';
import Link from 'next/link';
import { useState } from 'react';
import { errorMessage, useTRPC } from '@/app/_trpc/client';
import type { ActionSummary } from '@/bot-runtime/actions';
import type { FlowIssue } from '@/bot-runtime/flow';
import type { BotDraft } from '@/server/bots/botDrafts';
import type { CanvasSize } from './_canvas/canvasSize';
import { openingCanvasElements } from './_canvas/flowCanvasElements';
import { noteCanvasNodes } from './_canvas/noteCanvasNodes';
import { openingView } from './_canvas/openingViewport';
import { MIN_ZOOM } from './_canvas/zoomLevels';
import { Editor } from './_editor/Editor';
import { groupByNode } from './_problems/groupByNode';

/**
 * Opens the editor on the bot's draft and the action catalogue, which the page hands over when
 * it could read them (with the draft's problems and the size of the canvas to fit it into) and
 * which are loaded here otherwise.
 */
export function BotEditor({
  botId,
  canEdit,
  initialDraft,
  initialActions,
  initialIssues,
  canvasSize,
}: {
  botId: string;
  canEdit: boolean;
  initialDraft?: BotDraft;
  initialActions?: ActionSummary[];
  /** The problems of `initialDraft`, found on the server. */
  initialIssues?: FlowIssue[];
  canvasSize: CanvasSize;
}) {
  const trpc = useTRPC();
  const draft = useQuery({
    ...trpc.bots.draft.queryOptions({ botId }),
    initialData: initialDraft,
    staleTime: Number.POSITIVE_INFINITY,
    refetchOnWindowFocus: false,
  });
  const actions = useQuery({
    ...trpc.bots.actions.queryOptions(),
    initialData: initialActions,
    staleTime: Number.POSITIVE_INFINITY,
  });
  if (draft.isPending || actions.isPending) return <p className="muted">Loading the bot…</p>;
  if (draft.isError || actions.isError) {
    return (
      <div className="stack">
        <div className="alert alert-error" role="alert">
          {errorMessage(draft.error ?? actions.error)}{' '}
          <button type="button" onClick={() => (draft.isError ? draft : actions).refetch()}>
            Retry
          </button>
        </div>
        <Link href="/studio">Back to bots</Link>
      </div>
    );
  }
  return (
    <OpenedEditor
      draft={draft.data}
      actions={actions.data}
      canEdit={canEdit}
      initialIssues={draft.data === initialDraft ? initialIssues : undefined}
      canvasSize={canvasSize}
    />
  );
}

/**
 * React Flow starts with the flow as opened and at its opening view (see `openingViewport`) in
 * the pane's remembered size, so the server's render already draws the canvas (the browser
 * redoes the view if the pane is another size).
 */
function OpenedEditor({
  draft,
  actions,
  canEdit,
  initialIssues,
  canvasSize,
}: {
  draft: BotDraft;
  actions: ActionSummary[];
  canEdit: boolean;
  initialIssues: FlowIssue[] | undefined;
  canvasSize: CanvasSize;
}) {
  const [{ opening, nodes, view }] = useState(() => {
    const elements = openingCanvasElements(draft.document, groupByNode(initialIssues ?? []));
    // Notes count in the view and are drawn from the start; their edits work once the canvas runs.
    const notes = noteCanvasNodes(draft.document, [], {
      readOnly: !canEdit,
      onChange: () => {},
      onRemove: () => {},
    });
    const all = [...notes, ...elements.nodes];
    const startId = elements.nodes.find((node) => node.data.isEntry)?.id ?? null;
    return { opening: elements, nodes: all, view: openingView(all, startId, canvasSize) };
  });
  return (
    <ReactFlowProvider
      initialNodes={nodes}
      initialEdges={opening.edges}
      initialWidth={canvasSize.width}
      initialHeight={canvasSize.height}
      initialMinZoom={MIN_ZOOM}
    >
      <StartAt viewport={view.viewport} />
      <Editor
        draft={draft}
        actions={actions}
        canEdit={canEdit}
        initialIssues={initialIssues}
        opening={opening}
        openingView={view}
      />
    </ReactFlowProvider>
  );
}

/**
 * Puts React Flow's store at the opening view before anything draws from it, on the server as
 * in the browser; React Flow's provider can only start fitted to every node.
 */
function StartAt({ viewport }: { viewport: Viewport }) {
  const store = useStoreApi();
  useState(() => store.setState({ transform: [viewport.x, viewport.y, viewport.zoom] }));
  return null;
}
