import type { ActionDefinition } from '../../actions/types';
import { stubAction } from '../../engine/testing/stubAction';
import type { FlowDocument } from '../../flow/flowDocument';
import { loadFlow } from '../../flow/loadFlow';
import template from '../customer-support.json';

/** The customer support template as the engine runs it. */
export function supportTemplateFlow(): FlowDocument {
  const loaded = loadFlow(template);
  if (!loaded.ok) throw new Error(JSON.stringify(loaded.error));
  return loaded.flow;
}

/**
 * The template's actions without a network: orders A1001 (shipped) and A1002 (processing), a
 * help center that knows about shipping, and a record of what the bot asked of each.
 */
export function supportTemplateActions() {
  const orders: Record<string, string> = { A1001: 'shipped', A1002: 'processing' };
  const resetRequests: string[] = [];
  const faqQuestions: string[] = [];
  const actions: ActionDefinition[] = [
    stubAction('orderStatus', async ({ orderNumber }) => ({
      found: String(orderNumber) in orders,
      status: orders[String(orderNumber)],
    })),
    stubAction('passwordReset', async ({ email }) => {
      resetRequests.push(String(email));
      return { requested: true };
    }),
    stubAction('faqSearch', async ({ question }) => {
      faqQuestions.push(String(question));
      return String(question).includes('shipping')
        ? {
            found: true,
            answer: 'Standard shipping takes 3-5 working days and is free over 50 EUR.',
          }
        : { found: false, answer: "Sorry, I don't know that one." };
    }),
  ];
  return { actions, resetRequests, faqQuestions };
}
