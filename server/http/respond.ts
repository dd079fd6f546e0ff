import { randomUUID } from 'node:crypto';
import type { IncomingMessage, ServerResponse } from 'node:http';

export function sendJson(res: ServerResponse, status: number, body: unknown) {
  const json = JSON.stringify(body);
  res.writeHead(status, {
    'content-type': 'application/json; charset=utf-8',
    'content-length': Buffer.byteLength(json),
    'cache-control': 'no-store',
  });
  res.end(json);
}

/** Every public API error has this shape: a stable code for programs, a sentence for people. */
export function sendError(res: ServerResponse, status: number, code: string, message: string) {
  sendJson(res, status, { error: { code, message } });
}

/**
 * Parley's own fault: logged for the operator under a fresh request id, which the caller gets
 * too, so a report of the failure leads to its log line.
 */
export function sendInternalError(req: IncomingMessage, res: ServerResponse, error: unknown) {
  const requestId = randomUUID();
  console.error(`[${requestId}] ${req.method} ${req.url} failed:`, error);
  if (res.headersSent) {
    res.end();
    return;
  }
  res.setHeader('x-request-id', requestId);
  sendError(
    res,
    500,
    'INTERNAL',
    `Something went wrong; the request can be retried (request id ${requestId}).`,
  );
}
