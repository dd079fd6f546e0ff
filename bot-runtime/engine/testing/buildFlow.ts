import { type FlowDocument, flowDocumentSchema } from '../../flow/flowDocument';
import type { FlowSettings } from '../../flow/flowSettings';
import type { NluDefinition } from '../../flow/nluDefinition';

export interface FlowSketch {
  nodes: { id: string; type: string; label?: string; data?: Record<string, unknown> }[];
  /** `[sourceNodeId, sourceOutput, targetNodeId]` */
  edges?: [string, string, string][];
  settings?: Partial<Omit<FlowSettings, 'fallback'>> & {
    fallback?: Partial<FlowSettings['fallback']>;
  };
  nlu?: Partial<NluDefinition>;
}

/** A flow document from a compact sketch, parsed by the real schema so defaults apply. */
export function buildFlow(sketch: FlowSketch): FlowDocument {
  return flowDocumentSchema.parse({
    schemaVersion: 1,
    name: 'Test flow',
    nodes: sketch.nodes,
    edges: (sketch.edges ?? []).map(([sourceNodeId, sourceOutput, targetNodeId], index) => ({
      id: `e${index + 1}`,
      sourceNodeId,
      sourceOutput,
      targetNodeId,
    })),
    settings: sketch.settings ?? {},
    nlu: sketch.nlu ?? {},
  });
}
