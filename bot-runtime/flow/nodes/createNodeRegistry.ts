import type { NodeType } from './nodeType';

export interface NodeRegistry {
  get(type: string): NodeType | undefined;
  list(): NodeType[];
}

/** Looks node types up by id; the validator, engine and studio go through it, never a switch. */
export function createNodeRegistry(nodeTypes: NodeType[]): NodeRegistry {
  const byType = new Map<string, NodeType>();
  for (const nodeType of nodeTypes) {
    if (byType.has(nodeType.type))
      throw new Error(`Node type "${nodeType.type}" is declared twice`);
    byType.set(nodeType.type, nodeType);
  }
  return {
    get: (type) => byType.get(type),
    list: () => [...byType.values()],
  };
}
