import { describe, expect, it } from 'vitest';
import type { ConversationEntry, ConversationNote } from './consoleTypes';
import { transcriptTimeline } from './transcriptTimeline';

const at = (second: number) => new Date(Date.UTC(2025, 0, 1, 12, 0, second));

function entry(
  seq: number,
  actor: 'customer' | 'agent' | 'bot',
  status: 'sent' | 'read' = 'sent',
): ConversationEntry {
  return {
    id: `e${seq}`,
    seq,
    actor: { type: actor, name: actor },
    type: 'text',
    payload: { text: `message ${seq}` },
    createdAt: at(seq * 10).toISOString(),
    status,
  };
}

const note = (second: number, body: string): ConversationNote => ({
  id: body,
  authorName: 'Alice Agent',
  body,
  createdAt: at(second),
});

const shape = (items: ReturnType<typeof transcriptTimeline>) =>
  items.map((item) =>
    item.kind === 'note' ? `note ${item.note.body}` : `${item.entry.seq}${item.readMark ?? ''}`,
  );

describe('the transcript the agent reads', () => {
  it('places a staff note among the messages by when it was written', () => {
    const items = transcriptTimeline(
      [entry(1, 'bot'), entry(2, 'customer'), entry(3, 'agent')],
      [note(25, 'upset customer'), note(99, 'latest')],
    );
    expect(shape(items)).toEqual(['1', '2', 'note upset customer', '3sent', 'note latest']);
  });

  it('says Read under the newest message the customer read and Sent under a newer one', () => {
    const items = transcriptTimeline(
      [
        entry(1, 'agent', 'read'),
        entry(2, 'agent', 'read'),
        entry(3, 'customer'),
        entry(4, 'agent'),
      ],
      [],
    );
    expect(shape(items)).toEqual(['1', '2read', '3', '4sent']);
  });

  it('says only Read once the customer has read the newest message', () => {
    const items = transcriptTimeline([entry(1, 'agent', 'read'), entry(2, 'bot', 'read')], []);
    expect(shape(items)).toEqual(['1read', '2']);
  });

  it('holds back notes older than the first message shown until the earlier ones are loaded', () => {
    const laterPage = [entry(3, 'customer'), entry(4, 'agent')];
    const notes = [note(15, 'early note'), note(35, 'late note')];
    expect(shape(transcriptTimeline(laterPage, notes, false))).toEqual([
      '3',
      'note late note',
      '4sent',
    ]);
    expect(shape(transcriptTimeline(laterPage, notes))).toEqual([
      'note early note',
      '3',
      'note late note',
      '4sent',
    ]);
  });
});
