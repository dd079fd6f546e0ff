import { getViewportForBounds, type Rect, type Viewport } from '@xyflow/react';
import type { CanvasSize } from './canvasSize';
import { LABEL_ZOOM, MAX_ZOOM, MIN_ZOOM, READABLE_ZOOM } from './zoomLevels';

/** React Flow's own padding when it fits a view, so a flow that fits opens as it always did. */
const FIT_PADDING = 0.1;
/** Room above the start node when the editor opens on it, in screen pixels. */
const TOP_MARGIN = 48;

/** What the editor's first view is worked out from: every box on the canvas and the start node. */
export interface OpeningLayout {
  boxes: Rect[];
  start: Rect | null;
}

/**
 * The view the editor opens at, in a pane of this size: the whole flow when it fits with its
 * labels drawn; otherwise the start node, centred across the pane near its top, at a zoom where
 * labels read, the flow going on below it and the minimap giving the overview.
 */
export function openingViewport(layout: OpeningLayout, pane: CanvasSize): Viewport {
  const bounds = boundsOf(layout.boxes);
  if (!bounds) return { x: 0, y: 0, zoom: 1 };
  const fitted = getViewportForBounds(
    bounds,
    pane.width,
    pane.height,
    MIN_ZOOM,
    MAX_ZOOM,
    FIT_PADDING,
  );
  if (fitted.zoom >= LABEL_ZOOM) return fitted;
  const anchor = layout.start ?? { ...bounds, height: 0 };
  const zoom = READABLE_ZOOM;
  return {
    x: pane.width / 2 - (anchor.x + anchor.width / 2) * zoom,
    y: TOP_MARGIN - anchor.y * zoom,
    zoom,
  };
}

function boundsOf(boxes: Rect[]): Rect | null {
  if (boxes.length === 0) return null;
  const left = Math.min(...boxes.map((box) => box.x));
  const top = Math.min(...boxes.map((box) => box.y));
  const right = Math.max(...boxes.map((box) => box.x + box.width));
  const bottom = Math.max(...boxes.map((box) => box.y + box.height));
  return { x: left, y: top, width: right - left, height: bottom - top };
}

/** The first view as the server drew it, with what the browser needs to redo it for its pane. */
export interface OpeningView {
  layout: OpeningLayout;
  pane: CanvasSize;
  viewport: Viewport;
}

interface CanvasBox {
  id: string;
  position: { x: number; y: number };
  measured?: Partial<CanvasSize>;
  width?: number;
  height?: number;
}

export function openingView(
  nodes: CanvasBox[],
  startNodeId: string | null,
  pane: CanvasSize,
): OpeningView {
  const boxOf = (node: CanvasBox): Rect | null => {
    const width = node.measured?.width ?? node.width;
    const height = node.measured?.height ?? node.height;
    return width && height ? { ...node.position, width, height } : null;
  };
  const boxes = nodes.flatMap((node) => boxOf(node) ?? []);
  const startNode = nodes.find((node) => node.id === startNodeId);
  const layout = { boxes, start: startNode ? boxOf(startNode) : null };
  return { layout, pane, viewport: openingViewport(layout, pane) };
}
