import { describe, expect, it } from 'vitest';
import { buildFlow } from '../../../engine/testing/buildFlow';
import { conversation, textsOf } from '../../../engine/testing/conversation';

describe('jump node', () => {
  it('loops back to the menu question', async () => {
    const flow = buildFlow({
      nodes: [
        { id: 'start', type: 'start' },
        {
          id: 'menu',
          type: 'ask',
          data: { prompt: 'Anything else?', variable: 'more', answerType: 'yesno' },
        },
        { id: 'ok', type: 'message', data: { text: 'Sure.' } },
        { id: 'back', type: 'jump', data: { targetNodeId: 'menu' } },
        { id: 'bye', type: 'end', data: { message: 'Bye!' } },
      ],
      edges: [
        ['start', 'next', 'menu'],
        ['menu', 'next', 'ok'],
        ['menu', 'invalid', 'bye'],
        ['ok', 'next', 'back'],
      ],
    });
    const chat = conversation(flow);
    await chat.send({ type: 'start' });
    const result = await chat.send('yes');
    expect(textsOf(result)).toEqual(['Sure.', 'Anything else?']);
    expect(result.trace.steps.map((s) => s.result)).toEqual(['next', 'next', 'jump', 'wait']);
  });
});
