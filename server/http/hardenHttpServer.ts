import { type Server, STATUS_CODES } from 'node:http';
import type { Duplex } from 'node:stream';

/** Time a client has to send its request head, and then its whole request. */
const HEADERS_TIMEOUT_MS = 15_000;
const REQUEST_TIMEOUT_MS = 30_000;
/** How long a refused client may go on sending before its connection is closed. */
const LINGER_MS = 5_000;

/**
 * What Node's HTTP server does before any handler runs, made to answer like the rest of the
 * API: a request that is not valid HTTP (a malformed head, conflicting Content-Length and
 * Transfer-Encoding, an oversized header block, one sent too slowly) gets a JSON error with a
 * code instead of Node's bare text, and a client that trickles its request in is cut off.
 */
export function hardenHttpServer(server: Server) {
  server.headersTimeout = HEADERS_TIMEOUT_MS;
  server.requestTimeout = REQUEST_TIMEOUT_MS;
  server.on('clientError', answerClientError);
}

/** Sockets already answered: Node reports the same error again for each chunk that follows. */
const answered = new WeakSet<Duplex>();

function answerClientError(error: NodeJS.ErrnoException, socket: Duplex) {
  if (answered.has(socket)) return;
  if (error.code === 'ECONNRESET' || !socket.writable) {
    socket.destroy();
    return;
  }
  answered.add(socket);
  // Closing while the client is still sending its body would reset the connection and lose
  // the answer: the rest is read and dropped for a while, then the connection closes.
  setTimeout(() => socket.destroy(), LINGER_MS).unref();
  const [status, code, message] =
    error.code === 'HPE_HEADER_OVERFLOW'
      ? [431, 'HEADERS_TOO_LARGE', 'The request headers are too large.']
      : error.code === 'ERR_HTTP_REQUEST_TIMEOUT'
        ? [408, 'REQUEST_TIMEOUT', 'The request took too long to arrive.']
        : [400, 'BAD_REQUEST', 'The request is not valid HTTP.'];
  const body = JSON.stringify({ error: { code, message } });
  socket.end(
    `HTTP/1.1 ${status} ${STATUS_CODES[status]}\r\n` +
      'content-type: application/json; charset=utf-8\r\n' +
      `content-length: ${Buffer.byteLength(body)}\r\n` +
      'connection: close\r\n\r\n' +
      body,
  );
}
