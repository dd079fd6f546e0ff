import type { Entry } from '@parley/sdk';
import { describe, expect, it } from 'vitest';
import { chatRows, quickReplies } from './chatRows';

let seq = 0;
function entry(actor: Entry['actor'], type: Entry['type'], payload: Entry['payload']): Entry {
  seq += 1;
  return {
    id: `e${seq}`,
    seq,
    actor,
    type,
    payload,
    createdAt: new Date(seq * 1000).toISOString(),
    status: 'sent',
  };
}
const bot = { type: 'bot', name: 'Acme bot' } as const;
const alice = { type: 'agent', name: 'Alice' } as const;
const me = { type: 'customer', name: 'Ada' } as const;
const system = { type: 'system', name: 'Parley' } as const;

describe('the conversation screen’s rows', () => {
  it('shows each side’s messages, the events between them, and what is still being sent', () => {
    const entries = [
      entry(bot, 'quick_replies', {
        text: 'Hi! How can I help?',
        options: [
          { label: 'Order status', value: 'order' },
          { label: 'Talk to a person', value: 'agent' },
        ],
      }),
      entry(me, 'choice', { value: 'agent', label: 'Talk to a person' }),
      entry(system, 'queue_position', { position: 2 }),
      entry(system, 'participant_changed', {
        change: 'joined',
        participant: { type: 'agent', name: 'Alice' },
      }),
      entry(alice, 'text', { text: 'Hi, Alice here.' }),
      entry(system, 'status_changed', { from: 'waiting', to: 'active' }),
      entry(alice, 'typing', { durationMs: 800 }),
    ];
    const rows = chatRows(entries, [
      { message: { clientMessageId: 'c-1', text: 'Where is A1001?' }, queuedAt: '' },
    ]);

    expect(
      rows.map(({ side, author, text, pending }) => ({ side, author, text, pending })),
    ).toEqual([
      { side: 'them', author: 'Acme bot', text: 'Hi! How can I help?', pending: false },
      { side: 'customer', author: null, text: 'Talk to a person', pending: false },
      { side: 'event', author: null, text: 'You are number 2 in the queue', pending: false },
      { side: 'event', author: null, text: 'Alice joined', pending: false },
      { side: 'them', author: 'Alice', text: 'Hi, Alice here.', pending: false },
      { side: 'customer', author: null, text: 'Where is A1001?', pending: true },
    ]);
    expect(rows.map((row) => row.key)).toEqual([...new Set(rows.map((row) => row.key))]);
  });

  it('offers the quick replies of the last entry only', () => {
    const offer = entry(bot, 'quick_replies', {
      text: 'Anything else?',
      options: [{ label: 'No, thanks', value: 'no' }],
    });
    expect(quickReplies([offer])).toEqual([{ label: 'No, thanks', value: 'no' }]);
    expect(quickReplies([offer, entry(me, 'choice', { value: 'no' })])).toEqual([]);
    expect(quickReplies([])).toEqual([]);
  });
});
