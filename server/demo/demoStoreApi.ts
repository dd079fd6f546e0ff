import type { IncomingMessage, ServerResponse } from 'node:http';
import { z } from 'zod';
import { HttpError } from '../http/httpError';
import { readJsonBody } from '../http/readJsonBody';
import { sendError, sendJson } from '../http/respond';
import { DEMO_ORDERS } from './demoStore';

/** What the demo bot's password-reset action sends: the verified customer, or the email typed. */
const passwordResetRequestSchema = z.union([
  z.object({ customerId: z.string().min(1) }),
  z.object({ email: z.email() }),
]);
const PASSWORD_RESET_BODY_LIMIT = 4_096;

/**
 * The demo store's back office under /api/demo: an order service and a password-reset service
 * for the demo bot's actions. The reset service answers the same whether or not the email has
 * an account, as a real one must, so nobody can probe which addresses are customers.
 */
export async function handleDemoStoreApi(req: IncomingMessage, res: ServerResponse) {
  const { pathname } = new URL(req.url ?? '/', 'http://localhost');
  const order = /^\/api\/demo\/orders\/([^/]+)$/.exec(pathname);
  if (order && req.method === 'GET') {
    const orderNumber = decodedOrderNumber(order[1] ?? '');
    if (orderNumber === null) {
      return sendError(res, 400, 'INVALID_ORDER_NUMBER', 'The order number is not valid.');
    }
    const record = DEMO_ORDERS[orderNumber];
    if (!record) return sendError(res, 404, 'NOT_FOUND', 'No such order.');
    return sendJson(res, 200, { orderNumber, ...record });
  }
  if (pathname === '/api/demo/password-reset' && req.method === 'POST') {
    try {
      await readJsonBody(req, passwordResetRequestSchema, PASSWORD_RESET_BODY_LIMIT);
    } catch (error) {
      if (!(error instanceof HttpError)) throw error;
      return sendError(res, error.status, error.code, error.message);
    }
    return sendJson(res, 202, { accepted: true });
  }
  return sendError(res, 404, 'NOT_FOUND', `No demo route for ${req.method} ${pathname}.`);
}

/** Upper-cased, or null when the path segment is not valid percent-encoding. */
function decodedOrderNumber(segment: string): string | null {
  try {
    return decodeURIComponent(segment).toUpperCase();
  } catch {
    return null;
  }
}
