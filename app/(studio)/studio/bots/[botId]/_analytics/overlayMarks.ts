import type { BotFlowOverlay } from '@/server/reports/botFlowOverlay';

/**
 * Heat levels by the share of a node's conversations that ended badly (escalated, abandoned,
 * error, no agent): five even steps, so the legend can say what each colour means.
 */
export const HEAT_LEVELS = [
  { level: 0, label: 'under 20%' },
  { level: 1, label: '20–40%' },
  { level: 2, label: '40–60%' },
  { level: 3, label: '60–80%' },
  { level: 4, label: '80% or more' },
] as const;

export interface OverlayNodeMark {
  conversations: number;
  badShare: number | null;
  /** 0–4 (see HEAT_LEVELS); null when no conversation reached the node. */
  heat: number | null;
}

/** What the canvas draws for the overlay: built once per answer, then only looked up. */
export interface OverlayMarks {
  edgeCounts: ReadonlyMap<string, number>;
  nodes: ReadonlyMap<string, OverlayNodeMark>;
}

export function heatLevel(badShare: number | null): number | null {
  if (badShare === null) return null;
  return Math.min(4, Math.floor(badShare * 5));
}

export function toOverlayMarks(overlay: Pick<BotFlowOverlay, 'edges' | 'nodes'>): OverlayMarks {
  return {
    edgeCounts: new Map(overlay.edges.map((edge) => [edge.edgeId, edge.conversations])),
    nodes: new Map(
      overlay.nodes.map((node) => [
        node.nodeId,
        {
          conversations: node.conversations,
          badShare: node.badShare,
          heat: heatLevel(node.badShare),
        },
      ]),
    ),
  };
}

/** "3 conversations, 67% ended badly": the node's badge and its accessible description. */
export function describeNodeMark(mark: OverlayNodeMark | undefined): string {
  if (!mark || mark.conversations === 0) return 'no conversations';
  const count = `${mark.conversations} conversation${mark.conversations === 1 ? '' : 's'}`;
  return mark.badShare === null
    ? count
    : `${count}, ${Math.round(mark.badShare * 100)}% ended badly`;
}
