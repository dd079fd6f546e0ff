import { type NodeHandle, Position } from '@xyflow/react';

/**
 * The size of a flow node and where its handles sit, known before the browser lays it out.
 * React Flow otherwise hides every node until it has measured it, then measures each handle:
 * with 300 nodes that pass cost more than drawing them. Given these, it draws the nodes and
 * edges at once, and still measures afterwards, so a node whose content breaks the prediction
 * corrects itself. FlowNodeView and studio.css build every node from these figures; keep
 * the three in step.
 */
export const NODE_ROWS = {
  border: 1,
  header: 26,
  type: 14,
  summary: 42,
  /** Includes the 1px line above the outputs. */
  outputs: 24,
} as const;

// The widths nodes had when they were sized by their content (200-280 px for up to five
// outputs), so flows laid out then keep their spacing.
const MIN_WIDTH = 200;
const OUTPUT_WIDTH = 56;
const HANDLE_SIZE = 10;

export interface NodeGeometry {
  width: number;
  height: number;
  handles: NodeHandle[];
}

export function nodeGeometry(outputNames: readonly string[], hasInput: boolean): NodeGeometry {
  const width = Math.max(MIN_WIDTH, outputNames.length * OUTPUT_WIDTH);
  const { border, header, type, summary, outputs } = NODE_ROWS;
  const height = border * 2 + header + type + summary + (outputNames.length > 0 ? outputs : 0);
  const half = HANDLE_SIZE / 2;
  const handles: NodeHandle[] = [];
  if (hasInput) {
    handles.push({
      id: 'in',
      type: 'target',
      position: Position.Top,
      x: width / 2 - half,
      y: border - half,
      width: HANDLE_SIZE,
      height: HANDLE_SIZE,
    });
  }
  // The node is the handles' positioned box, so edges and handles are centred on its inner
  // (padding) edges; the outputs share the inner width in equal columns.
  const column = (width - border * 2) / outputNames.length;
  outputNames.forEach((name, index) => {
    handles.push({
      id: name,
      type: 'source',
      position: Position.Bottom,
      x: border + column * (index + 0.5) - half,
      y: height - border - half,
      width: HANDLE_SIZE,
      height: HANDLE_SIZE,
    });
  });
  return { width, height, handles };
}
