import { type RetryDelays, retryDelay } from './retryDelay';
import type {
  Entry,
  EventSourceConstructor,
  EventSourceLike,
  ReadEvent,
  TypingEvent,
} from './types';

export type StreamState = 'connecting' | 'open' | 'reconnecting' | 'closed';

export interface LiveStreamDeps {
  EventSource: EventSourceConstructor;
  /** The stream URL resuming after `afterSeq`, with a fresh access token. */
  streamUrl: (afterSeq: number) => Promise<string>;
  /** The highest seq received in order so far: where a new connection resumes. */
  lastSeq: () => number;
  onEntry: (entry: Entry) => void;
  onTyping: (event: TypingEvent) => void;
  onRead: (event: ReadEvent) => void;
  onState: (state: StreamState) => void;
  delays: RetryDelays;
}

/**
 * The conversation's live entries. When the connection drops, it opens a new one itself
 * (rather than leaving it to EventSource) so the URL carries the newest access token and
 * `?after=` the last seq it has, and the server replays exactly what was missed.
 */
export class LiveStream {
  private source: EventSourceLike | undefined;
  private failedAttempts = 0;
  private reconnectTimer: ReturnType<typeof setTimeout> | undefined;
  private stopped = true;

  constructor(private readonly deps: LiveStreamDeps) {}

  start() {
    if (!this.stopped) return;
    this.stopped = false;
    this.deps.onState('connecting');
    void this.connect();
  }

  stop() {
    this.stopped = true;
    clearTimeout(this.reconnectTimer);
    this.source?.close();
    this.source = undefined;
    this.deps.onState('closed');
  }

  /** Reconnects at once instead of waiting out the backoff, e.g. when the device is online. */
  reconnectNow() {
    if (this.stopped || !this.reconnectTimer) return;
    clearTimeout(this.reconnectTimer);
    this.reconnectTimer = undefined;
    void this.connect();
  }

  private async connect() {
    let url: string;
    try {
      url = await this.deps.streamUrl(this.deps.lastSeq());
    } catch {
      this.scheduleReconnect();
      return;
    }
    if (this.stopped) return;
    const source = new this.deps.EventSource(url);
    this.source = source;
    source.onopen = () => {
      if (this.source !== source) return;
      this.failedAttempts = 0;
      this.deps.onState('open');
    };
    source.onerror = () => {
      if (this.source !== source) return;
      source.close();
      this.source = undefined;
      this.scheduleReconnect();
    };
    source.addEventListener('entry', (event) => {
      if (this.source !== source) return;
      const entry = parse<Entry>(event);
      if (entry) this.deps.onEntry(entry);
    });
    source.addEventListener('typing', (event) => {
      if (this.source !== source) return;
      const typing = parse<TypingEvent>(event);
      if (typing) this.deps.onTyping(typing);
    });
    source.addEventListener('read', (event) => {
      if (this.source !== source) return;
      const read = parse<ReadEvent>(event);
      if (read) this.deps.onRead(read);
    });
  }

  private scheduleReconnect() {
    if (this.stopped) return;
    this.failedAttempts += 1;
    this.deps.onState('reconnecting');
    this.reconnectTimer = setTimeout(
      () => {
        this.reconnectTimer = undefined;
        void this.connect();
      },
      retryDelay(this.failedAttempts, this.deps.delays),
    );
  }
}

function parse<T>(event: MessageEvent | Event): T | null {
  try {
    return JSON.parse(String((event as MessageEvent).data)) as T;
  } catch {
    return null;
  }
}
