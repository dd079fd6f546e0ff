'use client';

import { useEffect, useMemo, useRef } from 'react';
import type { ConversationView } from '../_live/consoleTypes';
import { transcriptTimeline } from '../_live/transcriptTimeline';
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
      ),
    [view],
  );
  const log = useRef<HTMLDivElement>(null);
  const atBottom = useRef(true);

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
      {view.hasMore && (
        <p className="muted transcript-more">
          This conversation is long: only its latest 500 entries are shown.
        </p>
      )}
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
