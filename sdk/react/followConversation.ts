import type { ParleyClient } from '../createParleyClient';
import type { Actor, ConnectionStatus, Entry, OutboxMessage } from '../types';

/** What a conversation screen shows, replaced as a whole whenever any of it changes. */
export interface ConversationView {
  /**
   * The entries to show, in seq order. A bot's typing entry is not among them: it shows as
   * `typing`, and what the bot says next appears once that pause has played.
   */
  entries: readonly Entry[];
  status: ConnectionStatus;
  /** Who is typing now (never the customer). */
  typing: readonly Actor[];
  /** Messages the customer sent that the server has not acknowledged yet. */
  pending: readonly OutboxMessage[];
  /** Replies the customer has not marked read (`markRead`), e.g. for a badge. */
  unreadCount: number;
}

/** A typing entry older than this is history (or a reload), not something to play back. */
const TYPING_FRESH_MS = 60_000;

export function initialView(client: ParleyClient): ConversationView {
  return {
    entries: [],
    status: client.connectionStatus,
    typing: [],
    pending: [],
    unreadCount: client.unreadCount,
  };
}

/**
 * Follows the client's conversation as one view. The server stores a bot's typing entry and the
 * reply behind it together, so the pause is played here, as the web widget plays it: from a
 * fresh typing entry on, what the bot or agent says next waits until the pause is over.
 * Returns the function that stops following.
 */
export function followConversation(
  client: ParleyClient,
  onChange: (view: ConversationView) => void,
): () => void {
  let view = initialView(client);
  const held = new Set<number>();
  let pausing: Actor[] = [];
  let liveTyping: Actor[] = [];
  let revealAt = 0;
  let revealTimer: ReturnType<typeof setTimeout> | undefined;

  const publish = (change: Partial<ConversationView>) => {
    view = {
      ...view,
      entries: client.entries.filter((entry) => entry.type !== 'typing' && !held.has(entry.seq)),
      typing: [...pausing, ...liveTyping.filter((actor) => !includes(pausing, actor))],
      ...change,
    };
    onChange(view);
  };

  const reveal = () => {
    revealTimer = undefined;
    held.clear();
    pausing = [];
    publish({});
  };

  const playTyping = (entry: Entry) => {
    const durationMs = Number(entry.payload.durationMs ?? 0);
    if (Date.now() - Date.parse(entry.createdAt) > TYPING_FRESH_MS || !(durationMs > 0)) return;
    revealAt = Math.max(revealAt, Date.now() + durationMs);
    if (!includes(pausing, entry.actor)) pausing = [...pausing, entry.actor];
    clearTimeout(revealTimer);
    revealTimer = setTimeout(reveal, revealAt - Date.now());
  };

  const receive = (entry: Entry) => {
    const speaker = entry.actor.type === 'bot' || entry.actor.type === 'agent';
    if (entry.type === 'typing') playTyping(entry);
    else if (entry.actor.type !== 'customer' && revealAt > Date.now()) held.add(entry.seq);
    else if (speaker) liveTyping = liveTyping.filter((actor) => !same(actor, entry.actor));
    publish({});
  };

  const unsubscribes = [
    client.onEntry(receive),
    client.onStatus((status) => publish({ status })),
    client.onOutbox((pending) => publish({ pending: [...pending] })),
    client.onRead(() => publish({})),
    client.onUnreadCount((unreadCount) => publish({ unreadCount })),
    client.onTyping(({ actor, isTyping }) => {
      if (actor.type === 'customer') return;
      liveTyping = liveTyping.filter((known) => !same(known, actor));
      if (isTyping) liveTyping.push(actor);
      publish({});
    }),
  ];

  return () => {
    for (const unsubscribe of unsubscribes) unsubscribe();
    clearTimeout(revealTimer);
  };
}

function same(a: Actor, b: Actor) {
  return a.type === b.type && a.name === b.name;
}

function includes(actors: readonly Actor[], actor: Actor) {
  return actors.some((known) => same(known, actor));
}
