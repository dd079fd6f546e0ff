import type { IncomingMessage, ServerResponse } from 'node:http';
import { withoutInvalidCallbackUrlCookie } from '../auth/callbackUrl';
import { sendError } from './respond';

/** Far more than the largest flow the studio saves or imports, or any other staff request. */
export const MAX_STAFF_BODY_BYTES = 4 * 1024 * 1024;
/** How much of an oversized body is read and dropped so that its sender hears the 413. */
const DRAIN_LIMIT_BYTES = 16 * 1024 * 1024;

/**
 * Looks at a request for Next.js (staff pages, tRPC, next-auth) before Next.js does, and
 * answers those Next.js would answer with a 500 or lose: a path whose escapes decode to
 * nothing (Next.js fails decoding a dynamic segment), and a body too large for any staff
 * request, which Next.js refuses early and then resets while the client is still sending it.
 * A callback-url cookie next-auth would fail on is dropped. Returns whether to hand it on.
 */
export function admitNextRequest(
  req: IncomingMessage,
  res: ServerResponse,
  publicUrl: string,
): boolean {
  const path = (req.url ?? '/').split('?')[0] ?? '/';
  if (!hasValidEscapes(path)) {
    refuseAfterBody(req, res, 400, 'INVALID_PATH', 'The path is not valid percent-encoding.');
    return false;
  }
  if (Number(req.headers['content-length'] ?? 0) > MAX_STAFF_BODY_BYTES) {
    refuseAfterBody(
      req,
      res,
      413,
      'PAYLOAD_TOO_LARGE',
      `The request body is larger than ${MAX_STAFF_BODY_BYTES} bytes.`,
    );
    return false;
  }
  const cookie = withoutInvalidCallbackUrlCookie(req.headers.cookie, publicUrl);
  if (cookie !== req.headers.cookie) req.headers.cookie = cookie;
  return true;
}

function hasValidEscapes(path: string): boolean {
  try {
    decodeURIComponent(path);
    return true;
  } catch {
    return false;
  }
}

/** Answers once the body has arrived (up to DRAIN_LIMIT_BYTES), so the client hears why. */
function refuseAfterBody(
  req: IncomingMessage,
  res: ServerResponse,
  status: number,
  code: string,
  message: string,
) {
  let read = 0;
  const answer = () => {
    if (!res.headersSent) sendError(res, status, code, message);
  };
  req.on('data', (chunk: Buffer) => {
    read += chunk.length;
    if (read > DRAIN_LIMIT_BYTES) answer();
  });
  req.on('end', answer);
  req.on('error', () => res.destroy());
}
