import { z } from 'zod';

/** Connects one named output of a node (`success`, an intent name...) to the next node. */
export const flowEdgeSchema = z.object({
  id: z.string().min(1),
  sourceNodeId: z.string().min(1),
  sourceOutput: z.string().min(1),
  targetNodeId: z.string().min(1),
});
export type FlowEdge = z.output<typeof flowEdgeSchema>;
