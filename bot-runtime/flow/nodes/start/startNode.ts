import { z } from 'zod';
import { defineNodeType } from '../nodeType';

export const startNode = defineNodeType({
  type: 'start',
  label: 'Start',
  description: 'Where every conversation begins. A flow has exactly one.',
  icon: '▶',
  category: 'flow',
  dataSchema: z.object({}),
  defaultData: {},
  outputs: () => [{ name: 'next', label: 'Next', required: true }],
  summary: () => 'The conversation starts here',
  inspector: [],
  references: () => ({}),
  isEntry: true,
  run: () => ({ type: 'next', output: 'next' }),
});
