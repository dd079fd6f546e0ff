import type { IncomingHttpHeaders } from 'node:http';
import https from 'node:https';

export interface HttpsAnswer {
  status: number;
  headers: IncomingHttpHeaders;
  body: string;
}

/**
 * One POST over a keep-alive agent, answered in full or failed: a network or TLS error, a reset
 * or no complete answer within `timeoutMs` rejects, whatever the status would have been.
 */
export function postHttps(
  url: string,
  request: { headers: Record<string, string>; body: string; agent: https.Agent; timeoutMs: number },
): Promise<HttpsAnswer> {
  return new Promise((resolve, reject) => {
    let settled = false;
    const settle = (error: Error | null, answer?: HttpsAnswer) => {
      if (settled) return;
      settled = true;
      clearTimeout(timer);
      if (answer) resolve(answer);
      else {
        outgoing.destroy();
        reject(error);
      }
    };
    const outgoing = https.request(url, {
      method: 'POST',
      agent: request.agent,
      headers: { ...request.headers, 'content-length': String(Buffer.byteLength(request.body)) },
    });
    const timer = setTimeout(
      () => settle(new Error(`no answer within ${request.timeoutMs} ms`)),
      request.timeoutMs,
    );
    outgoing.on('error', (error) => settle(error));
    outgoing.on('response', (incoming) => {
      const chunks: Buffer[] = [];
      incoming.on('data', (chunk: Buffer) => chunks.push(chunk));
      incoming.on('error', (error) => settle(error));
      incoming.on('close', () => {
        if (!incoming.complete) settle(new Error('the connection closed before the answer ended'));
      });
      incoming.on('end', () =>
        settle(null, {
          status: incoming.statusCode ?? 0,
          headers: incoming.headers,
          body: Buffer.concat(chunks).toString('utf8'),
        }),
      );
    });
    outgoing.end(request.body);
  });
}
