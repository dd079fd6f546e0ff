/**
 * The label as the zoomed-out node draws it. The large label is not clipped: a clip per node
 * (an overflow box, as line clamping needs) made Chromium redo its layerization of the canvas
 * on every frame of a pan at about three times the cost, so at the zoom the editor opens large
 * flows at, panning ran at half the frame rate. Instead the text is cut to what fits in about
 * two lines; the node's box holds three, which leaves room for lines that wrap short. The full
 * label stays in the node's title.
 */

/** Matches studio.css: `.flow-node.is-far` padding and gap, icon and mark sizes. */
const FAR = { border: 1, padding: 12, gap: 10, icon: 44, mark: 40 } as const;
/** An average glyph of the 24 px semibold label in a wide sans-serif (DejaVu Sans). */
const GLYPH_WIDTH = 15;
const LINES = 2;

export function farLabel(label: string, nodeWidth: number, hasMark: boolean): string {
  const { border, padding, gap, icon, mark } = FAR;
  const width = nodeWidth - 2 * (border + padding) - icon - gap - (hasMark ? mark + gap : 0);
  const budget = Math.max(2, Math.floor((width * LINES) / GLYPH_WIDTH));
  const chars = Array.from(label);
  if (chars.length <= budget) return label;
  return `${chars
    .slice(0, budget - 1)
    .join('')
    .trimEnd()}…`;
}
