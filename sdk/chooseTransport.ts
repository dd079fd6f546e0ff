import { FetchEventSource } from './FetchEventSource';
import { PollingEventSource } from './PollingEventSource';
import type { EventSourceConstructor, EventSourceLike } from './types';
import { type XhrConstructor, XhrEventSource } from './XhrEventSource';

/**
 * How the client receives live entries. `auto` takes the first that works here: the platform's
 * EventSource, a streaming fetch, XMLHttpRequest progress (React Native), else long-polling;
 * and moves to long-polling for good when the network turns out to buffer the stream.
 */
export type Transport = 'auto' | 'eventsource' | 'fetch' | 'xhr' | 'polling';

export interface TransportDeps {
  transport: Transport;
  fetch: typeof fetch;
  EventSource?: EventSourceConstructor;
  XMLHttpRequest?: XhrConstructor;
  pollWaitSeconds?: number;
  /** Called once when `auto` gives up on streaming. */
  onFallback?: () => void;
}

/** Streams that answered but delivered nothing as it was sent, before `auto` stops trying. */
const BUFFERED_STREAMS_BEFORE_POLLING = 2;

export function chooseTransport(deps: TransportDeps): {
  EventSource: EventSourceConstructor;
  kind: () => Exclude<Transport, 'auto'>;
} {
  const platformEventSource =
    deps.EventSource ??
    (typeof EventSource === 'function'
      ? (EventSource as unknown as EventSourceConstructor)
      : undefined);
  const xhr =
    deps.XMLHttpRequest ??
    (typeof XMLHttpRequest === 'function'
      ? (XMLHttpRequest as unknown as XhrConstructor)
      : undefined);

  const make = (kind: Exclude<Transport, 'auto'>, url: string): EventSourceLike => {
    if (kind === 'eventsource') {
      if (!platformEventSource) throw new Error('This platform has no EventSource.');
      return new platformEventSource(url);
    }
    if (kind === 'fetch') return new FetchEventSource(url, deps.fetch);
    if (kind === 'xhr') {
      if (!xhr) throw new Error('This platform has no XMLHttpRequest.');
      return new XhrEventSource(url, xhr);
    }
    return new PollingEventSource(url, deps.fetch, { waitSeconds: deps.pollWaitSeconds });
  };

  if (deps.transport !== 'auto') {
    const fixed = deps.transport;
    return {
      EventSource: class {
        constructor(url: string) {
          // biome-ignore lint/correctness/noConstructorReturn: the chosen source is the instance.
          return make(fixed, url);
        }
      } as unknown as EventSourceConstructor,
      kind: () => fixed,
    };
  }

  let current: Exclude<Transport, 'auto'> = platformEventSource
    ? 'eventsource'
    : fetchStreams()
      ? 'fetch'
      : xhr
        ? 'xhr'
        : 'polling';
  let buffered = 0;
  return {
    EventSource: class {
      constructor(url: string) {
        const source = make(current, url);
        // A native EventSource reads its handlers internally, and polling cannot be buffered:
        // only the SDK's own stream readers are watched.
        if (current !== 'fetch' && current !== 'xhr') {
          // biome-ignore lint/correctness/noConstructorReturn: the chosen source is the instance.
          return source;
        }
        const watched = source as EventSourceLike & { cannotStream?: boolean };
        let onopen: EventSourceLike['onopen'] = null;
        let onerror: EventSourceLike['onerror'] = null;
        const opened = (event: Event) => {
          buffered = 0;
          onopen?.(event);
        };
        const failed = (event: Event) => {
          if (watched.cannotStream && current !== 'polling') {
            buffered += 1;
            if (buffered >= BUFFERED_STREAMS_BEFORE_POLLING) {
              current = 'polling';
              deps.onFallback?.();
            }
          }
          onerror?.(event);
        };
        // biome-ignore lint/correctness/noConstructorReturn: the chosen source is the instance.
        return Object.defineProperties(source, {
          onopen: { get: () => opened, set: (f) => (onopen = f), configurable: true },
          onerror: { get: () => failed, set: (f) => (onerror = f), configurable: true },
        });
      }
    } as unknown as EventSourceConstructor,
    kind: () => current,
  };
}

/**
 * Whether fetch here hands out response bodies as streams. React Native's fetch (a polyfill over
 * its networking) has no `body` and delivers the text only once the response has ended.
 */
function fetchStreams(): boolean {
  return (
    typeof ReadableStream === 'function' &&
    typeof Response === 'function' &&
    'body' in Response.prototype
  );
}
