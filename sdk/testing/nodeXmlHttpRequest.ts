import { type ClientRequest, request } from 'node:http';

/** What a test's simulated network does to XMLHttpRequest traffic (see flakyNetwork). */
export interface XhrNetwork {
  offline(): boolean;
  record(method: string, url: string): void;
  /** Registers an open request to cut when the network goes; returns how to forget it. */
  track(cut: () => void): () => void;
}

const UNSENT = 0;
const OPENED = 1;
const HEADERS_RECEIVED = 2;
const LOADING = 3;
const DONE = 4;

/**
 * XMLHttpRequest over node:http, as React Native's behaves for the SDK: `responseText` grows as
 * the response arrives and each chunk fires `progress` and `readystatechange` (LOADING). It
 * covers what the SDK and its tests use (GET/POST, headers, text), not the whole standard.
 */
export class NodeXMLHttpRequest {
  static readonly UNSENT = UNSENT;
  static readonly OPENED = OPENED;
  static readonly HEADERS_RECEIVED = HEADERS_RECEIVED;
  static readonly LOADING = LOADING;
  static readonly DONE = DONE;
  /** The network of the test running now; none means always online. */
  static network: XhrNetwork | null = null;
  /**
   * Set on a subclass to stand for a proxy or debugger that buffers responses: nothing arrives
   * as it is sent, and after this many ms the proxy gives up and hands over what it has.
   */
  static bufferResponsesMs: number | null = null;

  readyState = UNSENT;
  status = 0;
  responseText = '';
  onreadystatechange: (() => void) | null = null;
  onprogress: (() => void) | null = null;
  onload: (() => void) | null = null;
  onerror: (() => void) | null = null;
  onabort: (() => void) | null = null;
  private method = 'GET';
  private url = '';
  private readonly headers: Record<string, string> = {};
  private responseHeaders: Record<string, string | string[] | undefined> = {};
  private req: ClientRequest | undefined;
  private untrack = () => {};

  open(method: string, url: string) {
    this.method = method;
    this.url = url;
    this.setState(OPENED);
  }

  setRequestHeader(name: string, value: string) {
    this.headers[name.toLowerCase()] = value;
  }

  getResponseHeader(name: string): string | null {
    const value = this.responseHeaders[name.toLowerCase()];
    return value === undefined ? null : Array.isArray(value) ? value.join(', ') : value;
  }

  send(body?: string | null) {
    const network = NodeXMLHttpRequest.network;
    network?.record(this.method, this.url);
    if (network?.offline()) {
      queueMicrotask(() => this.fail());
      return;
    }
    const req = request(this.url, { method: this.method, headers: this.headers }, (res) => {
      this.status = res.statusCode ?? 0;
      this.responseHeaders = res.headers;
      this.setState(HEADERS_RECEIVED);
      res.setEncoding('utf8');
      const bufferMs = (this.constructor as typeof NodeXMLHttpRequest).bufferResponsesMs;
      if (bufferMs !== null) {
        let held = '';
        res.on('data', (chunk: string) => {
          held += chunk;
        });
        setTimeout(() => {
          if (this.readyState === DONE) return;
          this.untrack();
          req.destroy();
          this.responseText = held;
          this.setState(DONE);
          this.onload?.();
        }, bufferMs);
        return;
      }
      res.on('data', (chunk: string) => {
        if (this.readyState === DONE) return;
        this.responseText += chunk;
        this.setState(LOADING);
        this.onprogress?.();
      });
      res.on('end', () => {
        if (this.readyState === DONE) return;
        this.untrack();
        this.setState(DONE);
        this.onload?.();
      });
      res.on('error', () => this.fail());
    });
    this.req = req;
    this.untrack = network?.track(() => this.fail()) ?? (() => {});
    req.on('error', () => this.fail());
    req.end(body ?? undefined);
  }

  abort() {
    if (this.readyState === DONE || this.readyState === UNSENT) return;
    this.untrack();
    this.req?.destroy();
    this.readyState = DONE;
    this.status = 0;
    this.onabort?.();
  }

  private fail() {
    if (this.readyState === DONE) return;
    this.untrack();
    this.req?.destroy();
    this.status = 0;
    this.setState(DONE);
    this.onerror?.();
  }

  private setState(state: number) {
    this.readyState = state;
    this.onreadystatechange?.();
  }
}
