import { z } from 'zod';
import { nodeRegistry } from './nodes';

/**
 * A node of the flow. Its `data` is checked, and completed with defaults, by the schema its
 * type declares in the node registry.
 */
export const flowNodeSchema = z
  .object({
    id: z.string().min(1),
    type: z.string().min(1),
    label: z.string().default(''),
    data: z.record(z.string(), z.unknown()).default({}),
  })
  .transform((node, context) => {
    const nodeType = nodeRegistry.get(node.type);
    if (!nodeType) {
      context.addIssue({
        code: 'custom',
        path: ['type'],
        message: `Unknown node type "${node.type}".`,
      });
      return z.NEVER;
    }
    const data = nodeType.dataSchema.safeParse(node.data);
    if (!data.success) {
      for (const issue of data.error.issues) {
        context.addIssue({ code: 'custom', path: ['data', ...issue.path], message: issue.message });
      }
      return z.NEVER;
    }
    return { ...node, data: data.data as Record<string, unknown> };
  });
export type FlowNode = z.output<typeof flowNodeSchema>;
