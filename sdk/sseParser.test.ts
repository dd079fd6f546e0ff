import { describe, expect, it } from 'vitest';
import { type SseMessage, SseParser } from './sseParser';

function parse(chunks: string[]) {
  const messages: SseMessage[] = [];
  const parser = new SseParser((message) => messages.push(message));
  for (const chunk of chunks) parser.push(chunk);
  return messages;
}

describe('the Server-Sent Events parser the fetch and XMLHttpRequest readers share', () => {
  const stream =
    'retry: 2000\n\n: ping\n\nid: 1\nevent: entry\ndata: {"seq":1}\n\n' +
    'event: typing\ndata: {"isTyping":true}\n\nid: 2\nevent: entry\ndata: line one\ndata: line two\n\n';
  const expected = [
    { type: 'entry', data: '{"seq":1}', lastEventId: '1' },
    { type: 'typing', data: '{"isTyping":true}', lastEventId: '' },
    { type: 'entry', data: 'line one\nline two', lastEventId: '2' },
  ];

  it('reads events whole, skipping comments and the retry hint', () => {
    expect(parse([stream])).toEqual(expected);
  });

  it('reads the same events however the text is cut, as progress events cut it', () => {
    for (const size of [1, 2, 3, 7, 16]) {
      const chunks = stream.match(new RegExp(`[\\s\\S]{1,${size}}`, 'g')) ?? [];
      expect(parse(chunks)).toEqual(expected);
    }
  });

  it('accepts CRLF and CR line ends, even split between two chunks', () => {
    const crlf = stream.replace(/\n/g, '\r\n');
    expect(parse([crlf])).toEqual(expected);
    for (let at = 0; at < crlf.length; at += 1) {
      expect(parse([crlf.slice(0, at), crlf.slice(at)])).toEqual(expected);
    }
  });

  it('holds back an event until its blank line arrives', () => {
    const messages: SseMessage[] = [];
    const parser = new SseParser((message) => messages.push(message));
    parser.push('event: entry\ndata: {"seq":3}\n');
    expect(messages).toEqual([]);
    parser.push('\n');
    expect(messages).toEqual([{ type: 'entry', data: '{"seq":3}', lastEventId: '' }]);
  });
});
