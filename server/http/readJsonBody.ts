import type { IncomingMessage } from 'node:http';
import type { z } from 'zod';
import { HttpError } from './httpError';

/** Reads and validates a JSON body, refusing more than `limitBytes` without buffering it all. */
export async function readJsonBody<T extends z.ZodType>(
  req: IncomingMessage,
  schema: T,
  limitBytes: number,
): Promise<z.output<T>> {
  const declared = Number(req.headers['content-length'] ?? 0);
  if (declared > limitBytes) throw tooLarge(limitBytes);
  const chunks: Buffer[] = [];
  let size = 0;
  for await (const chunk of req) {
    size += (chunk as Buffer).length;
    if (size > limitBytes) throw tooLarge(limitBytes);
    chunks.push(chunk as Buffer);
  }
  const text = Buffer.concat(chunks).toString('utf8');
  let json: unknown;
  try {
    json = text === '' ? {} : JSON.parse(text);
  } catch {
    throw new HttpError(400, 'INVALID_JSON', 'The request body is not valid JSON.');
  }
  const parsed = schema.safeParse(json);
  if (!parsed.success) {
    const issue = parsed.error.issues[0];
    const where = issue?.path.length ? issue.path.join('.') : 'body';
    throw new HttpError(400, 'INVALID_REQUEST', `${where}: ${issue?.message ?? 'invalid value'}`);
  }
  return parsed.data;
}

function tooLarge(limitBytes: number) {
  return new HttpError(
    413,
    'PAYLOAD_TOO_LARGE',
    `The request body is larger than ${limitBytes} bytes.`,
  );
}
