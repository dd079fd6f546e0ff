import { beforeAll, describe, expect, it } from 'vitest';
import { trainFlowNlu } from '../botTests/trainFlowNlu';
import { conversation, textsOf } from '../engine/testing/conversation';
import { testServices } from '../engine/testing/testServices';
import { type LoadedNlu, loadNlu } from '../nlu';
import { bundledNluResources } from '../nlu/bundledResources';
import { supportTemplateActions, supportTemplateFlow } from './testing/supportTemplateStubs';

/*
 * The keyword classifier in customerSupport.test.ts proves the flow's wiring; this proves the
 * demo works for a customer: the model the server would train from the template's own phrases,
 * with the word vectors Parley ships, has to route wording it was never trained on.
 */

const flow = supportTemplateFlow();
const resources = bundledNluResources;
const { actions, resetRequests, faqQuestions } = supportTemplateActions();

let nlu: LoadedNlu;

beforeAll(() => {
  // Trained once: the same call the server makes on publish, with the template's training set.
  nlu = loadNlu(trainFlowNlu(flow, resources), resources);
});

async function chatting() {
  const chat = conversation(flow, { nlu, services: testServices({ actions }) });
  await chat.send({ type: 'start' });
  return chat;
}

describe('customer support template with the real NLU', () => {
  it('answers an order question worded its own way, with the number in it', async () => {
    const chat = await chatting();
    const answer = await chat.send('my shipment A1001 never showed up');
    expect(textsOf(answer)).toEqual([
      'Order A1001 is shipped.',
      'Is there anything else I can help you with?',
    ]);
  });

  it('asks for the order number, then picks it out of a casual reply', async () => {
    const chat = await chatting();
    expect(textsOf(await chat.send('can you tell me where my stuff is'))).toEqual([
      "Sure! What's your order number? It looks like A1234.",
    ]);
    const answer = await chat.send("it's A1002");
    expect(textsOf(answer)[0]).toBe('Order A1002 is processing.');
  });

  it('starts a password reset for a customer who cannot get in', async () => {
    const chat = await chatting();
    expect(textsOf(await chat.send('I can no longer get into my account, help'))).toEqual([
      "I can help with that. What's the email address on your account?",
    ]);
    const answer = await chat.send('sam@example.com');
    expect(textsOf(answer)[0]).toBe(
      'If an account exists for sam@example.com, a reset link is on its way. It can take a few minutes; check your spam folder too.',
    );
    expect(resetRequests).toContain('sam@example.com');
  });

  it('answers a shipping question from the help center', async () => {
    const chat = await chatting();
    const answer = await chat.send('how long will delivery take to Germany');
    expect(textsOf(answer)).toEqual([
      'Standard shipping takes 3-5 working days and is free over 50 EUR.',
      'Is there anything else I can help you with?',
    ]);
    expect(faqQuestions.at(-1)).toBe('How long does shipping take and what does it cost?');
  });

  it('hands a customer who asks for a person to the accounts team', async () => {
    const chat = await chatting();
    const handoff = await chat.send('I would like to speak with somebody from your team');
    expect(handoff.status).toBe('escalated');
    expect(handoff.outputs.at(-1)).toMatchObject({
      type: 'handoff',
      handoff: {
        queue: 'Accounts',
        intent: 'talkToHuman',
        message: "I'm connecting you with our accounts team. Someone will be with you shortly.",
      },
    });
  });

  it('hands over to a person even while the bot waits for an order number', async () => {
    const chat = await chatting();
    await chat.send('can you tell me where my stuff is');
    const handoff = await chat.send('could a member of staff help me instead');
    expect(handoff.status).toBe('escalated');
    expect(handoff.outputs.at(-1)).toMatchObject({
      type: 'handoff',
      handoff: { intent: 'talkToHuman' },
    });
  });

  it('hands a customer who names an order when asking for a person to the orders team, with the number', async () => {
    const chat = await chatting();
    const handoff = await chat.send('I need to talk to a person about my order A1002');
    expect(handoff.status).toBe('escalated');
    expect(handoff.outputs.at(-1)).toMatchObject({
      type: 'handoff',
      handoff: {
        queue: 'Orders',
        intent: 'talkToHuman',
        intentConfidence: expect.any(Number),
        variables: { orderNumber: 'A1002' },
        summary: expect.stringContaining('A1002'),
      },
    });
  });
});
