import { passwordResetAction } from '../../actions/passwordReset/passwordResetAction';
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
 * The template's actions without a network: orders A1001 (shipped) and A1002 (processing), the
 * real password reset against an accounts service that accepts everything, a help center that
 * knows about shipping, and a record of what the bot asked of each. `verifiedCustomerId`: the
 * app's id of a customer whose identity the host verified.
 */
export function supportTemplateActions(options: { verifiedCustomerId?: string } = {}) {
  const orders: Record<string, string> = { A1001: 'shipped', A1002: 'processing' };
  const resetRequests: string[] = [];
  const faqQuestions: string[] = [];
  const passwordReset: typeof passwordResetAction = {
    ...passwordResetAction,
    run: (input, context) =>
      passwordResetAction.run(input, {
        ...context,
        verifiedCustomerId: options.verifiedCustomerId,
        settings: { passwordResetUrl: 'https://accounts.example.com/reset' },
        fetch: async (request) => {
          const body = JSON.parse(request.body ?? '{}') as Record<string, string>;
          resetRequests.push(body.email ?? `customer ${body.customerId}`);
          return { status: 202, headers: {}, body: '{}' };
        },
      }),
  };
  const actions: ActionDefinition[] = [
    stubAction('orderStatus', async ({ orderNumber }) => ({
      found: String(orderNumber) in orders,
      status: orders[String(orderNumber)],
    })),
    passwordReset as unknown as ActionDefinition,
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
