import { createServer, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import { afterEach, describe, expect, it } from 'vitest';
import { useTestDb } from '../testing/testDb';
import { createApiHandler } from './apiHandler';

describe('public API: health', () => {
  const openDb = useTestDb();
  let server: Server | undefined;
  afterEach(
    () => new Promise<void>((resolve) => (server ? server.close(() => resolve()) : resolve())),
  );

  async function serve() {
    const db = openDb();
    server = createServer(createApiHandler({ db, version: '9.9.9' }));
    await new Promise<void>((resolve) => server?.listen(0, '127.0.0.1', resolve));
    const { port } = server.address() as AddressInfo;
    return { db, base: `http://127.0.0.1:${port}` };
  }

  it('answers ok with the version while the database works', async () => {
    const { base } = await serve();
    const res = await fetch(`${base}/api/v1/health`);
    expect(res.status).toBe(200);
    expect(await res.json()).toEqual({ status: 'ok', db: 'ok', version: '9.9.9' });
  });

  it('answers 503 with the reason when the database is not usable', async () => {
    const { db, base } = await serve();
    db.$client.close();
    const res = await fetch(`${base}/api/v1/health`);
    expect(res.status).toBe(503);
    expect(await res.json()).toMatchObject({
      status: 'unavailable',
      db: 'error',
      reason: expect.any(String),
    });
  });

  it('answers unknown API paths with a machine-readable 404', async () => {
    const { base } = await serve();
    const res = await fetch(`${base}/api/v1/nothing-here`);
    expect(res.status).toBe(404);
    expect(await res.json()).toEqual({
      error: { code: 'NOT_FOUND', message: 'No API route for GET /api/v1/nothing-here.' },
    });
  });
});
