import { type FlowDocument, nodeRegistry } from '@/bot-runtime/flow';
import type { KnownVariable } from '@/bot-runtime/flow/nodes/editor/editorKit';

/**
 * The session variables a flow can have: those declared in its settings, then those its nodes
 * write (an ask's answer, an action's results, a rating), which the engine keeps the same way.
 */
export function flowVariables(flow: FlowDocument): KnownVariable[] {
  const known = new Map<string, KnownVariable>();
  for (const variable of flow.settings.variables) {
    known.set(variable.name, {
      name: variable.name,
      detail: variable.description || variable.type,
    });
  }
  for (const node of flow.nodes) {
    const nodeType = nodeRegistry.get(node.type);
    const data = nodeType?.dataSchema.safeParse(node.data);
    if (!nodeType || !data?.success) continue;
    for (const name of nodeType.references(data.data).writes ?? []) {
      if (!known.has(name)) known.set(name, { name, detail: `set by ${node.label || node.id}` });
    }
  }
  return [...known.values()];
}
