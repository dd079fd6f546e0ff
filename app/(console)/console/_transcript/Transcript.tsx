'use client';

import { useEffect, useLayoutEffect, useMemo, useRef } from 'react';
import type { ConversationView } from '../_live/consoleTypes';
import { transcriptTimeline } from '../_live/transcriptTimeline';
import { EarlierEntries } from './EarlierEntries';
import { drawsNothing, EntryView } from './EntryView';

const ACTOR_CLASS = {
  customer: 'entry-customer',
  bot: 'entry-bot',
  agent: 'entry-agent',
  system: 'entry-system',
} as const;

const time = (at: Date) => at.toLocaleTimeString([], { hour: '2-digit', minute: '2-digit' });

/**
 * The whole conversation, the bot's part included, with staff notes among the messages and
 * read marks under the agent's. It follows new messages while the agent is at the bottom,
 * and leaves them where they are while they scroll back to read.
 */
export function Transcript({
  view,
  customerTyping,
}: {
  view: ConversationView;
  customerTyping: string | undefined;
}) {
  const items = useMemo(
    () =>
      transcriptTimeline(
        view.entries.filter((entry) => !drawsNothing(entry)),
        view.notes,
        !view.hasMore,
      ),
    [view],
  );
  const log = useRef<HTMLDivElement>(null);
  const atBottom = useRef(true);
  const firstSeq = view.entries[0]?.seq;
  const before = useRef({ firstSeq, height: 0 });

  // Earlier messages loaded above keep the agent's place: what they were reading stays put.
  useLayoutEffect(() => {
    const element = log.current;
    if (!element) return;
    const previous = before.current;
    if (firstSeq !== undefined && previous.firstSeq !== undefined && firstSeq < previous.firstSeq) {
      element.scrollTop += element.scrollHeight - previous.height;
    }
    before.current = { firstSeq, height: element.scrollHeight };
  });

  // biome-ignore lint/correctness/useExhaustiveDependencies: follows each new item and typing line
  useEffect(() => {
    if (atBottom.current && log.current) log.current.scrollTop = log.current.scrollHeight;
  }, [items.length, customerTyping]);

  return (
    <div
      ref={log}
      className="transcript"
      role="log"
      aria-label="Transcript"
      onScroll={(event) => {
        const element = event.currentTarget;
        atBottom.current = element.scrollHeight - element.scrollTop - element.clientHeight < 40;
      }}
    >
      <EarlierEntries view={view} />
      {items.map((item) =>
        item.kind === 'note' ? (
          <div key={`note-${item.note.id}`} className="entry entry-staff-note">
            <div className="entry-meta">
              <span className="staff-only-badge">Internal note</span> {item.note.authorName} ·{' '}
              {time(item.note.createdAt)}
            </div>
            <div className="entry-bubble">{item.note.body}</div>
          </div>
        ) : (
          <div
            key={item.entry.seq}
            className={`entry ${ACTOR_CLASS[item.entry.actor.type]}`}
            data-seq={item.entry.seq}
          >
            {item.entry.actor.type !== 'system' && (
              <div className="entry-meta">
                {item.entry.actor.name}
                {item.entry.actor.type === 'bot' && ' (bot)'} ·{' '}
                {time(new Date(item.entry.createdAt))}
              </div>
            )}
            <EntryView entry={item.entry} />
            {item.readMark && (
              <div className="entry-read">{item.readMark === 'read' ? 'Read' : 'Sent'}</div>
            )}
          </div>
        ),
      )}
      {customerTyping && (
        <div className="typing-indicator" aria-live="polite">
          {customerTyping} is typing…
        </div>
      )}
    </div>
  );
}
