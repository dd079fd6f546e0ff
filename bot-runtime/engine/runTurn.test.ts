import { describe, expect, it } from 'vitest';
import type { NluClassifier } from '../nlu/types';
import { runTurn } from './runTurn';
import { buildFlow } from './testing/buildFlow';
import { conversation, textsOf } from './testing/conversation';
import { keywordClassifier } from './testing/keywordClassifier';
import { testServices } from './testing/testServices';

const nlu = keywordClassifier({
  intents: { human: ['human', 'agent'], restart: ['start over'], billing: ['invoice'] },
});

const supportFlow = buildFlow({
  nodes: [
    { id: 'start', type: 'start' },
    { id: 'menu', type: 'intent', data: { intents: [{ intent: 'billing' }] } },
    {
      id: 'email',
      type: 'ask',
      data: { prompt: 'Your email?', variable: 'email', answerType: 'email' },
    },
    { id: 'done', type: 'end', data: { message: 'We sent the invoice to {{email}}.' } },
    { id: 'offer', type: 'message', data: { text: 'Shall I get you a human?' } },
    { id: 'human', type: 'escalate', data: { queue: 'Support', handoffMessage: '' } },
    { id: 'greet', type: 'message', data: { text: 'Back at the start. What do you need?' } },
  ],
  edges: [
    ['start', 'next', 'greet'],
    ['greet', 'next', 'menu'],
    ['menu', 'billing', 'email'],
    ['email', 'next', 'done'],
    ['email', 'invalid', 'human'],
    ['offer', 'next', 'human'],
    ['human', 'noAgent', 'done'],
  ],
  nlu: {
    intents: [
      { name: 'human', description: '', phrases: [] },
      { name: 'restart', description: '', phrases: [] },
      { name: 'billing', description: '', phrases: [] },
    ],
  },
  settings: {
    globalIntents: [
      { intent: 'human', targetNodeId: 'human' },
      { intent: 'restart', targetNodeId: 'greet' },
    ],
    fallback: { offerHumanAfter: 2, offerHumanNodeId: 'offer' },
  },
});

async function atEmailQuestion() {
  const chat = conversation(supportFlow, { nlu });
  await chat.send({ type: 'start' });
  expect(textsOf(await chat.send('where is my invoice'))).toEqual(['Your email?']);
  return chat;
}

describe('runTurn', () => {
  it('starts a session at a chosen node with variables set, as the preview rehearses one', async () => {
    const result = await runTurn({
      flow: supportFlow,
      nlu,
      state: null,
      input: { type: 'start' },
      services: testServices(),
      start: { nodeId: 'done', variables: { email: 'ada@example.test' } },
    });
    expect(textsOf(result)).toEqual(['We sent the invoice to ada@example.test.']);
    expect(result.trace.steps.map((step) => step.nodeId)).toEqual(['done']);
  });

  it('reports a chosen start node the flow does not have', async () => {
    const result = await runTurn({
      flow: supportFlow,
      nlu,
      state: null,
      input: { type: 'start' },
      services: testServices(),
      start: { nodeId: 'nowhere' },
    });
    expect(result.trace.error).toMatchObject({ code: 'NODE_NOT_FOUND' });
  });

  it('starts at the start node and waits at the first question', async () => {
    const result = await conversation(supportFlow, { nlu }).send({ type: 'start' });
    expect(textsOf(result)).toEqual(['Back at the start. What do you need?']);
    expect(result).toMatchObject({
      status: 'awaiting_input',
      state: { currentNodeId: 'menu', turn: 1 },
    });
  });

  it('lets a global intent interrupt a question', async () => {
    const chat = await atEmailQuestion();
    const result = await chat.send('actually, can I talk to a human?');
    expect(result.status).toBe('escalated');
    expect(result.outputs[0]).toMatchObject({
      type: 'handoff',
      handoff: { queue: 'Support', intent: 'human' },
    });
    expect(result.trace.steps[0]?.reasons).toContainEqual({
      kind: 'globalIntent',
      intent: 'human',
      targetNodeId: 'human',
    });
  });

  it('lets the message that opens a session name a global intent', async () => {
    const chat = conversation(supportFlow, { nlu });
    const result = await chat.send({ type: 'start', text: 'I want a human please' });
    expect(textsOf(result)).toEqual(['Back at the start. What do you need?']);
    expect(result.status).toBe('escalated');
    expect(result.outputs.at(-1)).toMatchObject({ type: 'handoff', handoff: { intent: 'human' } });
    expect(result.trace.steps.map((step) => [step.nodeId, step.result])).toEqual([
      ['start', 'next'],
      ['greet', 'next'],
      ['menu', 'jump'],
      ['human', 'wait'],
    ]);
  });

  it('takes an opening "start over" as answered instead of greeting twice', async () => {
    const chat = conversation(supportFlow, { nlu });
    const result = await chat.send({ type: 'start', text: 'start over' });
    expect(textsOf(result)).toEqual(['Back at the start. What do you need?']);
    expect(chat.state()).toMatchObject({ currentNodeId: 'menu', status: 'awaiting_input' });
  });

  it('reads an opening message that names no global intent at the first question', async () => {
    const result = await conversation(supportFlow, { nlu }).send({
      type: 'start',
      text: 'where is my invoice',
    });
    expect(textsOf(result)).toEqual(['Back at the start. What do you need?', 'Your email?']);
  });

  it('starts over on the global "start over" intent, forgetting the question', async () => {
    const chat = await atEmailQuestion();
    const result = await chat.send('start over');
    expect(textsOf(result)).toEqual(['Back at the start. What do you need?']);
    expect(chat.state()).toMatchObject({ currentNodeId: 'menu', nodeState: null });
  });

  it('offers a human after two misunderstandings in a row', async () => {
    const chat = conversation(supportFlow, { nlu });
    await chat.send({ type: 'start' });
    const first = await chat.send('blue bananas');
    expect(textsOf(first)).toEqual(["Sorry, I didn't get that. Could you say it another way?"]);
    expect(chat.state()?.misunderstandings).toBe(1);
    const second = await chat.send('purple pears');
    expect(textsOf(second)).toEqual(['Shall I get you a human?']);
    expect(second.status).toBe('escalated');
    expect(second.trace.steps[0]?.reasons).toContainEqual({
      kind: 'fallback',
      misunderstandings: 2,
      offerHumanAfter: 2,
      offerHuman: true,
    });
  });

  describe('offering a human after a number of turns', () => {
    /** A question that is always answered and always asked again: no misunderstanding ever. */
    function circlingFlow(offerHumanAfterTurns: number | null, declineGoesTo: 'human' | 'name') {
      return buildFlow({
        nodes: [
          { id: 'start', type: 'start' },
          { id: 'name', type: 'ask', data: { prompt: 'Your name?', variable: 'name' } },
          { id: 'thanks', type: 'message', data: { text: 'Thanks {{name}}.' } },
          { id: 'again', type: 'jump', data: { targetNodeId: 'name' } },
          { id: 'offer', type: 'message', data: { text: 'Shall I get you a human?' } },
          { id: 'human', type: 'escalate', data: { queue: 'Support', handoffMessage: '' } },
          { id: 'done', type: 'end', data: { message: 'Bye.' } },
        ],
        edges: [
          ['start', 'next', 'name'],
          ['name', 'next', 'thanks'],
          ['name', 'invalid', 'done'],
          ['thanks', 'next', 'again'],
          ['offer', 'next', declineGoesTo],
          ['human', 'noAgent', 'done'],
        ],
        settings: { fallback: { offerHumanAfterTurns, offerHumanNodeId: 'offer' } },
      });
    }

    it('offers a human once the customer has sent that many messages', async () => {
      const chat = conversation(circlingFlow(3, 'human'));
      await chat.send({ type: 'start', text: 'hello' });
      await chat.send('Ada');
      expect(chat.state()).toMatchObject({ status: 'awaiting_input', customerTurns: 2 });
      const third = await chat.send('Grace');
      expect(textsOf(third)).toEqual(['Thanks Grace.', 'Your name?', 'Shall I get you a human?']);
      expect(third.status).toBe('escalated');
      expect(third.trace.steps.flatMap((step) => step.reasons)).toContainEqual({
        kind: 'turnLimit',
        customerTurns: 3,
        offerHumanAfterTurns: 3,
      });
      const steps = third.trace.steps.map((step) => step.step);
      expect(new Set(steps).size).toBe(steps.length);
    });

    it('offers only once when the customer goes on without one', async () => {
      const chat = conversation(circlingFlow(2, 'name'));
      await chat.send({ type: 'start' });
      await chat.send('Ada');
      const offered = await chat.send('Grace');
      expect(textsOf(offered)).toEqual([
        'Thanks Grace.',
        'Your name?',
        'Shall I get you a human?',
        'Your name?',
      ]);
      expect(textsOf(await chat.send('Alan'))).toEqual(['Thanks Alan.', 'Your name?']);
      expect(chat.state()).toMatchObject({ humanOffered: true, customerTurns: 3 });
    });

    it('never offers one by turns unless the flow sets a limit', async () => {
      const chat = conversation(circlingFlow(null, 'human'));
      await chat.send({ type: 'start' });
      for (const name of ['Ada', 'Grace', 'Alan', 'Barbara', 'Edsger']) {
        expect(textsOf(await chat.send(name))).toEqual([`Thanks ${name}.`, 'Your name?']);
      }
    });

    it('counts from zero in a session stored before turns were counted', async () => {
      const flow = circlingFlow(2, 'human');
      const services = testServices();
      const nlu = keywordClassifier({ intents: {} });
      const opening = await runTurn({ flow, nlu, state: null, input: { type: 'start' }, services });
      const { customerTurns: _turns, humanOffered: _offered, ...storedEarlier } = opening.state;
      const first = await runTurn({
        flow,
        nlu,
        state: storedEarlier as typeof opening.state,
        input: { type: 'text', text: 'Ada' },
        services,
      });
      expect(first.trace.error).toBeNull();
      expect(first.state.customerTurns).toBe(1);
      expect(textsOf(first)).toEqual(['Thanks Ada.', 'Your name?']);
    });
  });

  it('resets the misunderstanding count once the customer is understood', async () => {
    const chat = conversation(supportFlow, { nlu });
    await chat.send({ type: 'start' });
    await chat.send('blue bananas');
    await chat.send('my invoice');
    expect(chat.state()?.misunderstandings).toBe(0);
  });

  it('uses the first message typed at session start', async () => {
    const result = await conversation(supportFlow, { nlu }).send({
      type: 'start',
      text: 'invoice please',
    });
    expect(textsOf(result)).toEqual(['Back at the start. What do you need?', 'Your email?']);
  });

  it('stops a loop at the step limit with an error trace and a safe message', async () => {
    const loop = buildFlow({
      nodes: [
        { id: 'start', type: 'start' },
        { id: 'spin', type: 'message', data: { text: 'again' } },
        { id: 'back', type: 'jump', data: { targetNodeId: 'spin' } },
      ],
      edges: [
        ['start', 'next', 'spin'],
        ['spin', 'next', 'back'],
      ],
      settings: { maxStepsPerTurn: 20 },
    });
    const result = await conversation(loop).send({ type: 'start' });
    expect(result.trace.error?.code).toBe('STEP_LIMIT');
    expect(result.trace.steps).toHaveLength(20);
    expect(textsOf(result)).toEqual([
      'Sorry, something went wrong on my side. Could you try that again?',
    ]);
    expect(result.state.currentNodeId).toBeNull();
  });

  it('never rejects, even when the NLU throws: the state before the turn is kept', async () => {
    const broken: NluClassifier = {
      classify: () => {
        throw new Error('model not loaded');
      },
    };
    const chat = conversation(supportFlow, { nlu: broken });
    const opening = await chat.send({ type: 'start' });
    const result = await chat.send('hello');
    expect(result.trace.error).toEqual({
      code: 'TURN_FAILED',
      message: 'The turn failed unexpectedly: model not loaded',
    });
    expect(result.state).toEqual(opening.state);
  });

  it('reports an output that leads nowhere instead of going silent', async () => {
    const unfinished = buildFlow({
      nodes: [
        { id: 'start', type: 'start' },
        { id: 'hi', type: 'message', data: { text: 'Hi' } },
      ],
      edges: [['start', 'next', 'hi']],
    });
    const result = await conversation(unfinished).send({ type: 'start' });
    expect(result.trace.error?.code).toBe('OUTPUT_NOT_CONNECTED');
    expect(result.trace.error?.message).toContain('"next"');
  });

  it('gives the same result for the same state, input and services', async () => {
    const run = async () => {
      const services = testServices();
      const opening = await runTurn({
        flow: supportFlow,
        nlu,
        state: null,
        input: { type: 'start' },
        services,
      });
      return runTurn({
        flow: supportFlow,
        nlu,
        state: opening.state,
        input: { type: 'text', text: 'invoice' },
        services,
      });
    };
    expect(await run()).toEqual(await run());
  });

  it('keeps the state plain JSON', async () => {
    const chat = await atEmailQuestion();
    const state = chat.state();
    expect(JSON.parse(JSON.stringify(state))).toEqual(state);
  });

  it('refuses an input that does not match the contract without throwing', async () => {
    const result = await runTurn({
      flow: supportFlow,
      nlu,
      state: null,
      input: { type: 'text' } as never,
      services: testServices(),
    });
    expect(result.trace.error?.code).toBe('INVALID_INPUT');
  });
});
