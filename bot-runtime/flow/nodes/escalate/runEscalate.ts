import type { JsonValue } from '../../json';
import type { NodeContext, NodeResult } from '../nodeType';
import type { EscalateData } from './escalateData';

/**
 * Sends the handoff and waits, escalated, for routing. The host answers with a `noAgent`
 * input when nobody can take the conversation; an agent accepting it needs no bot turn; an
 * agent handing it back sends `returned`, which starts the flow over unless the node says where
 * to go on, so a customer handed back is never left with a bot that cannot answer.
 */
export function runEscalate(context: NodeContext<EscalateData>): NodeResult {
  const { data } = context.node;
  if (context.resumed) {
    const input = context.takeInput();
    if (input?.type === 'noAgent') return { type: 'next', output: 'noAgent' };
    if (input?.type === 'returned') {
      return context.isConnected('returned')
        ? { type: 'next', output: 'returned' }
        : { type: 'jump', targetNodeId: context.startNodeId() };
    }
    return { type: 'wait', status: 'escalated', nodeState: { handedOff: true } };
  }
  const variables: Record<string, JsonValue> = {};
  for (const name of data.variables) variables[name] = context.variables[name] ?? null;
  context.say({
    type: 'handoff',
    handoff: {
      queue: data.queue,
      skills: data.skills,
      priority: data.priority,
      summary: context.render(data.summary),
      intent: context.lastIntent(),
      intentConfidence: context.lastIntentConfidence(),
      nodeId: context.node.id,
      variables,
      message: context.render(data.handoffMessage),
    },
  });
  return { type: 'wait', status: 'escalated', nodeState: { handedOff: true } };
}
