import { EventEmitter } from 'node:events';
import { createServer, type IncomingMessage, request, type ServerResponse } from 'node:http';
import type { AddressInfo } from 'node:net';
import { describe, expect, it } from 'vitest';
import type { Entry } from '../../contract/entries';
import { EventHub } from '../messaging/eventHub';
import { streamEntries } from './entryStream';

function entry(seq: number, text: string): Entry {
  return {
    id: `e${seq}`,
    seq,
    actor: { type: 'bot', name: 'Customer support' },
    type: 'text',
    payload: { text },
    createdAt: new Date(seq * 1000).toISOString(),
    status: 'sent',
  };
}

/** A customer's open stream, and the seqs it has sent them so far, in order. */
function openStream(stored: Entry[], afterSeq: number) {
  const hub = new EventHub();
  const chunks: string[] = [];
  const req = Object.assign(new EventEmitter(), { method: 'GET' }) as unknown as IncomingMessage;
  const res = Object.assign(new EventEmitter(), {
    writableLength: 0,
    writeHead: () => res,
    write: (chunk: string) => chunks.push(chunk),
    end: () => undefined,
  }) as unknown as ServerResponse;
  streamEntries(req, res, {
    hub,
    sessionId: 's1',
    afterSeq,
    readAfter: (after, limit) => stored.filter((row) => row.seq > after).slice(0, limit),
    heartbeatMs: 60_000,
  });
  const sentSeqs = () =>
    chunks.flatMap((chunk) =>
      [...chunk.matchAll(/^id: (\d+)$/gm)].map((match) => Number(match[1])),
    );
  return { hub, sentSeqs, close: () => res.emit('close') };
}

describe('a customer’s entry stream', () => {
  it('sends entries published out of order once each, in seq order', () => {
    const stored = [entry(1, 'Hi')];
    const stream = openStream(stored, 0);
    // The hand-off (2, 3) and then the queue position (4) are committed; routing publishes the
    // position while the hand-off still waits for its log flush.
    stored.push(entry(2, 'Connecting you'), entry(3, 'Waiting'), entry(4, '#1'));
    stream.hub.publish('s1', { kind: 'entry', entry: entry(4, '#1') });
    stream.hub.publish('s1', { kind: 'entry', entry: entry(2, 'Connecting you') });
    stream.hub.publish('s1', { kind: 'entry', entry: entry(3, 'Waiting') });
    expect(stream.sentSeqs()).toEqual([1, 2, 3, 4]);
    stream.close();
  });

  it('sends an entry once, however often it is published', () => {
    const stored = [entry(1, 'Hi'), entry(2, 'Order A1001 is shipped.')];
    const stream = openStream(stored, 0);
    stream.hub.publish('s1', { kind: 'entry', entry: entry(3, 'Anything else?') });
    stream.hub.publish('s1', { kind: 'entry', entry: entry(2, 'Order A1001 is shipped.') });
    expect(stream.sentSeqs()).toEqual([1, 2, 3]);
    stream.close();
  });

  it('stops counting the customer as watching once they disconnect, so replies become pushes', async () => {
    const hub = new EventHub();
    const server = createServer((req, res) => {
      // As the public API does: the (empty) request body is read before the stream begins.
      req.resume();
      req.on('end', () =>
        streamEntries(req, res, { hub, sessionId: 's1', afterSeq: 0, readAfter: () => [] }),
      );
    });
    await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
    const { port } = server.address() as AddressInfo;
    const customer = request(`http://127.0.0.1:${port}/stream`);
    customer.end();
    await new Promise((resolve) => customer.on('response', resolve));
    expect(hub.hasCustomerStream('s1')).toBe(true);

    customer.destroy();
    for (let waited = 0; hub.hasCustomerStream('s1') && waited < 2_000; waited += 10) {
      await new Promise((resolve) => setTimeout(resolve, 10));
    }
    expect(hub.hasCustomerStream('s1')).toBe(false);
    server.close();
  });
});
