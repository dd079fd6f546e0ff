import type { JsonValue } from '../../json';
import { readVariable } from '../../template/readVariable';
import type { NodeContext, NodeResult } from '../nodeType';
import type { ActionData } from './actionData';

export async function runAction(context: NodeContext<ActionData>): Promise<NodeResult> {
  const { data } = context.node;
  const templates = Object.fromEntries(data.inputs.map((field) => [field.name, field.value]));
  const outcome = await context.callAction(data.action, templates, data.timeoutMs);
  if (!outcome.ok) return { type: 'next', output: 'failure' };
  for (const result of data.results) {
    const value = readResult(outcome.output, result.path);
    context.setVariable(result.variable, value);
  }
  return { type: 'next', output: 'success' };
}

function readResult(output: JsonValue, path: string): JsonValue {
  if (output === null || typeof output !== 'object' || Array.isArray(output)) return null;
  return readVariable(output, path) ?? null;
}
