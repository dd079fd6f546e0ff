import { z } from 'zod';
import { defineNodeType } from '../nodeType';

export const jumpNode = defineNodeType({
  type: 'jump',
  label: 'Jump',
  description: 'Continue at another node, e.g. back to the main menu.',
  icon: '↩',
  category: 'flow',
  dataSchema: z.object({ targetNodeId: z.string().default('') }),
  defaultData: { targetNodeId: '' },
  outputs: () => [],
  summary: (data) => (data.targetNodeId ? `Go to ${data.targetNodeId}` : 'Choose where to go'),
  inspector: [{ field: 'targetNodeId', label: 'Go to', widget: 'nodePicker' }],
  references: (data) => ({ nodes: [data.targetNodeId] }),
  run: ({ node }) => ({ type: 'jump', targetNodeId: node.data.targetNodeId }),
});
