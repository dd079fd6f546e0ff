'use client';

import {
  type Connection,
  Controls,
  type Edge,
  type EdgeChange,
  type FinalConnectionState,
  MiniMap,
  type NodeChange,
  ReactFlow,
  useReactFlow,
  useStore,
  useStoreApi,
} from '@xyflow/react';
import '@xyflow/react/dist/style.css';
import {
  type DragEvent,
  type ReactNode,
  type RefObject,
  useCallback,
  useEffect,
  useLayoutEffect,
  useMemo,
  useRef,
  useState,
} from 'react';
import type { FlowDocument, FlowIssue } from '@/bot-runtime/flow';
import type { OverlayMarks } from '../_analytics/overlayMarks';
import type { PreviewPath } from '../_preview/previewPath';
import type { FlowComparison } from '../_versions/flowComparison';
import { canvasSizeCookie } from './canvasSize';
import { DotGrid } from './DotGrid';
import { DrawNodesFar, type FlowCanvasNode, FlowNodeView } from './FlowNodeView';
import {
  type CanvasElements,
  type CanvasMarks,
  type NodeSizes,
  toCanvasElements,
} from './flowCanvasElements';
import { addConnectedNode, addNode, connect, moveNodes, removeElements } from './flowEdits';
import { NodePicker } from './NodePicker';
import { noteCanvasNodes, noteIdOf } from './noteCanvasNodes';
import { moveNotes, removeNotes, resizeNotes, updateNote } from './noteEdits';
import { type OpeningView, openingViewport } from './openingViewport';
import { PALETTE_DRAG_TYPE } from './Palette';
import { type StickyNoteCanvasNode, StickyNoteView } from './StickyNoteView';
import { MIN_ZOOM } from './zoomLevels';

const nodeTypes = { flowNode: FlowNodeView, stickyNote: StickyNoteView };

type CanvasNode = FlowCanvasNode | StickyNoteCanvasNode;

export interface Selection {
  nodes: string[];
  edges: string[];
  /** Selected sticky notes; none when left out. */
  notes?: string[];
}

/** A connection dropped on empty canvas, waiting for the person to pick what it leads to. */
interface PendingConnection {
  from: { nodeId: string; output: string };
  screen: { x: number; y: number };
}

export type { NodeSizes };

/**
 * The flow drawn with React Flow. The flow document stays the one source of truth: every
 * canvas event becomes an edit of it (a drag is previewed, then recorded once when it ends).
 */
export function FlowCanvas({
  flow,
  issuesByNode,
  readOnly,
  selection,
  foundNodeIds,
  comparison,
  sizes,
  opening,
  openingView,
  onSelection,
  onApply,
  onPreview,
  onCheckpoint,
  previewPath = null,
  overlay = null,
}: {
  flow: FlowDocument;
  issuesByNode: Map<string, FlowIssue[]>;
  readOnly: boolean;
  selection: Selection;
  foundNodeIds: ReadonlySet<string>;
  /** While comparing: how each node and edge differs between the two flows drawn. */
  comparison: Pick<FlowComparison, 'nodeKinds' | 'edgeKinds'> | null;
  /**
   * The measured size of each node, kept out of state: React Flow already draws a node at the
   * size it measured, so a measurement needs no render of the editor.
   */
  sizes: RefObject<NodeSizes>;
  /** What React Flow was started with (see `openingCanvasElements`). */
  opening: CanvasElements;
  /** The view React Flow was started at (see `openingViewport`). */
  openingView: OpeningView;
  onSelection: (selection: Selection) => void;
  onApply: (flow: FlowDocument, mergeKey?: string) => void;
  onPreview: (flow: FlowDocument) => void;
  onCheckpoint: (before: FlowDocument) => void;
  /** The way the preview conversation went, marked on the canvas. */
  previewPath?: PreviewPath | null;
  /** The analytics overlay's counts, built once per answer from the server. */
  overlay?: OverlayMarks | null;
}) {
  const reactFlow = useReactFlow();
  const dragOrigin = useRef<FlowDocument | null>(null);
  const [dropHint, setDropHint] = useState(false);
  const [pending, setPending] = useState<PendingConnection | null>(null);
  const canvasRef = useRef<HTMLDivElement>(null);
  // Marked on the element, not kept in state, so starting a pan does not render the canvas.
  const markMoving = useCallback(
    (moving: boolean) => canvasRef.current?.toggleAttribute('data-moving', moving),
    [],
  );
  const drawn = useRef(opening.drawn);
  useRememberPaneSize();
  // The server's HTML shows the canvas before its code runs; until then it cannot be used.
  useEffect(() => canvasRef.current?.setAttribute('data-interactive', ''), []);

  const noteNodes = useMemo(
    () =>
      noteCanvasNodes(flow, selection.notes ?? [], {
        readOnly,
        onChange: (noteId, patch, mergeKey) => onApply(updateNote(flow, noteId, patch), mergeKey),
        onRemove: (noteId) => {
          onApply(removeNotes(flow, [noteId]));
          onSelection({ ...selection, notes: selection.notes?.filter((id) => id !== noteId) });
        },
      }),
    [flow, selection, readOnly, onApply, onSelection],
  );

  const marks = useMemo<CanvasMarks>(
    () => ({
      selectedNodeIds: new Set(selection.nodes),
      selectedEdgeIds: new Set(selection.edges),
      sizes: sizes.current,
      issuesByNode,
      foundNodeIds,
      nodeKinds: comparison?.nodeKinds ?? null,
      edgeKinds: comparison?.edgeKinds ?? null,
      preview: previewPath,
      overlay,
    }),
    [
      selection.nodes,
      selection.edges,
      sizes,
      issuesByNode,
      foundNodeIds,
      comparison,
      previewPath,
      overlay,
    ],
  );
  const elements = useMemo(() => toCanvasElements(flow, marks, drawn.current), [flow, marks]);
  // Only what React Flow was given can be handed back: a render React threw away gave it nothing.
  useLayoutEffect(() => {
    drawn.current = elements.drawn;
  }, [elements]);
  const fitted = useOpeningView(openingView);

  // Notes first, so the flow's boxes are drawn over them.
  const canvasNodes = useMemo<CanvasNode[]>(
    () => [...noteNodes, ...elements.nodes],
    [noteNodes, elements.nodes],
  );

  const onNodesChange = useCallback(
    (changes: NodeChange<CanvasNode>[]) => {
      const moved: Record<string, { x: number; y: number }> = {};
      const movedNotes: Record<string, { x: number; y: number }> = {};
      const resizedNotes: Record<string, { width: number; height: number }> = {};
      const measured: NodeSizes = {};
      let selectionChanged = false;
      let resizeEnded = false;
      const selectedNodes = new Set(selection.nodes);
      const selectedNotes = new Set(selection.notes);
      for (const change of changes) {
        if (change.type === 'add' || change.type === 'replace') continue;
        const noteId = noteIdOf(change.id);
        if (change.type === 'position' && change.position) {
          if (noteId) movedNotes[noteId] = change.position;
          else moved[change.id] = change.position;
        }
        if (change.type === 'dimensions' && change.dimensions) {
          measured[change.id] = change.dimensions;
          if (noteId && change.resizing) resizedNotes[noteId] = change.dimensions;
          if (noteId && change.resizing === false) resizeEnded = true;
        }
        if (change.type === 'select') {
          selectionChanged = true;
          const selected = noteId ? selectedNotes : selectedNodes;
          if (change.selected) selected.add(noteId ?? change.id);
          else selected.delete(noteId ?? change.id);
        }
      }
      Object.assign(sizes.current, measured);
      const resizing = Object.keys(resizedNotes).length > 0;
      // A resize is previewed, then recorded once when it ends, like a drag.
      if (resizing && !dragOrigin.current) dragOrigin.current = flow;
      if (
        !readOnly &&
        (resizing || Object.keys(moved).length + Object.keys(movedNotes).length > 0)
      ) {
        onPreview(resizeNotes(moveNotes(moveNodes(flow, moved), movedNotes), resizedNotes));
      }
      if (resizeEnded && dragOrigin.current) {
        onCheckpoint(dragOrigin.current);
        dragOrigin.current = null;
      }
      if (selectionChanged) {
        onSelection({
          nodes: [...selectedNodes],
          edges: selection.edges,
          notes: [...selectedNotes],
        });
      }
    },
    [flow, readOnly, selection, sizes, onPreview, onCheckpoint, onSelection],
  );

  const onEdgesChange = useCallback(
    (changes: EdgeChange[]) => {
      const selectedEdges = new Set(selection.edges);
      let selectionChanged = false;
      for (const change of changes) {
        if (change.type !== 'select') continue;
        selectionChanged = true;
        if (change.selected) selectedEdges.add(change.id);
        else selectedEdges.delete(change.id);
      }
      if (selectionChanged) onSelection({ ...selection, edges: [...selectedEdges] });
    },
    [selection, onSelection],
  );

  const onConnect = useCallback(
    (connection: Connection) => {
      if (!connection.sourceHandle || connection.source === connection.target) return;
      onApply(
        connect(flow, {
          sourceNodeId: connection.source,
          sourceOutput: connection.sourceHandle,
          targetNodeId: connection.target,
        }),
      );
    },
    [flow, onApply],
  );

  const onConnectEnd = useCallback(
    (event: MouseEvent | TouchEvent, connection: FinalConnectionState) => {
      const { fromHandle } = connection;
      const droppedOnPane =
        event.target instanceof Element && event.target.classList.contains('react-flow__pane');
      if (readOnly || connection.isValid || !droppedOnPane) return;
      if (fromHandle?.type !== 'source' || !fromHandle.id) return;
      const point = 'changedTouches' in event ? event.changedTouches[0] : event;
      if (!point) return;
      setPending({
        from: { nodeId: fromHandle.nodeId, output: fromHandle.id },
        screen: { x: point.clientX, y: point.clientY },
      });
    },
    [readOnly],
  );

  const addPendingNode = useCallback(
    (type: string) => {
      if (!pending) return;
      setPending(null);
      const position = reactFlow.screenToFlowPosition(pending.screen);
      const added = addConnectedNode(
        flow,
        type,
        { x: position.x - 110, y: position.y },
        pending.from,
      );
      onApply(added.flow);
      onSelection({ nodes: [added.nodeId], edges: [] });
    },
    [pending, flow, reactFlow, onApply, onSelection],
  );

  const onDrop = useCallback(
    (event: DragEvent) => {
      setDropHint(false);
      const type = event.dataTransfer.getData(PALETTE_DRAG_TYPE);
      if (!type || readOnly) return;
      event.preventDefault();
      const position = reactFlow.screenToFlowPosition({ x: event.clientX, y: event.clientY });
      const added = addNode(flow, type, { x: position.x - 110, y: position.y - 30 });
      onApply(added.flow);
      onSelection({ nodes: [added.nodeId], edges: [] });
    },
    [flow, readOnly, reactFlow, onApply, onSelection],
  );

  return (
    <div
      className={`flow-canvas${dropHint ? ' is-drop-target' : ''}`}
      ref={canvasRef}
      data-testid="flow-canvas"
      data-readonly={readOnly}
      data-overlay={overlay ? '' : undefined}
    >
      <DrawNodesFar value={!fitted}>
        <ReactFlow<CanvasNode, Edge>
          nodes={canvasNodes}
          edges={elements.edges}
          nodeTypes={nodeTypes}
          onNodesChange={onNodesChange}
          onEdgesChange={onEdgesChange}
          onConnect={onConnect}
          onConnectEnd={onConnectEnd}
          onNodeDragStart={() => {
            dragOrigin.current = flow;
          }}
          onNodeDragStop={() => {
            if (dragOrigin.current) onCheckpoint(dragOrigin.current);
            dragOrigin.current = null;
          }}
          onDelete={({ nodes: deletedNodes, edges: deletedEdges }) => {
            const noteIds = deletedNodes.flatMap((n) => noteIdOf(n.id) ?? []);
            onApply(
              removeNotes(
                removeElements(
                  flow,
                  deletedNodes.map((n) => n.id),
                  deletedEdges.map((e) => e.id),
                ),
                noteIds,
              ),
            );
            onSelection({ nodes: [], edges: [] });
          }}
          onDragOver={(event) => {
            if (readOnly || !event.dataTransfer.types.includes(PALETTE_DRAG_TYPE)) return;
            event.preventDefault();
            event.dataTransfer.dropEffect = 'move';
            setDropHint(true);
          }}
          onDragLeave={() => setDropHint(false)}
          onDrop={onDrop}
          onMoveStart={() => markMoving(true)}
          onMoveEnd={() => markMoving(false)}
          nodesDraggable={!readOnly}
          nodesConnectable={!readOnly}
          edgesReconnectable={false}
          deleteKeyCode={readOnly ? null : ['Delete', 'Backspace']}
          multiSelectionKeyCode={['Meta', 'Control']}
          selectionKeyCode="Shift"
          minZoom={MIN_ZOOM}
          defaultViewport={openingView.viewport}
          proOptions={{ hideAttribution: true }}
        >
          <DotGrid />
          <ClientOnly>
            <MiniMap pannable zoomable ariaLabel="Minimap" />
          </ClientOnly>
          <Controls showInteractive={false} />
        </ReactFlow>
      </DrawNodesFar>
      {pending && (
        <NodePicker at={pending.screen} onPick={addPendingNode} onCancel={() => setPending(null)} />
      )}
    </div>
  );
}

/**
 * Drawn once the page runs in the browser, not in the server's HTML: the minimap repeats every
 * node, which would add to the page the canvas is waiting for and is no use before the
 * canvas can be moved.
 */
function ClientOnly({ children }: { children: ReactNode }) {
  const [mounted, setMounted] = useState(false);
  useEffect(() => setMounted(true), []);
  return mounted ? children : null;
}

/**
 * The server drew the opening view for the pane size it was told; a pane of another size gets
 * its own. Until then nodes are drawn with least detail: drawing them in full for a view about
 * to change would be thrown away at once for a large flow.
 */
function useOpeningView(view: OpeningView): boolean {
  const store = useStoreApi();
  const reactFlow = useReactFlow();
  const [opened, setOpened] = useState(false);
  // React Flow has measured its pane in its own effects, which run before this one.
  // biome-ignore lint/correctness/useExhaustiveDependencies: the view is redone once, on opening.
  useEffect(() => {
    const { width, height } = store.getState();
    if (width > 0 && height > 0 && (width !== view.pane.width || height !== view.pane.height)) {
      reactFlow.setViewport(openingViewport(view.layout, { width, height }));
    }
    setOpened(true);
  }, []);
  return opened;
}

/** The next page the studio serves fits its canvas into this pane's size. */
function useRememberPaneSize() {
  const width = useStore((state) => state.width);
  const height = useStore((state) => state.height);
  useEffect(() => {
    if (width === 0 || height === 0) return;
    // biome-ignore lint/suspicious/noDocumentCookie: the Cookie Store API is missing from Safari before 18.4 and Firefox before 140; the value is two numbers.
    document.cookie = canvasSizeCookie({ width, height });
  }, [width, height]);
}
