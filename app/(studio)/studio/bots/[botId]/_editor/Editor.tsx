'use client';

import { useCallback, useEffect, useMemo, useRef, useState } from 'react';
import type { ActionSummary } from '@/bot-runtime/actions';
import type { FlowDocument, FlowIssue } from '@/bot-runtime/flow';
import type { BotDraft } from '@/server/bots/botDrafts';
import { OverlayBar } from '../_analytics/OverlayBar';
import { OverlayNodePanel } from '../_analytics/OverlayNodePanel';
import { useFlowOverlay } from '../_analytics/useFlowOverlay';
import { FindBar } from '../_canvas/FindBar';
import { FlowCanvas, type NodeSizes, type Selection } from '../_canvas/FlowCanvas';
import type { CanvasElements } from '../_canvas/flowCanvasElements';
import type { OpeningView } from '../_canvas/openingViewport';
import { Palette } from '../_canvas/Palette';
import { useCanvasCommands } from '../_canvas/useCanvasCommands';
import { useCanvasFind } from '../_canvas/useCanvasFind';
import { useNodeClipboard } from '../_canvas/useNodeClipboard';
import { FlowCodeView } from '../_code/FlowCodeView';
import { DraftConflictBanner } from '../_draft/DraftConflictBanner';
import { useDraftSync } from '../_draft/useDraftSync';
import { useUndoShortcuts } from '../_draft/useUndoShortcuts';
import { Inspector } from '../_inspector/Inspector';
import type { PreviewReplayStep } from '../_preview/PreviewChatPort';
import { PreviewPanel } from '../_preview/PreviewPanel';
import { previewPath } from '../_preview/previewPath';
import { ProblemsPanel } from '../_problems/ProblemsPanel';
import { useFlowIssues } from '../_problems/useFlowIssues';
import { TestsPanel } from '../_tests/TestsPanel';
import { ComparePanel } from '../_versions/ComparePanel';
import { useVersionViewing } from '../_versions/useVersionViewing';
import { VersionsPanel } from '../_versions/VersionsPanel';
import { EditorBanner } from './EditorBanner';
import { EditorDialogs } from './EditorDialogs';
import { EditorSidePanel } from './EditorSidePanel';
import { EditorToolbar } from './EditorToolbar';
import { useDraftExport } from './useDraftExport';
import { useEditorBanner } from './useEditorBanner';
import { useEditorPanels } from './useEditorPanels';

const NO_NOTES: string[] = [];
const NO_STEPS: PreviewReplayStep[] = [];

/**
 * The opened editor: the draft (or a version, or a comparison) on the canvas or as code, with
 * the toolbar above and the side panel, the preview and the dialogs around it.
 */
export function Editor({
  draft,
  actions,
  canEdit,
  initialIssues,
  opening,
  openingView,
}: {
  draft: BotDraft;
  actions: ActionSummary[];
  canEdit: boolean;
  initialIssues: FlowIssue[] | undefined;
  opening: CanvasElements;
  openingView: OpeningView;
}) {
  const botId = draft.botId;
  const banner = useEditorBanner();
  const sync = useDraftSync({ draft, canEdit, onNotice: banner.setNotice });
  const { history, autosave } = sync;
  const panels = useEditorPanels();
  const [selection, setSelection] = useState<Selection>({ nodes: [], edges: [] });
  const sizes = useRef<NodeSizes>({});
  const versions = useVersionViewing({
    botId,
    history,
    onSelection: setSelection,
    onInspect: panels.showInspector,
    onNotice: banner.setNotice,
    onError: banner.setError,
  });
  const { viewing, comparison } = versions;
  // Designers and admins only: the counts come from customers' conversations.
  const overlay = useFlowOverlay(botId);

  // The overlay shows the published version it counts, read-only: the draft is never touched.
  const readOnly = !canEdit || viewing !== null || comparison !== null || overlay.on;
  const flow = overlay.flow ?? comparison?.flow ?? viewing?.flow ?? history.flow;
  const { issues, issuesByNode, errors } = useFlowIssues({
    flow,
    comparison,
    actions,
    opened: draft.document,
    initialIssues,
  });
  const selectedNode =
    selection.nodes.length === 1 ? flow.nodes.find((n) => n.id === selection.nodes[0]) : undefined;

  const apply = useCallback(
    (next: FlowDocument, mergeKey?: string) => {
      if (!readOnly) history.apply(next, mergeKey ?? null);
    },
    [readOnly, history.apply],
  );
  const canvas = useCanvasCommands({
    flow,
    editable: history.flow,
    selection,
    onSelection: setSelection,
    onApply: apply,
    onInspect: panels.showInspector,
  });
  const find = useCanvasFind({ flow, enabled: !panels.codeView, onFocusNode: canvas.focusNode });
  const download = useDraftExport(botId, banner.setError);
  const path = useMemo(
    () => previewPath(history.flow, panels.previewTurns),
    [history.flow, panels.previewTurns],
  );

  const closeNodeAnalytics = useCallback(() => setSelection({ nodes: [], edges: [] }), []);
  const toggleOverlay = () => {
    if (!overlay.on) versions.backToDraft();
    setSelection({ nodes: [], edges: [] });
    panels.showInspector();
    overlay.toggle();
  };
  const overlayNode = overlay.on && selectedNode ? selectedNode : undefined;
  const { showInspector } = panels;
  useEffect(() => {
    if (overlayNode) showInspector();
  }, [overlayNode, showInspector]);
  // Opening or comparing versions shows another flow: the overlay steps aside for it.
  const openVersion = (versionId: string) => {
    overlay.turnOff();
    versions.openVersion(versionId);
  };
  const compareVersions = (versionId: string, against: string | null) => {
    overlay.turnOff();
    versions.compare(versionId, against);
  };

  useUndoShortcuts(!readOnly, history.undo, history.redo);
  const selectPasted = useCallback((pasted: { nodeIds: string[]; noteIds: string[] }) => {
    setSelection({ nodes: pasted.nodeIds, edges: [], notes: pasted.noteIds });
  }, []);
  useNodeClipboard({
    enabled: !panels.codeView,
    readOnly,
    shown: flow,
    editable: history.flow,
    selectedNodeIds: selection.nodes,
    selectedNoteIds: selection.notes ?? NO_NOTES,
    pastePosition: canvas.pastePosition,
    onApply: apply,
    onPasted: selectPasted,
  });

  return (
    <div className="editor">
      <EditorToolbar
        botId={botId}
        botName={draft.botName}
        canEdit={canEdit}
        readOnly={readOnly}
        sync={sync}
        panels={panels}
        versions={versions}
        onArrange={canvas.arrange}
        onFind={find.open}
        onZoomToFit={canvas.zoomToFit}
        onExport={download}
        overlayOn={overlay.on}
        onToggleOverlay={canEdit ? toggleOverlay : null}
      />
      {overlay.on && <OverlayBar overlay={overlay} />}

      {autosave.state.status === 'conflict' && (
        <DraftConflictBanner
          conflict={autosave.state.conflict}
          onReload={sync.reload}
          onOverwrite={autosave.overwrite}
        />
      )}
      <EditorBanner banner={banner} />

      {find.bar && !panels.codeView && (
        <FindBar
          query={find.bar.query}
          matchCount={find.foundIds.length}
          current={find.bar.current}
          onQuery={find.search}
          onMove={find.moveToMatch}
          onClose={find.close}
        />
      )}
      <div
        className={`editor-body${readOnly || panels.codeView ? ' is-readonly' : ''}${panels.previewOpen ? ' has-preview' : ''}`}
      >
        {!readOnly && !panels.codeView && !panels.previewOpen && (
          <Palette onAdd={canvas.addFromPalette} onAddNote={canvas.addNoteAtCentre} />
        )}
        {panels.codeView ? (
          <FlowCodeView flow={flow} readOnly={readOnly} onApply={apply} />
        ) : (
          <FlowCanvas
            flow={flow}
            issuesByNode={issuesByNode}
            readOnly={readOnly}
            selection={selection}
            foundNodeIds={find.foundNodeIds}
            comparison={comparison}
            sizes={sizes}
            opening={opening}
            openingView={openingView}
            onSelection={setSelection}
            onApply={apply}
            onPreview={history.preview}
            onCheckpoint={history.checkpoint}
            previewPath={panels.previewOpen ? path : null}
            overlay={overlay.marks}
          />
        )}
        <EditorSidePanel
          tab={panels.tab}
          onTab={panels.setTab}
          problemCount={issues.length}
          errorCount={errors.length}
          preview={
            panels.previewOpen && (
              <PreviewPanel
                key={panels.replay?.key ?? 0}
                replay={panels.replay?.steps ?? NO_STEPS}
                botId={botId}
                botName={draft.botName}
                flow={history.flow}
                selectedNode={
                  selectedNode && viewing === null && comparison === null
                    ? { id: selectedNode.id, label: selectedNode.label || selectedNode.id }
                    : null
                }
                canUseRealServices={canEdit}
                onTurns={panels.setPreviewTurns}
                onFocusNode={canvas.focusNode}
                onClose={panels.closePreview}
                onTestCaseSaved={() => panels.setTab('tests')}
              />
            )
          }
        >
          {panels.tab === 'inspector' && comparison && (
            <ComparePanel
              comparison={comparison}
              selectedNodeId={selection.nodes.length === 1 ? selection.nodes[0] : undefined}
              onFocusNode={canvas.focusNode}
            />
          )}
          {panels.tab === 'inspector' && overlay.on && overlayNode && (
            <OverlayNodePanel
              overlay={overlay}
              node={{ id: overlayNode.id, label: overlayNode.label || overlayNode.id }}
              onClose={closeNodeAnalytics}
            />
          )}
          {panels.tab === 'inspector' && overlay.on && !overlayNode && (
            <p className="muted">
              Click a node (or select it and press Enter) to see how the conversations that reached
              it ended, and their transcripts.
            </p>
          )}
          {panels.tab === 'inspector' && !comparison && !overlay.on && (
            <Inspector
              flow={flow}
              node={selectedNode}
              issues={selectedNode ? (issuesByNode.get(selectedNode.id) ?? []) : []}
              actions={actions}
              readOnly={readOnly}
              onChange={apply}
            />
          )}
          {panels.tab === 'problems' && (
            <ProblemsPanel
              issues={issues}
              onFocusNode={canvas.focusNode}
              onOpenSettings={panels.openSettings}
            />
          )}
          {panels.tab === 'tests' && (
            <TestsPanel
              botId={botId}
              onReplay={panels.replayInPreview}
              saving={autosave.unsaved}
              nodeLabel={(nodeId) =>
                history.flow.nodes.find((node) => node.id === nodeId)?.label || nodeId
              }
            />
          )}
          {panels.tab === 'versions' && (
            <VersionsPanel
              botId={botId}
              canEdit={canEdit}
              viewingVersionId={viewing?.id ?? null}
              onOpen={openVersion}
              onCompare={compareVersions}
              onRestore={versions.restoreVersion}
            />
          )}
        </EditorSidePanel>
      </div>

      <EditorDialogs
        botId={botId}
        canEdit={canEdit}
        flow={flow}
        issues={issues}
        errors={errors}
        readOnly={readOnly}
        sync={sync}
        panels={panels}
        versions={versions}
        onApply={apply}
        onFocusNode={canvas.focusNode}
        onPublished={(number) => banner.setNotice(`Published version ${number}.`)}
      />
    </div>
  );
}
