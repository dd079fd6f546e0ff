import { describe, expect, it } from 'vitest';
import { conversation, textsOf } from '../engine/testing/conversation';
import { keywordClassifier } from '../engine/testing/keywordClassifier';
import { testServices } from '../engine/testing/testServices';
import { validateFlow } from '../flow/validator/validateFlow';
import { supportTemplateActions, supportTemplateFlow } from './testing/supportTemplateStubs';

const flow = supportTemplateFlow();

const nlu = keywordClassifier({
  intents: {
    orderStatus: ['order', 'package', 'parcel'],
    passwordReset: ['password', 'log in', 'locked out'],
    shippingInfo: ['shipping', 'deliver'],
    returnsInfo: ['return', 'refund'],
    openingHours: ['hours', 'open'],
    talkToHuman: ['human', 'agent', 'person'],
    startOver: ['start over', 'restart'],
  },
  entities: { orderNumber: /\b[A-Z]\d{4}\b/ },
});

const { actions, resetRequests } = supportTemplateActions();

async function chatting() {
  const chat = conversation(flow, { nlu, services: testServices({ actions }) });
  const opening = await chat.send({ type: 'start' });
  return { chat, opening };
}

describe('customer support template', () => {
  it('validates with no errors and no warnings', () => {
    const issues = validateFlow(flow, {
      knownActions: ['orderStatus', 'passwordReset', 'faqSearch'],
    });
    expect(issues).toEqual([]);
  });

  it('has at least ten varied training phrases per intent and an order number entity', () => {
    for (const intent of flow.nlu.intents) {
      expect(new Set(intent.phrases).size, intent.name).toBeGreaterThanOrEqual(10);
    }
    expect(flow.nlu.entities).toContainEqual(
      expect.objectContaining({ name: 'orderNumber', kind: 'regex' }),
    );
  });

  it('greets with quick replies', async () => {
    const { opening } = await chatting();
    expect(opening.outputs[0]).toEqual({ type: 'typing', durationMs: 600 });
    expect(opening.outputs[1]).toMatchObject({
      type: 'text',
      quickReplies: expect.arrayContaining([{ label: 'Where is my order?', value: 'orderStatus' }]),
    });
  });

  it('answers an order status asked with the number in the first message', async () => {
    const { chat } = await chatting();
    const answer = await chat.send('Where is my order A1001?');
    expect(textsOf(answer)).toEqual([
      'Order A1001 is shipped.',
      'Is there anything else I can help you with?',
    ]);
  });

  it('asks for the order number when the message lacks one', async () => {
    const { chat } = await chatting();
    expect(textsOf(await chat.send('Has my package shipped yet?'))).toEqual([
      "Sure! What's your order number? It looks like A1234.",
    ]);
    const answer = await chat.send('It is A1002');
    expect(textsOf(answer)[0]).toBe('Order A1002 is processing.');
  });

  it('hands an unknown order to the Orders queue with the intent and captured variables', async () => {
    const { chat } = await chatting();
    const result = await chat.send('Where is order Z9999?');
    expect(result.status).toBe('escalated');
    expect(result.outputs.at(-1)).toEqual({
      type: 'handoff',
      handoff: {
        queue: 'Orders',
        skills: [{ skill: 'orders', level: 1 }],
        priority: 3,
        summary: 'Order question about Z9999 (status: ).',
        intent: 'orderStatus',
        intentConfidence: 0.9,
        nodeId: 'escalateOrders',
        variables: {
          topic: 'orders',
          requestedIntent: 'orderStatus',
          orderNumber: 'Z9999',
          orderState: null,
        },
        message: "I'm connecting you with our orders team. Someone will be with you shortly.",
      },
    });
  });

  it('resets a password without saying whether the account exists', async () => {
    const { chat } = await chatting();
    expect(textsOf(await chat.send('I forgot my password'))).toEqual([
      "I can help with that. What's the email address on your account?",
    ]);
    const answer = await chat.send('jane@example.com');
    expect(textsOf(answer)[0]).toBe(
      'If an account exists for jane@example.com, a reset link is on its way. It can take a few minutes; check your spam folder too.',
    );
    expect(resetRequests).toContain('jane@example.com');
  });

  it('resets the password of a signed-in customer without asking for an email', async () => {
    const verified = supportTemplateActions({ verifiedCustomerId: 'user-1001' });
    const chat = conversation(flow, { nlu, services: testServices({ actions: verified.actions }) });
    await chat.send({ type: 'start' });
    expect(textsOf(await chat.send('I forgot my password'))).toEqual([
      "I've sent a password reset link to the email address on your account. It can take a few minutes; check your spam folder too.",
      'Is there anything else I can help you with?',
    ]);
    expect(verified.resetRequests).toEqual(['customer user-1001']);
  });

  it('answers a shipping question from the help center', async () => {
    const { chat } = await chatting();
    const answer = await chat.send({ type: 'choice', value: 'shippingInfo', label: 'Shipping' });
    expect(textsOf(answer)).toEqual([
      'Standard shipping takes 3-5 working days and is free over 50 EUR.',
      'Is there anything else I can help you with?',
    ]);
  });

  it('says so when the help center has no answer, and offers a human', async () => {
    const { chat } = await chatting();
    const answer = await chat.send('What is your return policy?');
    expect(textsOf(answer)).toEqual([
      "I couldn't find an answer to that in our help center.",
      "I'm sorry, I'm having trouble understanding. Would you like to talk to a person?",
    ]);
  });

  it('offers a human after two misunderstandings, and hands to Accounts on yes', async () => {
    const { chat } = await chatting();
    expect(textsOf(await chat.send('blorp'))).toEqual([
      "Sorry, I didn't get that. Could you say it another way?",
    ]);
    expect(textsOf(await chat.send('zzzz'))).toEqual([
      "I'm sorry, I'm having trouble understanding. Would you like to talk to a person?",
    ]);
    const handoff = await chat.send('yes');
    expect(handoff.status).toBe('escalated');
    expect(handoff.outputs.at(-1)).toMatchObject({
      type: 'handoff',
      handoff: { queue: 'Accounts' },
    });
  });

  it('lets the customer ask for a human in the middle of the password question', async () => {
    const { chat } = await chatting();
    await chat.send('I am locked out');
    const handoff = await chat.send('Just get me a human please');
    expect(handoff.outputs.at(-1)).toMatchObject({
      type: 'handoff',
      handoff: {
        queue: 'Accounts',
        skills: [{ skill: 'accounts', level: 1 }],
        intent: 'talkToHuman',
        variables: {
          topic: 'accounts',
          requestedIntent: 'passwordReset',
          email: null,
          faqQuestion: null,
        },
      },
    });
  });

  it('hands to Orders a customer who asks for a human while the bot waits for the order number', async () => {
    const { chat } = await chatting();
    expect(textsOf(await chat.send('Where is my package?'))).toEqual([
      "Sure! What's your order number? It looks like A1234.",
    ]);
    const handoff = await chat.send('I would rather talk to a person');
    expect(handoff.outputs.at(-1)).toMatchObject({
      type: 'handoff',
      handoff: {
        queue: 'Orders',
        skills: [{ skill: 'orders', level: 1 }],
        variables: { topic: 'general', requestedIntent: 'orderStatus', orderNumber: null },
      },
    });
  });

  it('keeps the order number a customer names while asking for a person, and hands them to Orders', async () => {
    const { chat } = await chatting();
    const handoff = await chat.send('Let me speak to a person about A1001');
    expect(handoff.outputs.at(-1)).toMatchObject({
      type: 'handoff',
      handoff: { queue: 'Orders', intent: 'talkToHuman', variables: { orderNumber: 'A1001' } },
    });
  });

  it('tells the customer when no agent is available', async () => {
    const { chat } = await chatting();
    await chat.send('Where is order Z9999?');
    const result = await chat.send({ type: 'noAgent' });
    expect(textsOf(result)[0]).toContain('All our agents are busy');
    expect(result.status).toBe('ended');
  });

  it('closes with a CSAT rating and comment', async () => {
    const { chat } = await chatting();
    await chat.send('Where is my order A1001?');
    expect(textsOf(await chat.send('no'))).toEqual([
      'Thanks for chatting with us. Have a great day!',
      'How would you rate this conversation, from 1 to 5?',
    ]);
    await chat.send({ type: 'choice', value: '5' });
    const last = await chat.send('Quick and clear');
    expect(last.status).toBe('ended');
    expect(last.outputs.at(-1)).toEqual({
      type: 'end',
      csat: { rating: 5, comment: 'Quick and clear' },
    });
  });

  it('starts over from anywhere', async () => {
    const { chat } = await chatting();
    await chat.send('I forgot my password');
    const result = await chat.send('start over');
    expect(textsOf(result)[0]).toContain("Hi! I'm the Parley assistant.");
    expect(chat.state()?.currentNodeId).toBe('menu');
  });
});
