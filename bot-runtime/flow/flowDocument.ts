import { z } from 'zod';
import { flowEdgeSchema } from './flowEdge';
import { flowLayoutSchema } from './flowLayout';
import { flowNodeSchema } from './flowNode';
import { flowSettingsSchema } from './flowSettings';
import { nluDefinitionSchema } from './nluDefinition';

export const CURRENT_FLOW_SCHEMA_VERSION = 1;

/**
 * A bot's draft or published version as one JSON document: the logic the engine reads
 * (nodes, edges, settings, NLU definition) and, apart from it, the canvas layout.
 */
export const flowDocumentSchema = z.object({
  schemaVersion: z.literal(CURRENT_FLOW_SCHEMA_VERSION),
  name: z.string().default('Untitled bot'),
  description: z.string().default(''),
  nodes: z.array(flowNodeSchema),
  edges: z.array(flowEdgeSchema).default([]),
  settings: flowSettingsSchema.default(flowSettingsSchema.parse({})),
  nlu: nluDefinitionSchema.default(nluDefinitionSchema.parse({})),
  layout: flowLayoutSchema.default(flowLayoutSchema.parse({})),
});
export type FlowDocument = z.output<typeof flowDocumentSchema>;
/** What an author or an old export may omit; defaults fill the rest. */
export type FlowDocumentInput = z.input<typeof flowDocumentSchema>;
