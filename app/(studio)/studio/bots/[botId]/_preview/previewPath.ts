import type { FlowDocument } from '@/bot-runtime/flow';
import type { PreviewTurn } from '@/server/bots/previewTurn';

/** The way the preview conversation went through the flow, for the canvas to draw. */
export interface PreviewPath {
  /** The node the conversation waits at, or null when it has ended or handed over. */
  currentNodeId: string | null;
  visitedNodeIds: ReadonlySet<string>;
  visitedEdgeIds: ReadonlySet<string>;
}

/**
 * Every node the engine entered in the conversation's turns, and every edge it followed: an
 * edge is followed when a step left its node by that output for that next node. A jump (a
 * global intent, "start over") follows no edge.
 */
export function previewPath(
  flow: Pick<FlowDocument, 'edges'>,
  turns: readonly Pick<PreviewTurn, 'trace' | 'currentNodeId'>[],
): PreviewPath {
  const edgeIdByWay = new Map(
    flow.edges.map((edge) => [
      wayKey(edge.sourceNodeId, edge.sourceOutput, edge.targetNodeId),
      edge.id,
    ]),
  );
  const visitedNodeIds = new Set<string>();
  const visitedEdgeIds = new Set<string>();
  for (const turn of turns) {
    for (const step of turn.trace.steps) {
      visitedNodeIds.add(step.nodeId);
      if (step.result !== 'next' || !step.output || !step.nextNodeId) continue;
      const edgeId = edgeIdByWay.get(wayKey(step.nodeId, step.output, step.nextNodeId));
      if (edgeId) visitedEdgeIds.add(edgeId);
    }
  }
  return { currentNodeId: turns.at(-1)?.currentNodeId ?? null, visitedNodeIds, visitedEdgeIds };
}

function wayKey(source: string, output: string, target: string): string {
  return JSON.stringify([source, output, target]);
}
