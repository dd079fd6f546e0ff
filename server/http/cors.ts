import type { IncomingMessage, ServerResponse } from 'node:http';

/**
 * Browser access: an origin is allowed when the deployment lists it, or when it is Parley's
 * own origin (the demo store and the studio preview). Parley's own pages are reached by
 * whatever host name leads to it (`localhost`, `127.0.0.1`, a LAN name), not only the public
 * URL's: a page whose origin names the host the request was sent to is one of them, since a
 * browser sets both. Requests without an Origin header come from apps and servers, which CORS
 * does not concern, so the deployment's list is read only for a foreign origin.
 */
export function applyCors(
  req: IncomingMessage,
  res: ServerResponse,
  allowedOrigins: (origin: string) => readonly string[],
  ownOrigin: string,
): boolean {
  const origin = req.headers.origin;
  if (!origin) return true;
  const allowed =
    origin === ownOrigin ||
    hostOf(origin) === req.headers.host ||
    allowedOrigins(origin).includes(origin);
  if (!allowed) return false;
  res.setHeader('access-control-allow-origin', origin);
  res.setHeader('vary', 'Origin');
  res.setHeader('access-control-allow-headers', 'authorization, content-type, last-event-id');
  res.setHeader('access-control-allow-methods', 'GET, POST, DELETE, OPTIONS');
  res.setHeader('access-control-max-age', '600');
  return true;
}

function hostOf(origin: string): string | null {
  return URL.canParse(origin) ? new URL(origin).host : null;
}
