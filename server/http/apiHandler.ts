import type { IncomingMessage, ServerResponse } from 'node:http';
import type { Db } from '../db/client';
import { checkHealth } from './health';
import { sendError, sendJson } from './respond';

export interface ApiDependencies {
  db: Db;
  version: string;
}

/** The public API under /api/v1, served by plain node:http because it is the hot path. */
export function createApiHandler({ db, version }: ApiDependencies) {
  return function handleApiRequest(req: IncomingMessage, res: ServerResponse) {
    const { pathname } = new URL(req.url ?? '/', 'http://localhost');
    if (pathname === '/api/v1/health') {
      if (req.method !== 'GET' && req.method !== 'HEAD') {
        return sendError(res, 405, 'METHOD_NOT_ALLOWED', 'Use GET for /api/v1/health.');
      }
      const report = checkHealth(db, version);
      return sendJson(res, report.status === 'ok' ? 200 : 503, report);
    }
    return sendError(res, 404, 'NOT_FOUND', `No API route for ${req.method} ${pathname}.`);
  };
}
