import ELK from 'elkjs/lib/elk.bundled.js';
import type { FlowDocument } from '@/bot-runtime/flow';
import type { Position } from './flowEdits';

const elk = new ELK();
const DEFAULT_SIZE = { width: 220, height: 90 };

/** Positions every node top-down along its edges (ELK's layered algorithm). */
export async function autoLayout(
  flow: FlowDocument,
  sizes: Record<string, { width?: number; height?: number } | undefined>,
): Promise<Record<string, Position>> {
  const nodeIds = new Set(flow.nodes.map((n) => n.id));
  const graph = await elk.layout({
    id: 'flow',
    layoutOptions: {
      'elk.algorithm': 'layered',
      'elk.direction': 'DOWN',
      'elk.layered.spacing.nodeNodeBetweenLayers': '70',
      'elk.spacing.nodeNode': '50',
      'elk.layered.nodePlacement.strategy': 'BRANDES_KOEPF',
    },
    children: flow.nodes.map((node) => ({
      id: node.id,
      width: sizes[node.id]?.width ?? DEFAULT_SIZE.width,
      height: sizes[node.id]?.height ?? DEFAULT_SIZE.height,
    })),
    edges: flow.edges
      .filter((e) => nodeIds.has(e.sourceNodeId) && nodeIds.has(e.targetNodeId))
      .map((e) => ({ id: e.id, sources: [e.sourceNodeId], targets: [e.targetNodeId] })),
  });
  return Object.fromEntries(
    (graph.children ?? []).map((child) => [child.id, { x: child.x ?? 0, y: child.y ?? 0 }]),
  );
}
