import type { ReactNode } from 'react';
import type { EntryType } from '@/contract/entries';
import { codeWords } from '../_live/codeWords';
import type { ConversationEntry } from '../_live/consoleTypes';

type Payload = Record<string, unknown>;
type EntryRenderer = (payload: Payload) => ReactNode;

const text = (value: unknown) => (typeof value === 'string' ? value : '');
const list = <Item,>(value: unknown) => (Array.isArray(value) ? (value as Item[]) : []);

/**
 * How each entry type reads to the agent: what the customer saw, not buttons to press (the
 * customer presses those). Everything is drawn as React text, never as HTML, so whatever a
 * customer or a bot's data holds shows as typed. Keyed by the contract's entry types, so a
 * new type does not compile until the console says how it looks; null draws nothing.
 */
const ENTRY_VIEWS: Record<EntryType, EntryRenderer | null> = {
  text: (payload) => <Bubble>{text(payload.text)}</Bubble>,
  choice: (payload) => (
    <Bubble>
      {text(payload.label) || text(payload.value)}
      <span className="entry-aside"> (picked)</span>
    </Bubble>
  ),
  form_response: (payload) => (
    <Bubble>
      <dl className="entry-fields">
        {Object.entries((payload.values ?? {}) as Record<string, unknown>).map(([name, value]) => (
          <div key={name}>
            <dt>{name}</dt>
            <dd>{typeof value === 'string' ? value : JSON.stringify(value)}</dd>
          </div>
        ))}
      </dl>
    </Bubble>
  ),
  quick_replies: (payload) => (
    <Bubble>
      {text(payload.text)}
      <Offered labels={list<{ label: string }>(payload.options).map((option) => option.label)} />
    </Bubble>
  ),
  cards: (payload) => (
    <Bubble>
      {text(payload.text)}
      <ul className="entry-cards">
        {list<{ title: string; subtitle?: string; buttons?: { label: string }[] }>(
          payload.cards,
        ).map((card, index) => (
          // biome-ignore lint/suspicious/noArrayIndexKey: cards have no id; a stored entry's order is fixed
          <li key={index}>
            <strong>{card.title}</strong>
            {card.subtitle && <div className="muted">{card.subtitle}</div>}
            <Offered labels={(card.buttons ?? []).map((button) => button.label)} />
          </li>
        ))}
      </ul>
    </Bubble>
  ),
  image: (payload) => (
    <Bubble>
      <span className="muted">Image: </span>
      {text(payload.alt) || text(payload.url)}
    </Bubble>
  ),
  form_request: (payload) => (
    <Bubble>
      {text(payload.text)}
      <div className="entry-aside">
        Form:{' '}
        {list<{ label: string }>(payload.fields)
          .map((field) => field.label)
          .join(', ')}
      </div>
    </Bubble>
  ),
  participant_changed: (payload) => {
    const participant = payload.participant as { name?: string } | undefined;
    return (
      <Note>
        {participant?.name ?? 'Someone'} {payload.change === 'left' ? 'left' : 'joined'}
      </Note>
    );
  },
  queue_position: (payload) => (
    <Note>
      Customer is number {String(payload.position)} in the queue
      {typeof payload.estimatedWaitSeconds === 'number' &&
        payload.estimatedWaitSeconds > 0 &&
        ` (about ${Math.ceil(payload.estimatedWaitSeconds / 60)} min)`}
    </Note>
  ),
  csat_request: () => <Note>Rating requested from the customer</Note>,
  csat_response: (payload) => (
    <Note>
      Customer rated {String(payload.score)} out of 5
      {text(payload.comment) && <>: “{text(payload.comment)}”</>}
    </Note>
  ),
  status_changed: (payload) => (
    <Note>
      {STATUS_WORDS[text(payload.to)] ?? `Status: ${text(payload.to)}`}
      {text(payload.reason) && <span className="muted"> ({codeWords(text(payload.reason))})</span>}
    </Note>
  ),
  // A stored pause before the bot's next message: the customer's widget plays it back.
  typing: null,
};

const STATUS_WORDS: Record<string, string> = {
  waiting: 'Waiting for an agent',
  active: 'Conversation with an agent started',
  inactive: 'Conversation went quiet',
  ended: 'Conversation ended',
};

/** Whether the transcript leaves this entry out: its type has nothing to show the agent. */
export function drawsNothing(entry: ConversationEntry): boolean {
  return ENTRY_VIEWS[entry.type] === null;
}

/** One entry of the transcript. */
export function EntryView({ entry }: { entry: ConversationEntry }) {
  const render = ENTRY_VIEWS[entry.type];
  return render ? render(entry.payload) : null;
}

function Bubble({ children }: { children: ReactNode }) {
  return <div className="entry-bubble">{children}</div>;
}

function Note({ children }: { children: ReactNode }) {
  return <div className="entry-note">{children}</div>;
}

function Offered({ labels }: { labels: string[] }) {
  if (labels.length === 0) return null;
  return (
    <ul className="entry-offered" aria-label="Options shown to the customer">
      {labels.map((label, index) => (
        // biome-ignore lint/suspicious/noArrayIndexKey: labels may repeat; order is fixed
        <li key={index}>{label}</li>
      ))}
    </ul>
  );
}
