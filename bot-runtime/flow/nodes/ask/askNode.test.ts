import { describe, expect, it } from 'vitest';
import { buildFlow } from '../../../engine/testing/buildFlow';
import { conversation, textsOf } from '../../../engine/testing/conversation';

function askFlow(data: Record<string, unknown>) {
  return buildFlow({
    nodes: [
      { id: 'start', type: 'start' },
      { id: 'q', type: 'ask', data: { prompt: 'Question?', variable: 'answer', ...data } },
      { id: 'thanks', type: 'end', data: { message: 'Got {{answer}}' } },
      { id: 'gaveUp', type: 'end', data: { message: 'Let us try another time.' } },
      { id: 'silent', type: 'end', data: { message: 'Are you still there? Closing for now.' } },
    ],
    edges: [
      ['start', 'next', 'q'],
      ['q', 'next', 'thanks'],
      ['q', 'invalid', 'gaveUp'],
      ['q', 'noInput', 'silent'],
    ],
  });
}

async function answer(
  data: Record<string, unknown>,
  reply: string | { type: 'choice'; value: string },
) {
  const chat = conversation(askFlow(data));
  await chat.send({ type: 'start' });
  const result = await chat.send(reply);
  return { result, value: chat.state()?.variables.answer };
}

describe('ask node', () => {
  it('asks, waits, and saves a valid answer before leaving through next', async () => {
    const chat = conversation(askFlow({ answerType: 'email', prompt: 'Your email?' }));
    const first = await chat.send({ type: 'start' });
    expect(textsOf(first)).toEqual(['Your email?']);
    expect(first.status).toBe('awaiting_input');
    const second = await chat.send('It is Jane@Example.com thanks');
    expect(textsOf(second)).toEqual(['Got jane@example.com']);
    expect(second.trace.steps[0]?.reasons).toContainEqual(
      expect.objectContaining({ kind: 'input', accepted: true }),
    );
  });

  it.each([
    [{ answerType: 'number' }, 'about 1,250 dollars', 1250],
    [{ answerType: 'phone' }, '+44 20 7946 0958', '+442079460958'],
    [{ answerType: 'date' }, '03/02/2025', '2025-02-03'],
    [{ answerType: 'date' }, 'tomorrow', '2025-01-16'],
    [{ answerType: 'yesno' }, 'Yep', true],
    [{ answerType: 'regex', pattern: '[A-Z]\\d{4}' }, 'A1001', 'A1001'],
    [{ answerType: 'text' }, '  hello ', 'hello'],
  ])('understands %o answered with "%s"', async (data, reply, expected) => {
    const { value } = await answer(data, reply);
    expect(value).toEqual(expected);
  });

  it.each([
    ['[A-Z]\\d{4}', 'a1001'],
    ['[A-Z]\\d{4}', 'order A1001'],
    ['[A-Z]\\d{4}', 'A10012'],
    ['(a+)+b', 'a'.repeat(5_000)],
    ['(?=A)[A-Z]\\d{4}', 'A1001'],
    ['(', 'A1001'],
  ])('refuses an answer the pattern %s does not wholly match: "%s"', async (pattern, reply) => {
    // `(a+)+b` would backtrack for minutes on that answer; a lookahead or a broken pattern
    // accepts nothing.
    const { result, value } = await answer({ answerType: 'regex', pattern }, reply);
    expect(value).toBeUndefined();
    expect(textsOf(result)).toEqual(["Sorry, that doesn't look right. Could you try again?"]);
  });

  it('accepts an answer a catastrophic pattern does match', async () => {
    const reply = `${'a'.repeat(5_000)}b`;
    expect((await answer({ answerType: 'regex', pattern: '(a+)+b' }, reply)).value).toBe(reply);
  });

  it('offers choices as quick replies and accepts a tap, a label or a position', async () => {
    const options = [
      { label: 'Standard', value: 'standard' },
      { label: 'Express', value: 'express' },
    ];
    const chat = conversation(askFlow({ answerType: 'choice', options }));
    const first = await chat.send({ type: 'start' });
    expect(first.outputs[0]).toMatchObject({ quickReplies: options });
    expect(
      (await answer({ answerType: 'choice', options }, { type: 'choice', value: 'express' })).value,
    ).toBe('express');
    expect((await answer({ answerType: 'choice', options }, 'standard')).value).toBe('standard');
    expect((await answer({ answerType: 'choice', options }, '2')).value).toBe('express');
  });

  it('re-prompts on invalid answers up to maxRetries, then leaves through invalid', async () => {
    const chat = conversation(
      askFlow({ answerType: 'number', maxRetries: 2, retryPrompt: 'A number, please.' }),
    );
    await chat.send({ type: 'start' });
    expect(textsOf(await chat.send('lots'))).toEqual(['A number, please.']);
    expect(textsOf(await chat.send('many'))).toEqual(['A number, please.']);
    const last = await chat.send('plenty');
    expect(textsOf(last)).toEqual(['Let us try another time.']);
    expect(last.trace.steps[0]?.output).toBe('invalid');
  });

  it('leaves through noInput when the customer stays silent', async () => {
    const chat = conversation(askFlow({}));
    await chat.send({ type: 'start' });
    const result = await chat.send({ type: 'timeout' });
    expect(textsOf(result)).toEqual(['Are you still there? Closing for now.']);
  });

  it('takes the answer from a form submission', async () => {
    const chat = conversation(askFlow({ answerType: 'number' }));
    await chat.send({ type: 'start' });
    await chat.send({ type: 'form', fields: { answer: 42 } });
    expect(chat.state()?.variables.answer).toBe(42);
  });
});
