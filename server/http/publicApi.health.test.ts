import { describe, expect, it } from 'vitest';
import { useTestApi } from '../testing/apiServer';

describe('public API: health and errors', () => {
  const startApi = useTestApi();

  it('answers ok with the version while the database works', async () => {
    const { base } = await startApi();
    const res = await fetch(`${base}/api/v1/health`);
    expect(res.status).toBe(200);
    expect(await res.json()).toEqual({ status: 'ok', db: 'ok', version: '9.9.9' });
  });

  it('answers 503 with the reason when the database is not usable', async () => {
    const { db, base } = await startApi();
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
    const { base } = await startApi();
    const res = await fetch(`${base}/api/v1/nothing-here`);
    expect(res.status).toBe(404);
    expect(await res.json()).toEqual({
      error: { code: 'NOT_FOUND', message: 'No API route for GET /api/v1/nothing-here.' },
    });
  });
});
