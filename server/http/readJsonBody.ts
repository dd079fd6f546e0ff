import type { IncomingMessage } from 'node:http';
import type { z } from 'zod';
import { pathBeyondDepth } from '../../bot-runtime/flow/pathBeyondDepth';
import { HttpError } from './httpError';

/** How much of an oversized body is read and dropped so that its sender hears the 413. */
const DRAIN_LIMIT_BYTES = 1024 * 1024;
/** Far more than any request of the API needs; a form answer or context is one or two levels. */
const MAX_BODY_DEPTH = 64;
const JSON_MEDIA_TYPE = /^application\/(?:[\w.+-]+\+)?json$/i;
// Customer text is stored as sent: bytes that are not UTF-8 are refused, never replaced.
const strictUtf8 = new TextDecoder('utf-8', { fatal: true });

/** Reads and validates a JSON body, refusing more than `limitBytes` without buffering it all. */
export async function readJsonBody<T extends z.ZodType>(
  req: IncomingMessage,
  schema: T,
  limitBytes: number,
): Promise<z.output<T>> {
  return parseJsonBody(req, await readRequestBody(req, limitBytes), schema);
}

/** Validates a body already read: it must be typed as JSON, be UTF-8, parse and fit `schema`. */
export function parseJsonBody<T extends z.ZodType>(
  req: IncomingMessage,
  bytes: Buffer,
  schema: T,
): z.output<T> {
  if (bytes.length > 0) requireJsonContentType(req);
  let text: string;
  try {
    text = strictUtf8.decode(bytes);
  } catch {
    throw new HttpError(400, 'INVALID_ENCODING', 'The request body is not valid UTF-8.');
  }
  let json: unknown;
  try {
    json = text === '' ? {} : JSON.parse(text);
  } catch {
    throw new HttpError(400, 'INVALID_JSON', 'The request body is not valid JSON.');
  }
  // zod checks nested JSON by recursion: a deep enough value would overflow its stack.
  if (pathBeyondDepth(json, MAX_BODY_DEPTH) !== null) {
    throw new HttpError(
      400,
      'BODY_TOO_DEEP',
      `The request body nests deeper than ${MAX_BODY_DEPTH} levels.`,
    );
  }
  const parsed = schema.safeParse(json);
  if (!parsed.success) {
    const issue = parsed.error.issues[0];
    const where = issue?.path.length ? issue.path.join('.') : 'body';
    throw new HttpError(400, 'INVALID_REQUEST', `${where}: ${issue?.message ?? 'invalid value'}`);
  }
  return parsed.data;
}

/**
 * Reads the body, keeping at most `limitBytes`. A body over the limit is still read to its end,
 * up to DRAIN_LIMIT_BYTES, and only then refused: closing a connection the client is still
 * writing to resets it, and the client would never see the 413 that says why.
 */
export async function readRequestBody(req: IncomingMessage, limitBytes: number): Promise<Buffer> {
  if (Number(req.headers['content-length'] ?? 0) > DRAIN_LIMIT_BYTES) throw tooLarge(limitBytes);
  const chunks: Buffer[] = [];
  let size = 0;
  try {
    for await (const chunk of req) {
      size += (chunk as Buffer).length;
      if (size > DRAIN_LIMIT_BYTES) break;
      if (size <= limitBytes) chunks.push(chunk as Buffer);
    }
  } catch {
    // The client went away mid-body: nothing was accepted, and nobody is left to answer.
    throw new HttpError(400, 'BODY_INCOMPLETE', 'The request body ended before it was complete.');
  }
  if (size > limitBytes) throw tooLarge(limitBytes);
  return Buffer.concat(chunks);
}

/**
 * A body must say it is JSON. Besides being honest, this keeps a page on a foreign site from
 * posting a "simple" text/plain request that skips the browser's CORS preflight.
 */
function requireJsonContentType(req: IncomingMessage) {
  const mediaType = (req.headers['content-type'] ?? '').split(';')[0]?.trim() ?? '';
  if (!JSON_MEDIA_TYPE.test(mediaType)) {
    throw new HttpError(
      415,
      'UNSUPPORTED_MEDIA_TYPE',
      'Send the request body as JSON, with content-type: application/json.',
    );
  }
}

function tooLarge(limitBytes: number) {
  return new HttpError(
    413,
    'PAYLOAD_TOO_LARGE',
    `The request body is larger than ${limitBytes} bytes.`,
  );
}
