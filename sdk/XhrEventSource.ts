import { plainEvent, SseListeners, SseParser } from './sseParser';
import type { EventSourceLike } from './types';

/** The part of XMLHttpRequest the reader uses; React Native's and the browser's both fit. */
export interface XhrLike {
  readyState: number;
  status: number;
  responseText: string;
  onreadystatechange: (() => void) | null;
  onprogress: (() => void) | null;
  onerror: (() => void) | null;
  onabort?: (() => void) | null;
  open(method: string, url: string): void;
  setRequestHeader(name: string, value: string): void;
  getResponseHeader(name: string): string | null;
  send(body?: null): void;
  abort(): void;
}

export type XhrConstructor = new () => XhrLike;

export interface XhrEventSourceOptions {
  /** No byte of the stream within this time: the network buffers it (see `cannotStream`). */
  openTimeoutMs?: number;
  /**
   * XMLHttpRequest keeps the whole response text; past this many characters the connection is
   * closed and the client resumes on a fresh one from the last seq, so memory stays bounded.
   */
  maxResponseChars?: number;
}

const HEADERS_RECEIVED = 2;
const DONE = 4;
const CLOSED = 2;

/**
 * A Server-Sent Events reader over XMLHttpRequest progress events: React Native's fetch does not
 * stream response bodies, but its XMLHttpRequest reports the response text as it arrives. It
 * reads one connection and reports `error` when it ends, like FetchEventSource.
 *
 * `cannotStream` is set when the server answered but the text did not arrive as it was sent
 * (a proxy or debugger that buffers responses): the client then falls back to long-polling.
 */
export class XhrEventSource implements EventSourceLike {
  readyState = 0;
  onopen: ((event: Event) => void) | null = null;
  onerror: ((event: Event) => void) | null = null;
  cannotStream = false;
  private readonly listeners = new SseListeners();
  private readonly parser = new SseParser((message) => {
    if (this.readyState !== CLOSED) this.listeners.emit(message);
  });
  private readonly xhr: XhrLike;
  private readonly openTimer: ReturnType<typeof setTimeout>;
  private read = 0;
  private answered = false;

  constructor(
    readonly url: string,
    XMLHttpRequestImpl: XhrConstructor,
    options: XhrEventSourceOptions = {},
  ) {
    const maxChars = options.maxResponseChars ?? 2_000_000;
    const xhr = new XMLHttpRequestImpl();
    this.xhr = xhr;
    xhr.open('GET', url);
    xhr.setRequestHeader('accept', 'text/event-stream');
    xhr.setRequestHeader('cache-control', 'no-store');
    const take = () => {
      if (this.readyState === CLOSED) return;
      const text = xhr.responseText ?? '';
      if (text.length <= this.read) return;
      if (this.readyState === 0) {
        this.readyState = 1;
        clearTimeout(this.openTimer);
        this.onopen?.(plainEvent('open'));
      }
      this.parser.push(text.slice(this.read));
      this.read = text.length;
      if (this.read > maxChars) this.fail();
    };
    xhr.onprogress = take;
    xhr.onreadystatechange = () => {
      if (xhr.readyState === HEADERS_RECEIVED) {
        this.answered = true;
        const type = xhr.getResponseHeader('content-type') ?? '';
        if (xhr.status !== 200 || !type.includes('text/event-stream')) this.fail();
      } else if (xhr.readyState === DONE) {
        // The whole answer at once, never in parts: it was buffered on the way. What it holds
        // is not read: the next connection resumes from the last seq anyway.
        if (this.readyState === 0 && xhr.status === 200) this.cannotStream = true;
        else take();
        this.fail();
      } else take();
    };
    xhr.onerror = () => this.fail();
    this.openTimer = setTimeout(() => {
      if (this.answered) this.cannotStream = true;
      this.fail();
    }, options.openTimeoutMs ?? 10_000);
    xhr.send(null);
  }

  addEventListener(type: string, listener: (event: MessageEvent | Event) => void) {
    this.listeners.add(type, listener);
  }

  close() {
    if (this.readyState === CLOSED) return;
    this.readyState = CLOSED;
    clearTimeout(this.openTimer);
    this.xhr.onreadystatechange = null;
    this.xhr.onprogress = null;
    this.xhr.onerror = null;
    this.xhr.abort();
  }

  private fail() {
    if (this.readyState === CLOSED) return;
    this.close();
    this.onerror?.(plainEvent('error'));
  }
}
