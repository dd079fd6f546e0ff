import { describe, expect, it } from 'vitest';
import { buildFlow } from '../../../engine/testing/buildFlow';
import { conversation } from '../../../engine/testing/conversation';
import { testServices } from '../../../engine/testing/testServices';

function greetingFlow(data: Record<string, unknown>) {
  return buildFlow({
    nodes: [
      { id: 'start', type: 'start' },
      { id: 'hello', type: 'message', data },
      { id: 'bye', type: 'end', data: { message: '' } },
    ],
    edges: [
      ['start', 'next', 'hello'],
      ['hello', 'next', 'bye'],
    ],
    settings: {
      variables: [{ name: 'firstName', type: 'string', default: 'Ada', description: '' }],
    },
  });
}

describe('message node', () => {
  it('greets by name, shows typing first and offers quick replies', async () => {
    const chat = conversation(
      greetingFlow({
        text: 'Hi {{firstName}}!',
        quickReplies: [{ label: 'Track my order', value: 'orderStatus' }, { label: 'Help' }],
        typingDelayMs: 800,
      }),
    );
    const { outputs } = await chat.send({ type: 'start' });
    expect(outputs.slice(0, 2)).toEqual([
      { type: 'typing', durationMs: 800 },
      {
        type: 'text',
        text: 'Hi Ada!',
        quickReplies: [
          { label: 'Track my order', value: 'orderStatus' },
          { label: 'Help', value: 'Help' },
        ],
      },
    ]);
  });

  it('sends an image and a carousel of cards, then leaves through next', async () => {
    const chat = conversation(
      greetingFlow({
        image: { url: 'https://example.com/logo.png', alt: 'Logo' },
        cards: [
          { title: 'Shoes for {{firstName}}', buttons: [{ label: 'Buy', value: 'buy' }] },
          { title: 'Socks', subtitle: 'Warm' },
        ],
      }),
    );
    const { outputs, status } = await chat.send({ type: 'start' });
    expect(outputs[0]).toEqual({ type: 'image', url: 'https://example.com/logo.png', alt: 'Logo' });
    expect(outputs[1]).toMatchObject({
      type: 'cards',
      cards: [{ title: 'Shoes for Ada' }, { title: 'Socks', subtitle: 'Warm' }],
    });
    expect(outputs.at(-1)).toEqual({ type: 'end', csat: null });
    expect(status).toBe('ended');
  });

  it('picks a wording with the injected random source', async () => {
    const flow = greetingFlow({ text: 'Hello!', variations: ['Hey there!', 'Good day!'] });
    const first = await conversation(flow, { services: testServices({ random: 0 }) }).send({
      type: 'start',
    });
    const last = await conversation(flow, { services: testServices({ random: 0.99 }) }).send({
      type: 'start',
    });
    expect(first.outputs[0]).toMatchObject({ text: 'Hello!' });
    expect(last.outputs[0]).toMatchObject({ text: 'Good day!' });
  });
});
