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

  subscribe(sessionId: string, listener: Listener): () => void {
    let set = this.listeners.get(sessionId);
    if (!set) {
      set = new Set();
      this.listeners.set(sessionId, set);
    }
    set.add(listener);
    return () => {
      set.delete(listener);
      if (set.size === 0) this.listeners.delete(sessionId);
    };
  }

  publish(sessionId: string, event: HubEvent) {
    for (const listener of this.listeners.get(sessionId) ?? []) listener(event);
  }

  hasListeners(sessionId: string): boolean {
    return this.listeners.has(sessionId);
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
