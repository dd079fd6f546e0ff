import { describe, expect, it } from 'vitest';
import type { ConversationEntry } from './consoleTypes';
import {
  keepArrivedEntries,
  withCustomerRead,
  withEarlierEntries,
  withEntries,
} from './mergeEntries';

function said(seq: number, text: string): ConversationEntry {
  return {
    id: `e${seq}`,
    seq,
    actor: { type: 'customer', name: 'Customer' },
    type: 'text',
    payload: { text },
    createdAt: new Date(Date.UTC(2025, 0, 1, 12, 0, seq)).toISOString(),
    status: 'sent',
  };
}

const view = (entries: ConversationEntry[]) => ({
  entries,
  session: { lastSeq: entries.at(-1)?.seq ?? 0 },
  hasMore: (entries[0]?.seq ?? 1) > 1,
});

/** Customer messages `from` to `to`, one per seq. */
const run = (from: number, to: number) =>
  Array.from({ length: to - from + 1 }, (_, index) => said(from + index, `m${from + index}`));
const seqs = (shown: { entries: ConversationEntry[] }) => shown.entries.map((entry) => entry.seq);

describe('live entries in the agent’s open conversation', () => {
  it('adds a new message after the ones already shown', () => {
    const shown = view([said(1, 'hi'), said(2, 'order A1001')]);
    const next = withEntries(shown, [said(3, 'still there?')]);
    expect(next.entries.map((entry) => entry.seq)).toEqual([1, 2, 3]);
    expect(next.session.lastSeq).toBe(3);
  });

  it('drops what a reconnecting feed replays, keeping the copy already shown', () => {
    const shown = view([said(1, 'hi'), said(2, 'order A1001')]);
    const replay = { ...said(2, 'order A1001'), status: 'read' as const };
    const next = withEntries(shown, [replay, said(3, 'thanks'), said(3, 'thanks')]);
    expect(next.entries.map((entry) => entry.seq)).toEqual([1, 2, 3]);
    expect(next.entries[1]?.status).toBe('sent');
  });

  it('puts an entry that arrives out of order in its place', () => {
    const next = withEntries(view([said(1, 'a'), said(3, 'c')]), [said(2, 'b')]);
    expect(next.entries.map((entry) => entry.payload.text)).toEqual(['a', 'b', 'c']);
  });

  it('returns the same view when nothing is new, so nothing redraws', () => {
    const shown = view([said(1, 'hi')]);
    expect(withEntries(shown, [said(1, 'hi')])).toBe(shown);
  });

  it('keeps a message the feed delivered while a re-read was answered without it', () => {
    const cached = view([said(1, 'hi'), said(2, 'new while reading')]);
    const fresh = view([{ ...said(1, 'hi'), status: 'read' }]);
    const kept = keepArrivedEntries(cached, fresh);
    expect(kept.entries.map((entry) => [entry.seq, entry.status])).toEqual([
      [1, 'read'],
      [2, 'sent'],
    ]);
  });

  it('shows what was written for the customer as read up to their mark, moving forward only', () => {
    const agentSays = (seq: number): ConversationEntry => ({
      ...said(seq, 'from the agent'),
      actor: { type: 'agent', name: 'Alice' },
    });
    const shown = {
      entries: [said(1, 'hi'), agentSays(2), agentSays(3)],
      session: { lastSeq: 3, customerReadSeq: 0 },
    };
    const read = withCustomerRead(shown, 2);
    expect(read.entries.map((entry) => entry.status)).toEqual(['sent', 'read', 'sent']);
    expect(read.session.customerReadSeq).toBe(2);
    expect(withCustomerRead(read, 1)).toBe(read);
  });
});

describe('earlier pages of a long conversation', () => {
  it('puts a loaded page before the entries shown, and says when the start is reached', () => {
    const shown = view(run(501, 1000));
    const paged = withEarlierEntries(shown, run(1, 500));
    expect(seqs(paged)).toEqual(run(1, 1000).map((entry) => entry.seq));
    expect(paged.hasMore).toBe(false);

    const partly = withEarlierEntries(shown, run(201, 500));
    expect(partly.entries[0]?.seq).toBe(201);
    expect(partly.hasMore).toBe(true);
  });

  it('ignores a page that no longer joins what is shown, rather than show a gap', () => {
    const shown = view(run(801, 1300));
    const stale = withEarlierEntries(shown, run(1, 500));
    expect(stale).toBe(shown);
    expect(stale.hasMore).toBe(true);
  });

  it('keeps the earlier pages the agent loaded when a re-read brings only the newest page', () => {
    const cached = view([...run(1, 1000), said(1001, 'arrived while reading')]);
    const fresh = view(run(501, 1000));
    const kept = keepArrivedEntries(cached, fresh);
    expect(seqs(kept)).toEqual(run(1, 1001).map((entry) => entry.seq));
    expect(kept.hasMore).toBe(false);
  });

  it('drops earlier entries a reconnect left behind a gap, so paging fills it instead', () => {
    // Offline while 700 entries were written: the old view ends far below the fresh page.
    const cached = view([...run(101, 600), said(1301, 'arrived while reading')]);
    const fresh = view(run(801, 1300));
    const kept = keepArrivedEntries(cached, fresh);
    expect(seqs(kept)).toEqual(run(801, 1301).map((entry) => entry.seq));
    expect(kept.hasMore).toBe(true);
  });
});
