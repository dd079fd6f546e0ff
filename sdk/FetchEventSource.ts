import type { EventSourceLike } from './types';

type Listener = (event: MessageEvent | Event) => void;

const CONNECTING = 0;
const OPEN = 1;
const CLOSED = 2;

/**
 * A Server-Sent Events reader over `fetch` for runtimes without EventSource (Node, React
 * Native). It reads one connection and reports `error` when it ends; reconnecting is left to
 * the Parley client, which knows the last seq and the current access token.
 */
export class FetchEventSource implements EventSourceLike {
  readyState = CONNECTING;
  onopen: ((event: Event) => void) | null = null;
  onerror: ((event: Event) => void) | null = null;
  private readonly listeners = new Map<string, Set<Listener>>();
  private readonly controller = new AbortController();

  constructor(
    readonly url: string,
    fetchImpl: typeof fetch = globalThis.fetch,
  ) {
    void this.read(fetchImpl);
  }

  addEventListener(type: string, listener: Listener) {
    let set = this.listeners.get(type);
    if (!set) {
      set = new Set();
      this.listeners.set(type, set);
    }
    set.add(listener);
  }

  close() {
    this.readyState = CLOSED;
    this.controller.abort();
  }

  private async read(fetchImpl: typeof fetch) {
    try {
      const res = await fetchImpl(this.url, {
        headers: { accept: 'text/event-stream' },
        signal: this.controller.signal,
      });
      if (!res.ok || !res.body) throw new Error(`stream answered ${res.status}`);
      this.readyState = OPEN;
      this.onopen?.(plainEvent('open'));
      const reader = res.body.getReader();
      const decoder = new TextDecoder();
      let buffer = '';
      for (;;) {
        const { value, done } = await reader.read();
        if (done) break;
        buffer += decoder.decode(value, { stream: true }).replace(/\r\n?/g, '\n');
        let end = buffer.indexOf('\n\n');
        while (end >= 0) {
          this.dispatchBlock(buffer.slice(0, end));
          buffer = buffer.slice(end + 2);
          end = buffer.indexOf('\n\n');
        }
      }
      throw new Error('stream ended');
    } catch {
      if (this.readyState === CLOSED) return;
      this.readyState = CLOSED;
      this.onerror?.(plainEvent('error'));
    }
  }

  private dispatchBlock(block: string) {
    let type = 'message';
    let lastEventId = '';
    const data: string[] = [];
    for (const line of block.split('\n')) {
      if (line === '' || line.startsWith(':')) continue;
      const colon = line.indexOf(':');
      const field = colon < 0 ? line : line.slice(0, colon);
      const value = colon < 0 ? '' : line.slice(colon + 1).replace(/^ /, '');
      if (field === 'event') type = value;
      else if (field === 'data') data.push(value);
      else if (field === 'id') lastEventId = value;
    }
    if (data.length === 0 || this.readyState === CLOSED) return;
    const event = { type, data: data.join('\n'), lastEventId } as MessageEvent;
    for (const listener of this.listeners.get(type) ?? []) listener(event);
  }
}

/** React Native has no Event constructor; listeners only read `type`. */
function plainEvent(type: string): Event {
  return { type } as Event;
}
