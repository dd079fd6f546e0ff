import type { ConversationEntry } from './consoleTypes';

interface WithEntries {
  entries: ConversationEntry[];
  session: { lastSeq: number };
}

/**
 * The conversation with `arriving` entries added in seq order. An entry whose seq is already
 * there is dropped, so the live feed replaying after a reconnect, or a re-read racing it,
 * neither duplicates nor loses an entry; what is already there wins, as the fresher read.
 */
export function withEntries<View extends WithEntries>(
  view: View,
  arriving: readonly ConversationEntry[],
): View {
  const known = new Set(view.entries.map((entry) => entry.seq));
  const added = arriving.filter((entry) => {
    if (known.has(entry.seq)) return false;
    known.add(entry.seq);
    return true;
  });
  if (added.length === 0) return view;
  const entries = [...view.entries, ...added].sort((a, b) => a.seq - b.seq);
  const lastSeq = Math.max(view.session.lastSeq, entries.at(-1)?.seq ?? 0);
  return { ...view, entries, session: { ...view.session, lastSeq } };
}

/**
 * The conversation once the customer has read up to `upToSeq`: what was written for them up
 * to there reads as read. Marks move forward only.
 */
export function withCustomerRead<
  View extends WithEntries & { session: { customerReadSeq: number } },
>(view: View, upToSeq: number): View {
  if (upToSeq <= view.session.customerReadSeq) return view;
  return {
    ...view,
    entries: view.entries.map((entry) =>
      entry.actor.type !== 'customer' && entry.seq <= upToSeq && entry.status !== 'read'
        ? { ...entry, status: 'read' as const }
        : entry,
    ),
    session: { ...view.session, customerReadSeq: upToSeq },
  };
}

/**
 * A fresh read of the conversation, keeping entries the live feed delivered while the read was
 * under way: the read may have been answered just before they were written.
 */
export function keepArrivedEntries<View extends WithEntries>(
  cached: View | undefined,
  fresh: View,
): View {
  return cached ? withEntries(fresh, cached.entries) : fresh;
}
