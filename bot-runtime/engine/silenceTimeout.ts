import type { FlowDocument } from '../flow/flowDocument';
import { nodeRegistry } from '../flow/nodes';
import type { NodeRegistry } from '../flow/nodes/createNodeRegistry';
import { sessionStateSchema } from './sessionState';

export interface SilenceTimeout {
  /** Tells one wait from the next: the turn that left the session waiting. */
  wait: number;
  /** Customer silence after which the host should run a `timeout` turn. */
  afterMs: number;
}

/**
 * Whether the node a session waits at wants a `timeout` turn after some customer silence, and
 * after how long. Null when it waits indefinitely or has nowhere to go on a timeout.
 */
export function silenceTimeout(
  flow: FlowDocument,
  state: unknown,
  nodes: NodeRegistry = nodeRegistry,
): SilenceTimeout | null {
  const parsed = sessionStateSchema.safeParse(state);
  if (!parsed.success || parsed.data.status !== 'awaiting_input') return null;
  const node = flow.nodes.find((candidate) => candidate.id === parsed.data.currentNodeId);
  const nodeType = node && nodes.get(node.type);
  const data = nodeType?.dataSchema.safeParse(node?.data);
  if (!node || !nodeType?.silenceTimeout || !data?.success) return null;
  const timeout = nodeType.silenceTimeout(data.data);
  if (!timeout) return null;
  const connected = flow.edges.some(
    (edge) => edge.sourceNodeId === node.id && edge.sourceOutput === timeout.output,
  );
  return connected ? { wait: parsed.data.turn, afterMs: timeout.afterMs } : null;
}
