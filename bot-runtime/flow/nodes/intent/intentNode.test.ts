import { describe, expect, it } from 'vitest';
import { buildFlow } from '../../../engine/testing/buildFlow';
import { conversation, textsOf } from '../../../engine/testing/conversation';
import { keywordClassifier } from '../../../engine/testing/keywordClassifier';
import { loadNlu } from '../../../nlu/loadNlu';
import { trainNlu } from '../../../nlu/trainNlu';

const nlu = keywordClassifier({
  intents: { orderStatus: ['order'], returns: ['return'] },
  entities: { orderNumber: /[A-Z]\d{4}/ },
});

function menuFlow(fallbackConnected: boolean, saveIntentIn = '') {
  return buildFlow({
    nodes: [
      { id: 'start', type: 'start' },
      {
        id: 'menu',
        type: 'intent',
        data: {
          intents: [
            {
              intent: 'orderStatus',
              slots: [
                { entity: 'orderNumber', variable: 'orderNumber', prompt: 'Which order number?' },
              ],
            },
            { intent: 'returns' },
          ],
          saveIntentIn,
        },
      },
      { id: 'order', type: 'end', data: { message: 'Looking up {{orderNumber}}' } },
      { id: 'returns', type: 'end', data: { message: 'Returns are free.' } },
      { id: 'sorry', type: 'end', data: { message: 'I cannot help with that.' } },
    ],
    edges: [
      ['start', 'next', 'menu'],
      ['menu', 'orderStatus', 'order'],
      ['menu', 'returns', 'returns'],
      ...(fallbackConnected ? [['menu', 'fallback', 'sorry'] as [string, string, string]] : []),
    ],
    settings: { fallback: { offerHumanAfter: 5 } },
  });
}

async function atMenu(fallbackConnected = true, saveIntentIn = '') {
  const chat = conversation(menuFlow(fallbackConnected, saveIntentIn), { nlu });
  const opening = await chat.send({ type: 'start' });
  expect(opening.status).toBe('awaiting_input');
  return chat;
}

describe('intent node', () => {
  it('waits for the customer, then leaves through the recognised intent', async () => {
    const chat = await atMenu();
    const result = await chat.send('How do I return a jumper?');
    expect(textsOf(result)).toEqual(['Returns are free.']);
    expect(result.trace.steps[0]?.reasons[0]).toMatchObject({ kind: 'nlu', intent: 'returns' });
  });

  it('takes a tapped quick reply naming the intent without asking the NLU', async () => {
    const chat = await atMenu();
    const result = await chat.send({ type: 'choice', value: 'returns', label: 'Returns' });
    expect(textsOf(result)).toEqual(['Returns are free.']);
  });

  it('fills a slot from the same message', async () => {
    const chat = await atMenu();
    const result = await chat.send('Where is my order B2002?');
    expect(textsOf(result)).toEqual(['Looking up B2002']);
    expect(chat.state()?.variables.orderNumber).toBe('B2002');
  });

  it('asks for a missing slot, then continues with the answer', async () => {
    const chat = await atMenu();
    expect(textsOf(await chat.send('Where is my order?'))).toEqual(['Which order number?']);
    expect(textsOf(await chat.send('It is A1001'))).toEqual(['Looking up A1001']);
  });

  it('saves the recognised intent in a variable before it asks for a missing slot', async () => {
    const chat = await atMenu(true, 'requested');
    expect(textsOf(await chat.send('Where is my order?'))).toEqual(['Which order number?']);
    expect(chat.state()?.variables.requested).toBe('orderStatus');
    expect(chat.state()?.variables.orderNumber).toBeUndefined();
  });

  it('re-asks once for a slot, then counts the message as misunderstood', async () => {
    const chat = await atMenu();
    await chat.send('my order please');
    expect(textsOf(await chat.send('no idea'))).toEqual(['Which order number?']);
    expect(textsOf(await chat.send('still no idea'))).toEqual(['I cannot help with that.']);
  });

  it('leaves through fallback when nothing matches', async () => {
    const chat = await atMenu();
    const result = await chat.send('Tell me a joke');
    expect(textsOf(result)).toEqual(['I cannot help with that.']);
    expect(result.trace.steps[0]?.output).toBe('fallback');
  });

  it('without a fallback path says the flow fallback message and keeps waiting', async () => {
    const chat = await atMenu(false);
    const result = await chat.send('Tell me a joke');
    expect(textsOf(result)).toEqual(["Sorry, I didn't get that. Could you say it another way?"]);
    expect(result.status).toBe('awaiting_input');
    expect(textsOf(await chat.send('returns?'))).toEqual(['Returns are free.']);
  });

  it('reads a relative date in the message by the engine clock', async () => {
    const bookings = loadNlu(
      trainNlu({
        intents: [
          { name: 'bookTable', phrases: ['book a table', 'reserve a table for friday'] },
          { name: 'openingHours', phrases: ['when are you open', 'what are your hours'] },
        ],
      }),
    );
    const flow = buildFlow({
      nodes: [
        { id: 'start', type: 'start' },
        {
          id: 'menu',
          type: 'intent',
          data: {
            intents: [
              {
                intent: 'bookTable',
                slots: [{ entity: 'date', variable: 'day', prompt: 'Which day?' }],
              },
              { intent: 'openingHours' },
            ],
          },
        },
        { id: 'booked', type: 'end', data: { message: 'Booked for {{day}}.' } },
        { id: 'hours', type: 'end', data: { message: 'Nine to five.' } },
      ],
      edges: [
        ['start', 'next', 'menu'],
        ['menu', 'bookTable', 'booked'],
        ['menu', 'openingHours', 'hours'],
      ],
    });
    // The test clock stands on 15 January 2025, whenever the test runs.
    const chat = conversation(flow, { nlu: bookings });
    await chat.send({ type: 'start' });
    const result = await chat.send('book a table for tomorrow');
    expect(textsOf(result)).toEqual(['Booked for 2025-01-16.']);
  });
});
