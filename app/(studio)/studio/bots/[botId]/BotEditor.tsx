'use client';

import { useQuery, useQueryClient } from '@tanstack/react-query';
import { ReactFlowProvider, useReactFlow } from '@xyflow/react';
import Link from 'next/link';
import { useCallback, useDeferredValue, useEffect, useMemo, useRef, useState } from 'react';
import { errorMessage, useTRPC } from '@/app/_trpc/client';
import type { ActionSummary } from '@/bot-runtime/actions';
import { type FlowDocument, type FlowIssue, validateFlow } from '@/bot-runtime/flow';
import type { BotDraft } from '@/server/bots/botDrafts';
import type { CanvasSize } from './_canvas/canvasSize';
import { FindBar } from './_canvas/FindBar';
import { FlowCanvas, MIN_ZOOM, type NodeSizes, type Selection } from './_canvas/FlowCanvas';
import { findNodes } from './_canvas/findNodes';
import { type CanvasElements, openingCanvasElements } from './_canvas/flowCanvasElements';
import { addNode, addNodeAfter, moveNodes } from './_canvas/flowEdits';
import { noteCanvasNodes } from './_canvas/noteCanvasNodes';
import { addNote } from './_canvas/noteEdits';
import { Palette } from './_canvas/Palette';
import { useNodeClipboard } from './_canvas/useNodeClipboard';
import { FlowCodeView } from './_code/FlowCodeView';
import { DraftConflictBanner } from './_draft/DraftConflictBanner';
import { SaveStatus } from './_draft/SaveStatus';
import { UndoRedoButtons } from './_draft/UndoRedoButtons';
import { useAutosave } from './_draft/useAutosave';
import { useFlowHistory } from './_draft/useFlowHistory';
import { useUndoShortcuts } from './_draft/useUndoShortcuts';
import { Inspector } from './_inspector/Inspector';
import { PreviewPanel } from './_preview/PreviewPanel';
import { ProblemsPanel } from './_problems/ProblemsPanel';
import { FlowSettingsDialog } from './_settings/FlowSettingsDialog';
import type { SettingsSection } from './_settings/flowSettingsEdits';
import { ComparePanel } from './_versions/ComparePanel';
import { compareFlows, type FlowComparison } from './_versions/flowComparison';
import { PublishDialog } from './_versions/PublishDialog';
import { VersionsPanel } from './_versions/VersionsPanel';

type SideTab = 'inspector' | 'problems' | 'versions';

const NO_NOTES: string[] = [];

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
 * React Flow starts with the flow as opened and fits it into the pane's remembered size, so the
 * server's render already draws the canvas (the browser refits if the pane is another size).
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
  const [{ opening, nodes }] = useState(() => {
    const elements = openingCanvasElements(draft.document, groupByNode(initialIssues ?? []));
    // Notes count in the fit and are drawn from the start; their edits work once the canvas runs.
    const notes = noteCanvasNodes(draft.document, [], {
      readOnly: !canEdit,
      onChange: () => {},
      onRemove: () => {},
    });
    return { opening: elements, nodes: [...notes, ...elements.nodes] };
  });
  return (
    <ReactFlowProvider
      initialNodes={nodes}
      initialEdges={opening.edges}
      initialWidth={canvasSize.width}
      initialHeight={canvasSize.height}
      initialMinZoom={MIN_ZOOM}
      fitView
    >
      <Editor
        draft={draft}
        actions={actions}
        canEdit={canEdit}
        initialIssues={initialIssues}
        opening={opening}
      />
    </ReactFlowProvider>
  );
}

function Editor({
  draft,
  actions,
  canEdit,
  initialIssues,
  opening,
}: {
  draft: BotDraft;
  actions: ActionSummary[];
  canEdit: boolean;
  initialIssues: FlowIssue[] | undefined;
  opening: CanvasElements;
}) {
  const trpc = useTRPC();
  const queryClient = useQueryClient();
  const reactFlow = useReactFlow();
  const botId = draft.botId;
  const history = useFlowHistory(draft.document);
  const autosave = useAutosave({
    botId,
    flow: history.flow,
    revision: draft.revision,
    enabled: canEdit,
  });
  const [viewing, setViewing] = useState<{ id: string; number: number; flow: FlowDocument } | null>(
    null,
  );
  const [comparison, setComparison] = useState<FlowComparison | null>(null);
  const [selection, setSelection] = useState<Selection>({ nodes: [], edges: [] });
  const sizes = useRef<NodeSizes>({});
  const [tab, setTab] = useState<SideTab>('inspector');
  const [codeView, setCodeView] = useState(false);
  const [find, setFind] = useState<{ query: string; current: number } | null>(null);
  const [publishing, setPublishing] = useState(false);
  const [notice, setNotice] = useState<string | null>(null);
  const [actionError, setActionError] = useState<string | null>(null);
  const [previewOpen, setPreviewOpen] = useState(false);
  const [previewNodeId, setPreviewNodeId] = useState<string | null>(null);
  /** The flow settings dialog, when open, and the part of it to show first. */
  const [settings, setSettings] = useState<{ section: SettingsSection | null } | null>(null);

  const readOnly = !canEdit || viewing !== null || comparison !== null;
  const flow = comparison?.flow ?? viewing?.flow ?? history.flow;
  const knownActions = useMemo(() => actions.map((a) => a.name), [actions]);
  // A comparison draws two flows in one: its marks are the differences, not problems.
  // Checking waits until the canvas has drawn (and followed a drag). The draft as opened was
  // checked by the server.
  const checkedFlow = useDeferredValue(
    comparison ? null : flow,
    initialIssues ? draft.document : null,
  );
  const issues = useMemo(() => {
    if (!checkedFlow || comparison) return [];
    if (checkedFlow === draft.document && initialIssues) return initialIssues;
    return validateFlow(checkedFlow, { knownActions });
  }, [comparison, checkedFlow, knownActions, draft.document, initialIssues]);
  const issuesByNode = useMemo(() => groupByNode(issues), [issues]);
  const errors = issues.filter((i) => i.severity === 'error');
  const foundIds = useMemo(() => (find ? findNodes(flow, find.query) : []), [find, flow]);
  const foundNodeIds = useMemo(() => new Set(foundIds), [foundIds]);
  const selectedNode =
    selection.nodes.length === 1 ? flow.nodes.find((n) => n.id === selection.nodes[0]) : undefined;

  const apply = useCallback(
    (next: FlowDocument, mergeKey?: string) => {
      if (!readOnly) history.apply(next, mergeKey ?? null);
    },
    [readOnly, history.apply],
  );

  const focusNode = useCallback(
    (nodeId: string) => {
      const position = flow.layout.nodes[nodeId] ?? { x: 0, y: 0 };
      const size = reactFlow.getNode(nodeId)?.measured;
      reactFlow.setCenter(
        position.x + (size?.width ?? 0) / 2,
        position.y + (size?.height ?? 0) / 2,
        { zoom: Math.max(reactFlow.getZoom(), 1), duration: 300 },
      );
      setSelection({ nodes: [nodeId], edges: [] });
      setTab('inspector');
    },
    [flow.layout.nodes, reactFlow],
  );

  const addFromPalette = useCallback(
    (type: string) => {
      const after = selection.nodes.length === 1 ? selection.nodes[0] : undefined;
      const added = after
        ? addNodeAfter(history.flow, type, after)
        : addNode(history.flow, type, viewportCentre(reactFlow));
      apply(added.flow);
      setSelection({ nodes: [added.nodeId], edges: [] });
      setTab('inspector');
    },
    [selection.nodes, history.flow, reactFlow, apply],
  );

  const addNoteAtCentre = useCallback(() => {
    const added = addNote(history.flow, viewportCentre(reactFlow));
    apply(added.flow);
    setSelection({ nodes: [], edges: [], notes: [added.noteId] });
  }, [history.flow, reactFlow, apply]);

  useUndoShortcuts(!readOnly, history.undo, history.redo);
  const pastePosition = useCallback(() => viewportCentre(reactFlow), [reactFlow]);
  const selectPasted = useCallback((pasted: { nodeIds: string[]; noteIds: string[] }) => {
    setSelection({ nodes: pasted.nodeIds, edges: [], notes: pasted.noteIds });
  }, []);
  useNodeClipboard({
    enabled: !codeView,
    readOnly,
    shown: flow,
    editable: history.flow,
    selectedNodeIds: selection.nodes,
    selectedNoteIds: selection.notes ?? NO_NOTES,
    pastePosition,
    onApply: apply,
    onPasted: selectPasted,
  });

  useEffect(() => {
    if (codeView) return;
    function onKeyDown(event: KeyboardEvent) {
      if (!(event.ctrlKey || event.metaKey) || event.key.toLowerCase() !== 'f') return;
      // Monaco has its own find; everywhere else in the editor, find searches the canvas.
      if (event.target instanceof Element && event.target.closest('.monaco-editor')) return;
      event.preventDefault();
      setFind((current) => current ?? { query: '', current: -1 });
    }
    window.addEventListener('keydown', onKeyDown);
    return () => window.removeEventListener('keydown', onKeyDown);
  }, [codeView]);

  function moveToMatch(step: 1 | -1) {
    if (!find || foundIds.length === 0) return;
    const current = (find.current + step + foundIds.length) % foundIds.length;
    setFind({ ...find, current });
    const nodeId = foundIds[current];
    if (nodeId) focusNode(nodeId);
  }

  async function arrange() {
    // ELK is large and only needed here, so it loads on the first auto-layout.
    const { autoLayout } = await import('./_canvas/autoLayout');
    const measured = Object.fromEntries(
      reactFlow.getNodes().map((node) => [node.id, node.measured]),
    );
    const positions = await autoLayout(history.flow, measured);
    apply(moveNodes(history.flow, positions));
    requestAnimationFrame(() => reactFlow.fitView({ duration: 300 }));
  }

  async function reload() {
    const fresh = await queryClient.fetchQuery({
      ...trpc.bots.draft.queryOptions({ botId }),
      staleTime: 0,
    });
    history.reset(fresh.document);
    autosave.resetTo(fresh.document, fresh.revision);
    setNotice(`Reloaded the draft saved by ${fresh.updatedBy ?? 'someone'}.`);
  }

  async function download() {
    setActionError(null);
    try {
      const exported = await queryClient.fetchQuery({
        ...trpc.bots.export.queryOptions({ botId }),
        staleTime: 0,
      });
      downloadJson(exported.fileName, exported.document);
    } catch (error) {
      setActionError(errorMessage(error));
    }
  }

  async function loadVersion(versionId: string) {
    setActionError(null);
    try {
      return await queryClient.fetchQuery(trpc.bots.version.queryOptions({ botId, versionId }));
    } catch (error) {
      setActionError(errorMessage(error));
      return null;
    }
  }

  async function openVersion(versionId: string) {
    const version = await loadVersion(versionId);
    if (!version) return;
    setComparison(null);
    setViewing({ id: version.id, number: version.number, flow: version.flow });
    setSelection({ nodes: [], edges: [] });
    requestAnimationFrame(() => reactFlow.fitView());
  }

  async function restoreVersion(versionId: string) {
    const version = await loadVersion(versionId);
    if (!version) return;
    setViewing(null);
    setComparison(null);
    history.apply(version.flow);
    setSelection({ nodes: [], edges: [] });
    setNotice(`Draft restored from version ${version.number}. Undo brings your edits back.`);
  }

  /** Compares a version with the draft (`against` null) or with another version, older first. */
  async function compare(versionId: string, against: string | null) {
    const version = await loadVersion(versionId);
    const other = against ? await loadVersion(against) : null;
    if (!version || (against && !other)) return;
    if (other) {
      const [older, newer] = version.number < other.number ? [version, other] : [other, version];
      setComparison(
        compareFlows(
          { label: `Version ${older.number}`, versionId: null, flow: older.flow },
          { label: `Version ${newer.number}`, flow: newer.flow },
        ),
      );
    } else {
      setComparison(
        compareFlows(
          { label: `Version ${version.number}`, versionId: version.id, flow: version.flow },
          { label: 'Draft', flow: history.flow },
        ),
      );
    }
    setViewing(null);
    setSelection({ nodes: [], edges: [] });
    setTab('inspector');
    requestAnimationFrame(() => reactFlow.fitView({ duration: 300 }));
  }

  return (
    <div className="editor">
      <header className="editor-toolbar">
        <Link href="/studio">← Bots</Link>
        <h1>{draft.botName}</h1>
        {comparison ? (
          <span className="badge">
            Comparing {comparison.beforeLabel} → {comparison.afterLabel}
          </span>
        ) : viewing ? (
          <span className="badge">Version {viewing.number}, read-only</span>
        ) : !canEdit ? (
          <span className="badge">Read-only</span>
        ) : (
          <SaveStatus state={autosave.state} unsaved={autosave.unsaved} onRetry={autosave.retry} />
        )}
        <div className="row editor-actions">
          {/* A full page load, so the browser warns before leaving with unsaved changes. */}
          <a className="button" href={`/studio/bots/${botId}/intents`}>
            Intents &amp; entities
          </a>
          <button
            type="button"
            aria-haspopup="dialog"
            onClick={() => setSettings({ section: null })}
          >
            Flow settings
          </button>
          {!readOnly && (
            <>
              <UndoRedoButtons history={history} />
              <button type="button" onClick={arrange}>
                Auto-layout
              </button>
            </>
          )}
          <button
            type="button"
            aria-pressed={previewOpen}
            onClick={() => setPreviewOpen((open) => !open)}
          >
            Preview
          </button>
          <button
            type="button"
            aria-pressed={codeView}
            onClick={() => setCodeView((shown) => !shown)}
          >
            Code
          </button>
          {!codeView && (
            <>
              <button
                type="button"
                title="Ctrl/Cmd+F"
                onClick={() => setFind((current) => current ?? { query: '', current: -1 })}
              >
                Find
              </button>
              <button type="button" onClick={() => reactFlow.fitView({ duration: 300 })}>
                Zoom to fit
              </button>
            </>
          )}
          <button type="button" onClick={download}>
            Export
          </button>
          {comparison && (
            <>
              {canEdit && comparison.beforeVersionId && (
                <button
                  type="button"
                  onClick={() =>
                    comparison.beforeVersionId && restoreVersion(comparison.beforeVersionId)
                  }
                >
                  Restore {comparison.beforeLabel.toLowerCase()} to draft
                </button>
              )}
              <button type="button" onClick={() => setComparison(null)}>
                Back to draft
              </button>
            </>
          )}
          {viewing && (
            <>
              {canEdit && (
                <button type="button" onClick={() => restoreVersion(viewing.id)}>
                  Restore to draft
                </button>
              )}
              <button type="button" onClick={() => setViewing(null)}>
                Back to draft
              </button>
            </>
          )}
          {!readOnly && (
            <button type="button" className="primary" onClick={() => setPublishing(true)}>
              Publish…
            </button>
          )}
        </div>
      </header>

      {autosave.state.status === 'conflict' && (
        <DraftConflictBanner
          conflict={autosave.state.conflict}
          onReload={reload}
          onOverwrite={autosave.overwrite}
        />
      )}
      {(notice || actionError) && (
        <div
          className={`alert ${actionError ? 'alert-error' : 'alert-success'} editor-banner`}
          role={actionError ? 'alert' : 'status'}
        >
          {actionError ?? notice}{' '}
          <button
            type="button"
            onClick={() => {
              setNotice(null);
              setActionError(null);
            }}
          >
            Dismiss
          </button>
        </div>
      )}

      {find && !codeView && (
        <FindBar
          query={find.query}
          matchCount={foundIds.length}
          current={find.current}
          onQuery={(query) => setFind({ query, current: -1 })}
          onMove={moveToMatch}
          onClose={() => setFind(null)}
        />
      )}
      <div
        className={`editor-body${readOnly || codeView ? ' is-readonly' : ''}${previewOpen ? ' has-preview' : ''}`}
      >
        {!readOnly && !codeView && <Palette onAdd={addFromPalette} onAddNote={addNoteAtCentre} />}
        {codeView ? (
          <FlowCodeView flow={flow} readOnly={readOnly} onApply={apply} />
        ) : (
          <FlowCanvas
            flow={flow}
            issuesByNode={issuesByNode}
            readOnly={readOnly}
            selection={selection}
            foundNodeIds={foundNodeIds}
            comparison={comparison}
            sizes={sizes}
            opening={opening}
            onSelection={setSelection}
            onApply={apply}
            onPreview={history.preview}
            onCheckpoint={history.checkpoint}
            previewNodeId={previewOpen ? previewNodeId : null}
          />
        )}
        <aside className="editor-side">
          <div className="tabs" role="tablist" aria-label="Panels">
            {(['inspector', 'problems', 'versions'] as const).map((name) => (
              <button
                key={name}
                type="button"
                role="tab"
                aria-selected={tab === name}
                onClick={() => setTab(name)}
              >
                {TAB_LABELS[name]}
                {name === 'problems' && issues.length > 0 && (
                  <span className={`badge ${errors.length > 0 ? 'badge-danger' : 'badge-warning'}`}>
                    {issues.length}
                  </span>
                )}
              </button>
            ))}
          </div>
          <div className="tab-panel" role="tabpanel" aria-label={TAB_LABELS[tab]}>
            {tab === 'inspector' && comparison && (
              <ComparePanel
                comparison={comparison}
                selectedNodeId={selection.nodes.length === 1 ? selection.nodes[0] : undefined}
                onFocusNode={focusNode}
              />
            )}
            {tab === 'inspector' && !comparison && (
              <Inspector
                flow={flow}
                node={selectedNode}
                issues={selectedNode ? (issuesByNode.get(selectedNode.id) ?? []) : []}
                actions={actions}
                readOnly={readOnly}
                onChange={apply}
              />
            )}
            {tab === 'problems' && (
              <ProblemsPanel
                issues={issues}
                onFocusNode={focusNode}
                onOpenSettings={(section) => setSettings({ section })}
              />
            )}
            {tab === 'versions' && (
              <VersionsPanel
                botId={botId}
                canEdit={canEdit}
                viewingVersionId={viewing?.id ?? null}
                onOpen={openVersion}
                onCompare={compare}
                onRestore={restoreVersion}
              />
            )}
          </div>
        </aside>
        {previewOpen && (
          <PreviewPanel
            botId={botId}
            botName={draft.botName}
            flow={history.flow}
            onCurrentNode={setPreviewNodeId}
            onFocusNode={focusNode}
            onClose={() => setPreviewOpen(false)}
          />
        )}
      </div>

      <FlowSettingsDialog
        open={settings !== null}
        section={settings?.section ?? null}
        flow={flow}
        issues={issues}
        readOnly={readOnly}
        readOnlyNote={
          !canEdit
            ? 'Your role can read these settings but not change them.'
            : comparison
              ? 'These are the settings of the comparison’s newer side; go back to the draft to change them.'
              : `These are the settings of version ${viewing?.number}; go back to the draft to change them.`
        }
        history={history}
        onApply={apply}
        onFocusNode={(nodeId) => {
          setSettings(null);
          focusNode(nodeId);
        }}
        onClose={() => setSettings(null)}
      />
      <PublishDialog
        open={publishing}
        botId={botId}
        errors={errors}
        saving={autosave.unsaved}
        onClose={() => setPublishing(false)}
        onFocusNode={focusNode}
        onOpenSettings={(section) => setSettings({ section })}
        onPublished={(number) => {
          setPublishing(false);
          setNotice(`Published version ${number}.`);
        }}
      />
    </div>
  );
}

const TAB_LABELS: Record<SideTab, string> = {
  inspector: 'Inspector',
  problems: 'Problems',
  versions: 'Versions',
};

function groupByNode(issues: FlowIssue[]): Map<string, FlowIssue[]> {
  const byNode = new Map<string, FlowIssue[]>();
  for (const issue of issues) {
    if (!issue.nodeId) continue;
    byNode.set(issue.nodeId, [...(byNode.get(issue.nodeId) ?? []), issue]);
  }
  return byNode;
}

function viewportCentre(reactFlow: ReturnType<typeof useReactFlow>) {
  const canvas = document.querySelector('[data-testid="flow-canvas"]')?.getBoundingClientRect();
  const centre = canvas
    ? { x: canvas.left + canvas.width / 2, y: canvas.top + canvas.height / 2 }
    : { x: window.innerWidth / 2, y: window.innerHeight / 2 };
  const position = reactFlow.screenToFlowPosition(centre);
  return { x: position.x - 110, y: position.y - 40 };
}

function downloadJson(fileName: string, document: unknown) {
  const url = URL.createObjectURL(
    new Blob([JSON.stringify(document, null, 2)], { type: 'application/json' }),
  );
  const link = Object.assign(window.document.createElement('a'), { href: url, download: fileName });
  link.click();
  URL.revokeObjectURL(url);
}
