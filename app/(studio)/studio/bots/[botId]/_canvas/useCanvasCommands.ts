'use client';

import { useReactFlow } from '@xyflow/react';
import { useCallback } from 'react';
import type { FlowDocument } from '@/bot-runtime/flow';
import type { Selection } from './FlowCanvas';
import { addNode, addNodeAfter, moveNodes } from './flowEdits';
import { addNote } from './noteEdits';
import { viewportCentre } from './viewportCentre';

/**
 * What the toolbar, the palette and the panels ask of the canvas: centre a node, add a node or
 * a note where the person is looking, tidy the layout, fit the flow into view.
 */
export function useCanvasCommands({
  flow,
  editable,
  selection,
  onSelection,
  onApply,
  onInspect,
}: {
  /** The flow shown, which may be a version or a comparison. */
  flow: FlowDocument;
  /** The draft, which additions edit. */
  editable: FlowDocument;
  selection: Selection;
  onSelection: (selection: Selection) => void;
  onApply: (flow: FlowDocument) => void;
  /** Brings the inspector forward, for the node just centred or added. */
  onInspect: () => void;
}) {
  const reactFlow = useReactFlow();

  const focusNode = useCallback(
    (nodeId: string) => {
      const position = flow.layout.nodes[nodeId] ?? { x: 0, y: 0 };
      const size = reactFlow.getNode(nodeId)?.measured;
      reactFlow.setCenter(
        position.x + (size?.width ?? 0) / 2,
        position.y + (size?.height ?? 0) / 2,
        { zoom: Math.max(reactFlow.getZoom(), 1), duration: 300 },
      );
      onSelection({ nodes: [nodeId], edges: [] });
      onInspect();
    },
    [flow.layout.nodes, reactFlow, onSelection, onInspect],
  );

  const addFromPalette = useCallback(
    (type: string) => {
      const after = selection.nodes.length === 1 ? selection.nodes[0] : undefined;
      const added = after
        ? addNodeAfter(editable, type, after)
        : addNode(editable, type, viewportCentre(reactFlow));
      onApply(added.flow);
      onSelection({ nodes: [added.nodeId], edges: [] });
      onInspect();
    },
    [selection.nodes, editable, reactFlow, onApply, onSelection, onInspect],
  );

  const addNoteAtCentre = useCallback(() => {
    const added = addNote(editable, viewportCentre(reactFlow));
    onApply(added.flow);
    onSelection({ nodes: [], edges: [], notes: [added.noteId] });
  }, [editable, reactFlow, onApply, onSelection]);

  async function arrange() {
    // ELK is large and only needed here, so it loads on the first auto-layout.
    const { autoLayout } = await import('./autoLayout');
    const measured = Object.fromEntries(
      reactFlow.getNodes().map((node) => [node.id, node.measured]),
    );
    const positions = await autoLayout(editable, measured);
    onApply(moveNodes(editable, positions));
    requestAnimationFrame(() => reactFlow.fitView({ duration: 300 }));
  }

  const pastePosition = useCallback(() => viewportCentre(reactFlow), [reactFlow]);

  return {
    focusNode,
    addFromPalette,
    addNoteAtCentre,
    arrange,
    pastePosition,
    zoomToFit: () => reactFlow.fitView({ duration: 300 }),
  };
}
