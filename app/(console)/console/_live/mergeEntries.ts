import type { ConversationEntry } from './consoleTypes';

interface WithEntries {
  entries: ConversationEntry[];
  session: { lastSeq: number };
}

interface Paged extends WithEntries {
  /** Entries before the first one shown exist. */
  hasMore: boolean;
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
 * The conversation with the `earlier` entries that lead, seq by seq, up to its first one: a
 * page loaded by "show earlier messages", or what an earlier view held. Seqs start at 1 and
 * are never skipped, so only an unbroken run is added (the transcript never shows a gap) and
 * earlier entries remain while the first shown is above 1.
 */
export function withEarlierEntries<View extends Paged>(
  view: View,
  earlier: readonly ConversationEntry[],
): View {
  const first = view.entries[0]?.seq;
  if (first === undefined) return view;
  const bySeq = new Map(earlier.map((entry) => [entry.seq, entry]));
  const run: ConversationEntry[] = [];
  for (let seq = first - 1; bySeq.has(seq); seq -= 1) run.push(bySeq.get(seq) as ConversationEntry);
  if (run.length === 0) return view;
  run.reverse();
  return { ...view, entries: [...run, ...view.entries], hasMore: (run[0]?.seq ?? 1) > 1 };
}

/**
 * A fresh read of the conversation (its newest page), keeping entries the live feed delivered
 * while the read was under way (the read may have been answered just before they were written)
 * and the earlier pages the agent had loaded, as far as they join the fresh page without a gap.
 */
export function keepArrivedEntries<View extends Paged>(
  cached: View | undefined,
  fresh: View,
): View {
  if (!cached) return fresh;
  const first = fresh.entries[0]?.seq;
  if (first === undefined) return withEntries(fresh, cached.entries);
  const later = cached.entries.filter((entry) => entry.seq >= first);
  return withEarlierEntries(withEntries(fresh, later), cached.entries);
}
