import http2 from 'node:http2';

export type Http2Answer =
  | { status: number; headers: http2.IncomingHttpHeaders; body: string }
  | { status: null; error: string };

export interface Http2Client {
  /** One request as one stream on the origin's connection; failures are answers, never throws. */
  request(
    origin: string,
    headers: http2.OutgoingHttpHeaders,
    body: string,
    timeoutMs: number,
  ): Promise<Http2Answer>;
  /** Closes every connection once the streams in flight on it are done. */
  close(): Promise<void>;
}

interface Connection {
  session: http2.ClientHttp2Session;
  /** Until the server's first SETTINGS arrive its stream limit is unknown, so nothing is sent. */
  ready: boolean;
  active: number;
  waiting: Array<(usable: boolean) => void>;
  /** Why the connection failed, for the requests that never got onto it. */
  failure?: string;
}

/**
 * HTTP/2 requests over one connection per origin, many streams in flight on each. Streams
 * beyond the server's advertised limit wait for a free one (node would have them refused), and
 * the limit is read again as it changes: APNs allows one stream until the first succeeds. A
 * connection that closes, fails or receives GOAWAY is forgotten; the next request opens anew.
 */
export function createHttp2Client(options: { ca?: string | Buffer } = {}): Http2Client {
  const connections = new Map<string, Connection>();
  let shutDown = false;

  function connectionFor(origin: string): Connection {
    const existing = connections.get(origin);
    if (existing && !existing.session.closed && !existing.session.destroyed) return existing;
    const session = http2.connect(origin, options.ca ? { ca: options.ca } : {});
    const connection: Connection = { session, ready: false, active: 0, waiting: [] };
    const retire = () => {
      if (connections.get(origin) === connection) connections.delete(origin);
      for (const wake of connection.waiting.splice(0)) wake(false);
    };
    session.on('remoteSettings', () => {
      connection.ready = true;
      pump(connection);
    });
    session.on('goaway', retire);
    session.on('close', retire);
    session.on('error', (error) => {
      connection.failure = errorText(error);
      retire();
    });
    connections.set(origin, connection);
    return connection;
  }

  function pump(connection: Connection) {
    const limit = connection.session.remoteSettings.maxConcurrentStreams ?? 100;
    while (connection.ready && connection.active < limit && connection.waiting.length > 0) {
      connection.active += 1;
      connection.waiting.shift()?.(true);
    }
  }

  /**
   * Waits for a stream slot: `ready` holds one, `lost` if the connection went away first,
   * `timeout` if none came free in time (a handshake that hangs, a server at its limit).
   */
  function slot(connection: Connection, waitMs: number): Promise<'ready' | 'lost' | 'timeout'> {
    return new Promise((resolve) => {
      const wake = (usable: boolean) => {
        clearTimeout(timer);
        resolve(usable ? 'ready' : 'lost');
      };
      const timer = setTimeout(() => {
        connection.waiting.splice(connection.waiting.indexOf(wake), 1);
        resolve('timeout');
      }, waitMs);
      connection.waiting.push(wake);
      pump(connection);
    });
  }

  async function request(
    origin: string,
    headers: http2.OutgoingHttpHeaders,
    body: string,
    timeoutMs: number,
  ): Promise<Http2Answer> {
    const deadline = Date.now() + timeoutMs;
    let lost = '';
    // A connection lost while this request waited gets one fresh try, not an endless loop.
    for (let attempt = 0; attempt < 2; attempt += 1) {
      if (shutDown) return { status: null, error: 'the push sender has shut down' };
      const connection = connectionFor(origin);
      const waited = await slot(connection, Math.max(0, deadline - Date.now()));
      if (waited === 'timeout') return { status: null, error: `no answer within ${timeoutMs} ms` };
      if (waited === 'lost') {
        lost = connection.failure ?? 'it closed';
        continue;
      }
      try {
        return await exchange(connection, headers, body, deadline, timeoutMs);
      } finally {
        connection.active -= 1;
        pump(connection);
      }
    }
    return { status: null, error: `could not send to ${origin}: ${lost}` };
  }

  function exchange(
    connection: Connection,
    headers: http2.OutgoingHttpHeaders,
    body: string,
    deadline: number,
    timeoutMs: number,
  ): Promise<Http2Answer> {
    return new Promise((resolve) => {
      let settled = false;
      let timer: NodeJS.Timeout | undefined;
      const finish = (answer: Http2Answer) => {
        if (settled) return;
        settled = true;
        clearTimeout(timer);
        resolve(answer);
      };
      let stream: http2.ClientHttp2Stream;
      try {
        stream = connection.session.request(headers);
      } catch (error) {
        // Out of stream ids or already closing: this connection is done for new work.
        connection.session.close();
        return finish({ status: null, error: errorText(error) });
      }
      timer = setTimeout(() => {
        finish({ status: null, error: `no answer within ${timeoutMs} ms` });
        stream.close(http2.constants.NGHTTP2_CANCEL);
      }, deadline - Date.now());
      let responseHeaders: http2.IncomingHttpHeaders = {};
      const chunks: Buffer[] = [];
      stream.on('response', (received) => {
        responseHeaders = received;
      });
      stream.on('data', (chunk: Buffer) => chunks.push(chunk));
      stream.on('error', (error) => finish({ status: null, error: errorText(error) }));
      stream.on('end', () => {
        const status = Number(responseHeaders[':status']);
        if (!status) return finish({ status: null, error: 'the stream ended without an answer' });
        finish({ status, headers: responseHeaders, body: Buffer.concat(chunks).toString('utf8') });
      });
      stream.on('close', () => {
        const code = stream.rstCode ? ` (HTTP/2 error ${stream.rstCode})` : '';
        finish({ status: null, error: `the connection closed before an answer${code}` });
      });
      stream.end(body);
    });
  }

  async function close() {
    shutDown = true;
    const open = [...connections.values()];
    connections.clear();
    await Promise.all(
      open.map(
        ({ session, active }) =>
          new Promise<void>((resolve) => {
            if (session.closed || session.destroyed) return resolve();
            session.once('close', () => resolve());
            // Nothing to wait for, or a handshake that may never end: close at once.
            if (active === 0 || session.connecting) session.destroy();
            else session.close();
          }),
      ),
    );
  }

  return { request, close };
}

function errorText(error: unknown): string {
  return error instanceof Error ? error.message : String(error);
}
