import type { Entry } from '../../contract/entries';

export type HubEvent =
  | { kind: 'entry'; entry: Entry }
  | { kind: 'typing'; actor: Entry['actor']; isTyping: boolean }
  | { kind: 'read'; reader: Entry['actor']; upToSeq: number };

type Listener = (event: HubEvent) => void;

/**
 * In-process fan-out of a conversation's new entries to its open streams. Entries are
 * published only once their write is durable; a stream that resumes from the database, like any
 * read, can see a committed entry up to one log flush (about a millisecond) before that.
 */
export class EventHub {
  private listeners = new Map<string, Set<Listener>>();
  /** Open customer streams per session; staff consoles listen too but hear no notification. */
  private customerStreams = new Map<string, number>();

  subscribe(sessionId: string, listener: Listener, from: 'customer' | 'staff'): () => void {
    let set = this.listeners.get(sessionId);
    if (!set) {
      set = new Set();
      this.listeners.set(sessionId, set);
    }
    set.add(listener);
    if (from === 'customer') this.countCustomerStream(sessionId, 1);
    let subscribed = true;
    return () => {
      if (!subscribed) return;
      subscribed = false;
      set.delete(listener);
      if (set.size === 0) this.listeners.delete(sessionId);
      if (from === 'customer') this.countCustomerStream(sessionId, -1);
    };
  }

  publish(sessionId: string, event: HubEvent) {
    for (const listener of this.listeners.get(sessionId) ?? []) listener(event);
  }

  hasListeners(sessionId: string): boolean {
    return this.listeners.has(sessionId);
  }

  /** Whether the customer has the conversation open: if not, a reply needs a notification. */
  hasCustomerStream(sessionId: string): boolean {
    return this.customerStreams.has(sessionId);
  }

  private countCustomerStream(sessionId: string, change: 1 | -1) {
    const count = (this.customerStreams.get(sessionId) ?? 0) + change;
    if (count > 0) this.customerStreams.set(sessionId, count);
    else this.customerStreams.delete(sessionId);
  }
}

const HUB_KEY = Symbol.for('parley.eventHub');
type WithHub = typeof globalThis & { [HUB_KEY]?: EventHub };

/** The process-wide hub, shared by the public API and the Next.js handlers (agent replies). */
export function getEventHub(): EventHub {
  const holder = globalThis as WithHub;
  holder[HUB_KEY] ??= new EventHub();
  return holder[HUB_KEY];
}
