'use client';

import {
  Background,
  type Connection,
  Controls,
  type Edge,
  type EdgeChange,
  MarkerType,
  MiniMap,
  type NodeChange,
  ReactFlow,
  useReactFlow,
} from '@xyflow/react';
import '@xyflow/react/dist/style.css';
import { type DragEvent, useCallback, useMemo, useRef, useState } from 'react';
import { type FlowDocument, type FlowIssue, nodeRegistry } from '@/bot-runtime/flow';
import { type FlowCanvasNode, FlowNodeView } from './FlowNodeView';
import type { FlowComparison } from './flowComparison';
import { addNode, connect, moveNodes, removeElements } from './flowEdits';
import { PALETTE_DRAG_TYPE } from './Palette';

const nodeTypes = { flowNode: FlowNodeView };

export interface Selection {
  nodes: string[];
  edges: string[];
}

export type NodeSizes = Record<string, { width?: number; height?: number } | undefined>;

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
  onSizes,
  onSelection,
  onApply,
  onPreview,
  onCheckpoint,
}: {
  flow: FlowDocument;
  issuesByNode: Map<string, FlowIssue[]>;
  readOnly: boolean;
  selection: Selection;
  foundNodeIds: ReadonlySet<string>;
  /** While comparing: how each node and edge differs between the two flows drawn. */
  comparison: Pick<FlowComparison, 'nodeKinds' | 'edgeKinds'> | null;
  sizes: NodeSizes;
  onSizes: (update: (sizes: NodeSizes) => NodeSizes) => void;
  onSelection: (selection: Selection) => void;
  onApply: (flow: FlowDocument) => void;
  onPreview: (flow: FlowDocument) => void;
  onCheckpoint: (before: FlowDocument) => void;
}) {
  const reactFlow = useReactFlow();
  const dragOrigin = useRef<FlowDocument | null>(null);
  const [dropHint, setDropHint] = useState(false);

  const nodes = useMemo<FlowCanvasNode[]>(() => {
    const selected = new Set(selection.nodes);
    return flow.nodes.map((node, index) => {
      const nodeType = nodeRegistry.get(node.type);
      return {
        id: node.id,
        type: 'flowNode',
        position: flow.layout.nodes[node.id] ?? { x: 40 * index, y: 40 * index },
        selected: selected.has(node.id),
        measured: sizes[node.id],
        deletable: !nodeType?.isEntry,
        data: {
          label: node.label,
          typeLabel: nodeType?.label ?? node.type,
          icon: nodeType?.icon ?? '',
          summary: nodeType?.summary(node.data) ?? '',
          outputs: nodeType?.outputs(node.data) ?? [],
          isEntry: Boolean(nodeType?.isEntry),
          issues: issuesByNode.get(node.id) ?? [],
          highlight:
            comparison?.nodeKinds.get(node.id) ?? (foundNodeIds.has(node.id) ? 'found' : null),
        },
      };
    });
  }, [flow, selection.nodes, sizes, issuesByNode, foundNodeIds, comparison]);

  const edges = useMemo<Edge[]>(() => {
    const selected = new Set(selection.edges);
    return flow.edges.map((edge) => ({
      id: edge.id,
      className: comparison?.edgeKinds.has(edge.id)
        ? `edge-${comparison.edgeKinds.get(edge.id)}`
        : undefined,
      source: edge.sourceNodeId,
      sourceHandle: edge.sourceOutput,
      target: edge.targetNodeId,
      targetHandle: 'in',
      selected: selected.has(edge.id),
      markerEnd: { type: MarkerType.ArrowClosed },
      ariaLabel: `Edge from ${edge.sourceNodeId} (${edge.sourceOutput}) to ${edge.targetNodeId}`,
    }));
  }, [flow.edges, selection.edges, comparison]);

  const onNodesChange = useCallback(
    (changes: NodeChange<FlowCanvasNode>[]) => {
      const moved: Record<string, { x: number; y: number }> = {};
      const measured: NodeSizes = {};
      let selectionChanged = false;
      const selectedNodes = new Set(selection.nodes);
      for (const change of changes) {
        if (change.type === 'position' && change.position) moved[change.id] = change.position;
        if (change.type === 'dimensions' && change.dimensions) {
          measured[change.id] = change.dimensions;
        }
        if (change.type === 'select') {
          selectionChanged = true;
          if (change.selected) selectedNodes.add(change.id);
          else selectedNodes.delete(change.id);
        }
      }
      if (Object.keys(measured).length > 0) onSizes((current) => ({ ...current, ...measured }));
      if (Object.keys(moved).length > 0 && !readOnly) onPreview(moveNodes(flow, moved));
      if (selectionChanged) onSelection({ nodes: [...selectedNodes], edges: selection.edges });
    },
    [flow, readOnly, selection, onPreview, onSelection, onSizes],
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
      if (selectionChanged) onSelection({ nodes: selection.nodes, edges: [...selectedEdges] });
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
      data-testid="flow-canvas"
      data-readonly={readOnly}
    >
      <ReactFlow<FlowCanvasNode, Edge>
        nodes={nodes}
        edges={edges}
        nodeTypes={nodeTypes}
        onNodesChange={onNodesChange}
        onEdgesChange={onEdgesChange}
        onConnect={onConnect}
        onNodeDragStart={() => {
          dragOrigin.current = flow;
        }}
        onNodeDragStop={() => {
          if (dragOrigin.current) onCheckpoint(dragOrigin.current);
          dragOrigin.current = null;
        }}
        onDelete={({ nodes: deletedNodes, edges: deletedEdges }) => {
          onApply(
            removeElements(
              flow,
              deletedNodes.map((n) => n.id),
              deletedEdges.map((e) => e.id),
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
        nodesDraggable={!readOnly}
        nodesConnectable={!readOnly}
        edgesReconnectable={false}
        deleteKeyCode={readOnly ? null : ['Delete', 'Backspace']}
        multiSelectionKeyCode={['Meta', 'Control']}
        selectionKeyCode="Shift"
        minZoom={0.1}
        fitView
        onlyRenderVisibleElements
        proOptions={{ hideAttribution: true }}
      >
        <Background gap={20} />
        <MiniMap pannable zoomable ariaLabel="Minimap" />
        <Controls showInteractive={false} />
      </ReactFlow>
    </div>
  );
}
