import { plainEvent, SseListeners } from './sseParser';
import type { Entry, EventSourceLike } from './types';

export interface PollingEventSourceOptions {
  /** How long the server holds a poll that finds nothing new; at most 30. */
  waitSeconds?: number;
}

/**
 * Long-polling for networks that cannot stream: `GET …/entries?after=<seq>&wait=…` in a loop,
 * each answer held by the server until there is something new. It takes the stream's URL (the
 * client's `after` and access token) and hands entries out as the stream's `entry` events, so
 * the client resumes, dedupes and orders them the same way. Typing and read marks are live-only
 * and do not come this way. Any failure ends it with `error`; the client reconnects from the
 * last seq with a fresh token.
 */
export class PollingEventSource implements EventSourceLike {
  readyState = 0;
  onopen: ((event: Event) => void) | null = null;
  onerror: ((event: Event) => void) | null = null;
  private readonly listeners = new SseListeners();
  private readonly controller = new AbortController();

  constructor(
    readonly url: string,
    fetchImpl: typeof fetch = globalThis.fetch,
    options: PollingEventSourceOptions = {},
  ) {
    void this.poll(fetchImpl, options.waitSeconds ?? 25);
  }

  addEventListener(type: string, listener: (event: MessageEvent | Event) => void) {
    this.listeners.add(type, listener);
  }

  close() {
    this.readyState = 2;
    this.controller.abort();
  }

  private async poll(fetchImpl: typeof fetch, waitSeconds: number) {
    // Read with string operations: React Native's URL has no working searchParams.
    const [path = '', query = ''] = this.url.split('?');
    const params = new Map(
      query.split('&').map((pair) => {
        const [name = '', value = ''] = pair.split('=');
        return [name, decodeURIComponent(value)] as const;
      }),
    );
    const token = params.get('access_token') ?? '';
    let after = Number(params.get('after') ?? '0');
    const entriesUrl = path.replace(/\/stream$/, '/entries');
    try {
      while (this.readyState !== 2) {
        const url = `${entriesUrl}?after=${after}&limit=200&wait=${
          this.readyState === 0 ? 0 : waitSeconds
        }`;
        const res = await fetchImpl(url, {
          headers: { authorization: `Bearer ${token}` },
          signal: this.controller.signal,
        });
        if (!res.ok) throw new Error(`entries answered ${res.status}`);
        const page = (await res.json()) as { entries: Entry[]; hasMore: boolean };
        if (this.readyState === 2) return;
        if (this.readyState === 0) {
          this.readyState = 1;
          this.onopen?.(plainEvent('open'));
        }
        for (const entry of page.entries) {
          after = Math.max(after, entry.seq);
          this.listeners.emit({
            type: 'entry',
            data: JSON.stringify(entry),
            lastEventId: String(entry.seq),
          });
        }
      }
    } catch {
      if (this.readyState === 2) return;
      this.readyState = 2;
      this.onerror?.(plainEvent('error'));
    }
  }
}
