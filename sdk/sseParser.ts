/** One event of a Server-Sent Events stream, as EventSource hands it to a listener. */
export interface SseMessage {
  type: string;
  data: string;
  lastEventId: string;
}

/**
 * Splits a Server-Sent Events text into events as it arrives, in any chunks: the fetch and
 * XMLHttpRequest readers share it, so both read the stream exactly as a browser would.
 */
export class SseParser {
  private buffer = '';
  /** A chunk ended in CR: it may be the first half of a CRLF, so it waits for the next one. */
  private heldCR = false;

  constructor(private readonly onMessage: (message: SseMessage) => void) {}

  push(chunk: string) {
    let text = (this.heldCR ? '\r' : '') + chunk;
    this.heldCR = text.endsWith('\r');
    if (this.heldCR) text = text.slice(0, -1);
    this.buffer += text.replace(/\r\n?/g, '\n');
    let end = this.buffer.indexOf('\n\n');
    while (end >= 0) {
      this.dispatch(this.buffer.slice(0, end));
      this.buffer = this.buffer.slice(end + 2);
      end = this.buffer.indexOf('\n\n');
    }
  }

  private dispatch(block: string) {
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
    if (data.length === 0) return;
    this.onMessage({ type, data: data.join('\n'), lastEventId });
  }
}

type Listener = (event: MessageEvent | Event) => void;

/** The listener bookkeeping every EventSource look-alike of the SDK shares. */
export class SseListeners {
  private readonly listeners = new Map<string, Set<Listener>>();

  add(type: string, listener: Listener) {
    let set = this.listeners.get(type);
    if (!set) {
      set = new Set();
      this.listeners.set(type, set);
    }
    set.add(listener);
  }

  emit(message: SseMessage) {
    const event = message as unknown as MessageEvent;
    for (const listener of this.listeners.get(message.type) ?? []) listener(event);
  }
}

/** React Native has no Event constructor; listeners only read `type`. */
export function plainEvent(type: string): Event {
  return { type } as Event;
}
