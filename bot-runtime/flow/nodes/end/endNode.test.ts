import { describe, expect, it } from 'vitest';
import { buildFlow } from '../../../engine/testing/buildFlow';
import { conversation, textsOf } from '../../../engine/testing/conversation';

function endFlow(csat: Record<string, unknown> | undefined) {
  return buildFlow({
    nodes: [
      { id: 'start', type: 'start' },
      {
        id: 'bye',
        type: 'end',
        data: { message: 'Thanks for visiting!', ...(csat ? { csat } : {}) },
      },
    ],
    edges: [['start', 'next', 'bye']],
  });
}

describe('end node', () => {
  it('says goodbye and ends the session', async () => {
    const chat = conversation(endFlow(undefined));
    const result = await chat.send({ type: 'start' });
    expect(result.outputs).toEqual([
      { type: 'text', text: 'Thanks for visiting!', quickReplies: [] },
      { type: 'end', csat: null },
    ]);
    expect(result.status).toBe('ended');
    expect(await chat.send('hello?')).toMatchObject({ outputs: [], status: 'ended' });
  });

  it('asks for a 1-5 rating and a comment, then ends with both', async () => {
    const chat = conversation(endFlow({ enabled: true }));
    const opening = await chat.send({ type: 'start' });
    expect(opening.status).toBe('awaiting_input');
    expect(opening.outputs[1]).toMatchObject({
      text: 'How would you rate this conversation, from 1 to 5?',
      quickReplies: [
        { value: '1' },
        { value: '2' },
        { value: '3' },
        { value: '4' },
        { value: '5' },
      ],
    });
    expect(textsOf(await chat.send({ type: 'choice', value: '4' }))).toEqual([
      'Anything we could do better?',
    ]);
    const last = await chat.send('Faster answers please');
    expect(last.outputs.at(-1)).toEqual({
      type: 'end',
      csat: { rating: 4, comment: 'Faster answers please' },
    });
    expect(chat.state()?.variables).toMatchObject({
      csatRating: 4,
      csatComment: 'Faster answers please',
    });
  });

  it('re-asks an unreadable rating once, then ends without one', async () => {
    const chat = conversation(endFlow({ enabled: true, commentPrompt: '' }));
    await chat.send({ type: 'start' });
    expect(textsOf(await chat.send('great'))).toEqual([
      'How would you rate this conversation, from 1 to 5?',
    ]);
    const last = await chat.send('really great');
    expect(last.outputs).toEqual([{ type: 'end', csat: null }]);
  });

  it('takes the rating and comment from one form submission', async () => {
    const chat = conversation(endFlow({ enabled: true }));
    await chat.send({ type: 'start' });
    const last = await chat.send({ type: 'form', fields: { rating: 5, comment: 'Lovely' } });
    expect(last.outputs.at(-1)).toEqual({ type: 'end', csat: { rating: 5, comment: 'Lovely' } });
  });
});
