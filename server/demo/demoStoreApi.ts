import type { IncomingMessage, ServerResponse } from 'node:http';
import { sendError, sendJson } from '../http/respond';
import { DEMO_ORDERS } from './demoStore';

/**
 * The demo store's back office under /api/demo: an order service and a password-reset service
 * for the demo bot's actions. The reset service answers the same whether or not the email has
 * an account, as a real one must, so nobody can probe which addresses are customers.
 */
export function handleDemoStoreApi(req: IncomingMessage, res: ServerResponse) {
  const { pathname } = new URL(req.url ?? '/', 'http://localhost');
  const order = /^\/api\/demo\/orders\/([^/]+)$/.exec(pathname);
  if (order && req.method === 'GET') {
    const orderNumber = decodeURIComponent(order[1] ?? '').toUpperCase();
    const record = DEMO_ORDERS[orderNumber];
    if (!record) return sendError(res, 404, 'NOT_FOUND', 'No such order.');
    return sendJson(res, 200, { orderNumber, ...record });
  }
  if (pathname === '/api/demo/password-reset' && req.method === 'POST') {
    req.resume();
    return sendJson(res, 202, { accepted: true });
  }
  return sendError(res, 404, 'NOT_FOUND', `No demo route for ${req.method} ${pathname}.`);
}
