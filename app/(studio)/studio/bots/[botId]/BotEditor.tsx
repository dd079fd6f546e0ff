'use client';

import { useQuery, useQueryClient } from '@tanstack/react-query';
import { ReactFlowProvider, useReactFlow } from '@xyflow/react';
import Link from 'next/link';
import { useCallback, useEffect, useMemo, useState } from 'react';
import { errorMessage, useTRPC } from '@/app/_trpc/client';
import type { ActionSummary } from '@/bot-runtime/actions';
import { type FlowDocument, type FlowIssue, validateFlow } from '@/bot-runtime/flow';
import type { BotDraft } from '@/server/bots/botDrafts';
import { autoLayout } from './autoLayout';
import { FlowCanvas, type NodeSizes, type Selection } from './FlowCanvas';
import { addNode, addNodeAfter, moveNodes } from './flowEdits';
import { Inspector } from './Inspector';
import { Palette } from './Palette';
import { ProblemsPanel } from './ProblemsPanel';
import { PublishDialog } from './PublishDialog';
import { SaveStatus } from './SaveStatus';
import { useAutosave } from './useAutosave';
import { useFlowHistory } from './useFlowHistory';
import { VersionsPanel } from './VersionsPanel';

type SideTab = 'inspector' | 'problems' | 'versions';

/** Loads the bot's draft and the action catalogue, then opens the editor on them. */
export function BotEditor({ botId, canEdit }: { botId: string; canEdit: boolean }) {
  const trpc = useTRPC();
  const draft = useQuery({
    ...trpc.bots.draft.queryOptions({ botId }),
    staleTime: Number.POSITIVE_INFINITY,
    refetchOnWindowFocus: false,
  });
  const actions = useQuery({
    ...trpc.bots.actions.queryOptions(),
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
    <ReactFlowProvider>
      <Editor draft={draft.data} actions={actions.data} canEdit={canEdit} />
    </ReactFlowProvider>
  );
}

function Editor({
  draft,
  actions,
  canEdit,
}: {
  draft: BotDraft;
  actions: ActionSummary[];
  canEdit: boolean;
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
  const [selection, setSelection] = useState<Selection>({ nodes: [], edges: [] });
  const [sizes, setSizes] = useState<NodeSizes>({});
  const [tab, setTab] = useState<SideTab>('inspector');
  const [publishing, setPublishing] = useState(false);
  const [notice, setNotice] = useState<string | null>(null);
  const [actionError, setActionError] = useState<string | null>(null);

  const readOnly = !canEdit || viewing !== null;
  const flow = viewing?.flow ?? history.flow;
  const knownActions = useMemo(() => actions.map((a) => a.name), [actions]);
  const issues = useMemo(() => validateFlow(flow, { knownActions }), [flow, knownActions]);
  const issuesByNode = useMemo(() => groupByNode(issues), [issues]);
  const errors = issues.filter((i) => i.severity === 'error');
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
      const size = sizes[nodeId];
      reactFlow.setCenter(
        position.x + (size?.width ?? 220) / 2,
        position.y + (size?.height ?? 90) / 2,
        { zoom: Math.max(reactFlow.getZoom(), 1), duration: 300 },
      );
      setSelection({ nodes: [nodeId], edges: [] });
      setTab('inspector');
    },
    [flow.layout.nodes, sizes, reactFlow],
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

  useEffect(() => {
    function onKeyDown(event: KeyboardEvent) {
      if (!(event.ctrlKey || event.metaKey) || isTextField(event.target)) return;
      const key = event.key.toLowerCase();
      if (readOnly) return;
      if (key === 'z') {
        event.preventDefault();
        if (event.shiftKey) history.redo();
        else history.undo();
      } else if (key === 'y') {
        event.preventDefault();
        history.redo();
      }
    }
    window.addEventListener('keydown', onKeyDown);
    return () => window.removeEventListener('keydown', onKeyDown);
  }, [readOnly, history.undo, history.redo]);

  async function arrange() {
    const positions = await autoLayout(history.flow, sizes);
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
    setViewing({ id: version.id, number: version.number, flow: version.flow });
    setSelection({ nodes: [], edges: [] });
    requestAnimationFrame(() => reactFlow.fitView());
  }

  async function restoreVersion(versionId: string) {
    const version = await loadVersion(versionId);
    if (!version) return;
    setViewing(null);
    history.apply(version.flow);
    setSelection({ nodes: [], edges: [] });
    setNotice(`Draft restored from version ${version.number}. Undo brings your edits back.`);
  }

  return (
    <div className="editor">
      <header className="editor-toolbar">
        <Link href="/studio">← Bots</Link>
        <h1>{draft.botName}</h1>
        {viewing ? (
          <span className="badge">Version {viewing.number}, read-only</span>
        ) : !canEdit ? (
          <span className="badge">Read-only</span>
        ) : (
          <SaveStatus state={autosave.state} unsaved={autosave.unsaved} onRetry={autosave.retry} />
        )}
        <div className="row editor-actions">
          {!readOnly && (
            <>
              <button
                type="button"
                onClick={history.undo}
                disabled={!history.canUndo}
                title="Ctrl/Cmd+Z"
              >
                Undo
              </button>
              <button
                type="button"
                onClick={history.redo}
                disabled={!history.canRedo}
                title="Shift+Ctrl/Cmd+Z"
              >
                Redo
              </button>
              <button type="button" onClick={arrange}>
                Auto-layout
              </button>
            </>
          )}
          <button type="button" onClick={() => reactFlow.fitView({ duration: 300 })}>
            Zoom to fit
          </button>
          <button type="button" onClick={download}>
            Export
          </button>
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
        <div className="alert alert-warning editor-banner" role="alert">
          <strong>{autosave.state.conflict.updatedBy ?? 'Someone'}</strong> saved this bot at{' '}
          {new Date(autosave.state.conflict.updatedAt).toLocaleString()} while you were editing.
          Your latest changes are not saved.
          <div className="row">
            <button type="button" onClick={reload}>
              Reload their version
            </button>
            <button type="button" className="danger" onClick={autosave.overwrite}>
              Overwrite with mine
            </button>
          </div>
        </div>
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

      <div className={`editor-body${readOnly ? ' is-readonly' : ''}`}>
        {!readOnly && <Palette onAdd={addFromPalette} />}
        <FlowCanvas
          flow={flow}
          issuesByNode={issuesByNode}
          readOnly={readOnly}
          selection={selection}
          foundNodeIds={NO_NODES}
          sizes={sizes}
          onSizes={setSizes}
          onSelection={setSelection}
          onApply={apply}
          onPreview={history.preview}
          onCheckpoint={history.checkpoint}
        />
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
            {tab === 'inspector' && (
              <Inspector
                flow={flow}
                node={selectedNode}
                issues={selectedNode ? (issuesByNode.get(selectedNode.id) ?? []) : []}
                actions={actions}
                readOnly={readOnly}
                onChange={apply}
              />
            )}
            {tab === 'problems' && <ProblemsPanel issues={issues} onFocusNode={focusNode} />}
            {tab === 'versions' && (
              <VersionsPanel
                botId={botId}
                canEdit={canEdit}
                viewingVersionId={viewing?.id ?? null}
                onOpen={openVersion}
                onRestore={restoreVersion}
              />
            )}
          </div>
        </aside>
      </div>

      <PublishDialog
        open={publishing}
        botId={botId}
        errors={errors}
        saving={autosave.unsaved}
        onClose={() => setPublishing(false)}
        onFocusNode={focusNode}
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

const NO_NODES: ReadonlySet<string> = new Set();

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

function isTextField(target: EventTarget | null): boolean {
  if (!(target instanceof HTMLElement)) return false;
  return target.isContentEditable || ['INPUT', 'TEXTAREA', 'SELECT'].includes(target.tagName);
}

function downloadJson(fileName: string, document: unknown) {
  const url = URL.createObjectURL(
    new Blob([JSON.stringify(document, null, 2)], { type: 'application/json' }),
  );
  const link = Object.assign(window.document.createElement('a'), { href: url, download: fileName });
  link.click();
  URL.revokeObjectURL(url);
}
