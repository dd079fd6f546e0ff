import type { FlowDocument } from '../../bot-runtime/flow';
import type { Db } from '../db/client';
import { callerFor, createOrg, createStaff } from './fixtures';

/**
 * A new org with a designer and QA, and a bot made from the customer-support template: its
 * draft document and the bots procedures as each of them calls them.
 */
export async function supportBot(db: Db, slug = 'acme') {
  const org = createOrg(db, slug);
  const designer = await createStaff(db, org.id, 'designer');
  const bots = callerFor(db, designer).bots;
  const bot = await bots.create({ name: 'Support', template: 'customerSupport' });
  const { document } = await bots.draft({ botId: bot.id });
  const qa = callerFor(db, await createStaff(db, org.id, 'qa')).bots;
  return { org, designer, bot, document, bots, qa };
}

/** The texts the bot said in these entries, in order. */
export function botTexts(entries: { actor: { type: string }; payload: Record<string, unknown> }[]) {
  return entries
    .filter((e) => e.actor.type === 'bot' && typeof e.payload.text === 'string')
    .map((e) => e.payload.text);
}

/** The document with one node's data changed. */
export function withNode(
  document: FlowDocument,
  nodeId: string,
  data: Record<string, unknown>,
): FlowDocument {
  return {
    ...document,
    nodes: document.nodes.map((node) =>
      node.id === nodeId ? { ...node, data: { ...node.data, ...data } } : node,
    ),
  };
}
