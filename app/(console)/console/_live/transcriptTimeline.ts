import type { ConversationEntry, ConversationNote } from './consoleTypes';

export type TimelineItem =
  | { kind: 'entry'; entry: ConversationEntry; readMark: 'read' | 'sent' | null }
  | { kind: 'note'; note: ConversationNote };

/**
 * The transcript as the agent reads it: entries in seq order with the staff notes placed by
 * the time they were written. The newest agent message the customer has read says "Read"; a
 * newer one they have not read yet says "Sent", so the agent knows where the customer stopped.
 * While earlier entries are not loaded (`fromStart` false), notes written before the first entry
 * shown wait for them too, rather than sit at the top out of place.
 */
export function transcriptTimeline(
  entries: readonly ConversationEntry[],
  notes: readonly ConversationNote[],
  fromStart = true,
): TimelineItem[] {
  const agentTexts = entries.filter(
    (entry) => entry.actor.type === 'agent' && entry.type === 'text',
  );
  const lastRead = agentTexts.findLast((entry) => entry.status === 'read');
  const lastSent = agentTexts.at(-1);
  const readMarkOf = (entry: ConversationEntry) =>
    entry === lastRead ? 'read' : entry === lastSent ? 'sent' : null;

  const shownFrom = fromStart || !entries[0] ? -Infinity : Date.parse(entries[0].createdAt);
  const pending = notes
    .filter((note) => note.createdAt.getTime() >= shownFrom)
    .sort((a, b) => a.createdAt.getTime() - b.createdAt.getTime());
  const items: TimelineItem[] = [];
  for (const entry of entries) {
    const at = Date.parse(entry.createdAt);
    while (pending[0] && pending[0].createdAt.getTime() < at) {
      items.push({ kind: 'note', note: pending.shift() as ConversationNote });
    }
    items.push({ kind: 'entry', entry, readMark: readMarkOf(entry) });
  }
  for (const note of pending) items.push({ kind: 'note', note });
  return items;
}
