import { connect } from 'node:net';

export interface RawRequest {
  /** The request head up to its blank line, sent byte for byte: any method, path or header. */
  head: Buffer | string;
  body?: Buffer | string;
  /** Sends the body in this many pieces, `pauseMs` apart: a slow client. */
  pieces?: number;
  pauseMs?: number;
  /** Half-closes the connection after the body, as a client that gave up mid-request does. */
  endAfterBody?: boolean;
}

export interface RawResponse {
  /** 0 when the connection closed without a status line. */
  status: number;
  headers: Record<string, string>;
  body: string;
  /** No status line arrived within the time allowed. */
  timedOut: boolean;
}

/**
 * Sends one request over a fresh TCP connection exactly as given, bypassing every client's
 * checks, and reads the answer: the tests' way to send what no well-behaved client would.
 * A streaming answer (SSE) counts as answered once its head has arrived; its events are then
 * read for up to `streamMs` more, or until the server ends the stream.
 */
export function rawHttpRequest(
  origin: string,
  request: RawRequest,
  timeoutMs = 5_000,
  streamMs = 0,
): Promise<RawResponse> {
  const { hostname, port } = new URL(origin);
  return new Promise((resolve) => {
    const socket = connect(Number(port), hostname);
    let received = Buffer.alloc(0);
    let settled = false;
    const finish = (timedOut: boolean) => {
      if (settled) return;
      settled = true;
      clearTimeout(timer);
      socket.destroy();
      resolve({ ...parseResponse(received), timedOut });
    };
    let timer = setTimeout(() => finish(true), timeoutMs);
    let streaming = false;
    socket.on('data', (chunk) => {
      received = Buffer.concat([received, chunk]);
      if (streaming || !isComplete(received)) return;
      if (streamMs > 0 && isStream(received)) {
        streaming = true;
        clearTimeout(timer);
        timer = setTimeout(() => finish(false), streamMs);
        return;
      }
      finish(false);
    });
    socket.on('error', () => finish(false));
    socket.on('close', () => finish(false));
    socket.on('connect', async () => {
      socket.write(request.head);
      const body = Buffer.from(request.body ?? '');
      const pieces = Math.max(1, request.pieces ?? 1);
      const size = Math.ceil(body.length / pieces);
      for (let at = 0; at < body.length; at += size) {
        if (settled) return;
        if (at > 0) await new Promise((wait) => setTimeout(wait, request.pauseMs ?? 0));
        socket.write(body.subarray(at, at + size));
      }
      if (request.endAfterBody) socket.end();
    });
  });
}

function headEnd(data: Buffer): number {
  return data.indexOf('\r\n\r\n');
}

function isStream(data: Buffer): boolean {
  return parseResponse(data).headers['content-type']?.startsWith('text/event-stream') === true;
}

function isComplete(data: Buffer): boolean {
  const end = headEnd(data);
  if (end < 0) return false;
  const { headers } = parseResponse(data);
  if (headers['content-type']?.startsWith('text/event-stream')) return true;
  if (headers['transfer-encoding'] === 'chunked')
    return data.subarray(-5).toString() === '0\r\n\r\n';
  const length = headers['content-length'];
  return length !== undefined && data.length - (end + 4) >= Number(length);
}

function parseResponse(data: Buffer): Omit<RawResponse, 'timedOut'> {
  const end = headEnd(data);
  const head = (end < 0 ? data : data.subarray(0, end)).toString('latin1');
  const [statusLine = '', ...lines] = head.split('\r\n');
  const status = Number(/^HTTP\/1\.[01] (\d{3})/.exec(statusLine)?.[1] ?? 0);
  const headers: Record<string, string> = {};
  for (const line of lines) {
    const colon = line.indexOf(':');
    if (colon > 0)
      headers[line.slice(0, colon).trim().toLowerCase()] = line.slice(colon + 1).trim();
  }
  const raw = end < 0 ? Buffer.alloc(0) : data.subarray(end + 4);
  const body = (headers['transfer-encoding'] === 'chunked' ? dechunk(raw) : raw).toString('utf8');
  return { status, headers, body };
}

/** The data of a chunked body, as far as its chunks arrived whole. */
function dechunk(raw: Buffer): Buffer {
  const chunks: Buffer[] = [];
  for (let at = 0; ; ) {
    const lineEnd = raw.indexOf('\r\n', at);
    if (lineEnd < 0) break;
    const size = Number.parseInt(raw.subarray(at, lineEnd).toString('latin1'), 16);
    if (!(size > 0) || lineEnd + 2 + size > raw.length) break;
    chunks.push(raw.subarray(lineEnd + 2, lineEnd + 2 + size));
    at = lineEnd + 2 + size + 2;
  }
  return Buffer.concat(chunks);
}
