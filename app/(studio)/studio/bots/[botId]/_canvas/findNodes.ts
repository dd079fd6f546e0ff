import { type FlowDocument, type FlowNode, nodeRegistry } from '@/bot-runtime/flow';

/**
 * The nodes whose id, label, type or any text in their settings contains `query`, ignoring
 * case, in the flow's order.
 */
export function findNodes(flow: FlowDocument, query: string): string[] {
  const needle = query.trim().toLowerCase();
  if (!needle) return [];
  return flow.nodes.filter((node) => searchableText(node).includes(needle)).map((node) => node.id);
}

function searchableText(node: FlowNode): string {
  const texts = [node.id, node.label, nodeRegistry.get(node.type)?.label ?? node.type];
  collectStrings(node.data, texts);
  return texts.join('\n').toLowerCase();
}

function collectStrings(value: unknown, into: string[]) {
  if (typeof value === 'string') into.push(value);
  else if (Array.isArray(value)) for (const item of value) collectStrings(item, into);
  else if (value && typeof value === 'object') {
    for (const child of Object.values(value)) collectStrings(child, into);
  }
}
