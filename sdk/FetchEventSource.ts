import { plainEvent, SseListeners, SseParser } from './sseParser';
import type { EventSourceLike } from './types';

const CONNECTING = 0;
const OPEN = 1;
const CLOSED = 2;

/**
 * A Server-Sent Events reader over `fetch` for runtimes without EventSource whose fetch streams
 * response bodies (Node). It reads one connection and reports `error` when it ends; reconnecting
 * is left to the Parley client, which knows the last seq and the current access token.
 */
export class FetchEventSource implements EventSourceLike {
  readyState = CONNECTING;
  /** The server answered but this fetch cannot read a body as it arrives. */
  cannotStream = false;
  onopen: ((event: Event) => void) | null = null;
  onerror: ((event: Event) => void) | null = null;
  private readonly listeners = new SseListeners();
  private readonly parser = new SseParser((message) => {
    if (this.readyState !== CLOSED) this.listeners.emit(message);
  });
  private readonly controller = new AbortController();

  constructor(
    readonly url: string,
    fetchImpl: typeof fetch = globalThis.fetch,
  ) {
    void this.read(fetchImpl);
  }

  addEventListener(type: string, listener: (event: MessageEvent | Event) => void) {
    this.listeners.add(type, listener);
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
      if (res.ok && !res.body) this.cannotStream = true;
      if (!res.ok || !res.body) throw new Error(`stream answered ${res.status}`);
      this.readyState = OPEN;
      this.onopen?.(plainEvent('open'));
      const reader = res.body.getReader();
      const decoder = new TextDecoder();
      for (;;) {
        const { value, done } = await reader.read();
        if (done) break;
        this.parser.push(decoder.decode(value, { stream: true }));
      }
      throw new Error('stream ended');
    } catch {
      if (this.readyState === CLOSED) return;
      this.readyState = CLOSED;
      this.onerror?.(plainEvent('error'));
    }
  }
}
