import type { IncomingMessage, ServerResponse } from 'node:http';
import type { Entry } from '../../contract/entries';
import type { EventHub, HubEvent } from '../messaging/eventHub';

export interface EntryStreamOptions {
  hub: EventHub;
  sessionId: string;
  afterSeq: number;
  /** Reads stored entries after a seq, in order, at most `limit`. */
  readAfter: (afterSeq: number, limit: number) => Entry[];
  heartbeatMs?: number;
  /** Past this many unsent bytes the client is too slow: the stream closes and it resumes later. */
  maxBufferedBytes?: number;
}

const PAGE = 200;

/**
 * Server-Sent Events for one conversation. Every entry goes out with `id: <seq>`, so a client
 * that reconnects with Last-Event-ID gets exactly what it missed, then the live entries.
 */
export function streamEntries(
  req: IncomingMessage,
  res: ServerResponse,
  options: EntryStreamOptions,
) {
  const heartbeatMs = options.heartbeatMs ?? 15_000;
  const maxBufferedBytes = options.maxBufferedBytes ?? 1024 * 1024;
  let lastSentSeq = options.afterSeq;
  let catchingUp = true;
  const pendingLive: HubEvent[] = [];
  let closed = false;

  res.writeHead(200, {
    'content-type': 'text/event-stream; charset=utf-8',
    'cache-control': 'no-store',
    connection: 'keep-alive',
    'x-accel-buffering': 'no',
  });
  // A HEAD response has no body, so Node would hold its head until the stream ended: never.
  if (req.method === 'HEAD') {
    res.end();
    return;
  }
  res.write('retry: 2000\n\n');

  const close = () => {
    if (closed) return;
    closed = true;
    unsubscribe();
    clearInterval(heartbeat);
    res.end();
  };

  const write = (chunk: string) => {
    if (closed) return;
    res.write(chunk);
    if (res.writableLength > maxBufferedBytes) close();
  };

  const writeEntry = (entry: Entry) => {
    lastSentSeq = entry.seq;
    write(`id: ${entry.seq}\nevent: entry\ndata: ${JSON.stringify(entry)}\n\n`);
  };

  const send = (event: HubEvent) => {
    if (event.kind === 'entry') {
      const { seq } = event.entry;
      if (seq <= lastSentSeq) return;
      // Entries can be published out of order: a routing tick may publish a queue position
      // while the bot's hand-off, written just before it, still waits for its log flush. The
      // lower seqs are committed by then (they were written first), so they are read and sent
      // first; without that they would be skipped as "already sent" when published.
      if (seq > lastSentSeq + 1) {
        for (const missed of options.readAfter(lastSentSeq, seq - lastSentSeq - 1)) {
          if (missed.seq < seq) writeEntry(missed);
        }
      }
      writeEntry(event.entry);
    } else if (event.kind === 'typing') {
      write(
        `event: typing\ndata: ${JSON.stringify({ actor: event.actor, isTyping: event.isTyping })}\n\n`,
      );
    } else if (event.reader.type !== 'customer') {
      // The customer's own read marks are news only to staff.
      write(
        `event: read\ndata: ${JSON.stringify({ reader: event.reader, upToSeq: event.upToSeq })}\n\n`,
      );
    }
  };

  // Subscribe before reading the backlog, so nothing committed in between is missed.
  const unsubscribe = options.hub.subscribe(
    options.sessionId,
    (event) => {
      if (catchingUp) pendingLive.push(event);
      else send(event);
    },
    'customer',
  );
  const heartbeat = setInterval(() => write(': ping\n\n'), heartbeatMs);
  // The response's close, not the request's: the request emits `close` as soon as its (empty)
  // body has been read, before the stream begins, so a customer who went away was counted as
  // watching forever and never got a push.
  res.on('close', close);

  for (;;) {
    const page = options.readAfter(lastSentSeq, PAGE);
    for (const entry of page) send({ kind: 'entry', entry });
    if (page.length < PAGE || closed) break;
  }
  catchingUp = false;
  for (const event of pendingLive.splice(0)) send(event);
}
