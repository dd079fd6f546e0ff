import { describe, expect, it, vi } from 'vitest';
import { apiClient } from '../testing/apiClient';
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

  it('answers a malformed percent-encoding in a path with a 400, on every kind of route', async () => {
    const { base } = await startApi();
    const client = apiClient(base);
    const started = await client.start('acme-app');
    const { conversationId, accessToken } = started.body;
    for (const [method, path] of [
      ['POST', '/api/v1/deployments/%E0%A4%A/conversations'],
      ['GET', '/api/v1/conversations/%zz/entries'],
      ['POST', `/api/v1/conversations/${conversationId}%C0/messages`],
      ['DELETE', '/api/v1/push-registrations/%FF'],
    ] as const) {
      const body = method === 'POST' ? {} : undefined;
      const res = await client.call(method, path, body, accessToken, {
        origin: 'https://shop.example',
      });
      expect({ method, path, status: res.status, body: res.body }).toEqual({
        method,
        path,
        status: 400,
        body: { error: { code: 'INVALID_PATH', message: expect.any(String) } },
      });
    }
    const unrouted = await client.call(
      'GET',
      '/api/v1/conversations/%E0/no/such/route',
      undefined,
      undefined,
      {
        origin: 'https://shop.example',
      },
    );
    expect(unrouted.status).toBe(403);
    expect(unrouted.body.error.code).toBe('ORIGIN_NOT_ALLOWED');
    expect((await fetch(`${base}/api/v1/health`)).status).toBe(200);
  });

  it("answers Parley's own fault with a 500 that carries the request id it was logged under", async () => {
    const { db, base } = await startApi();
    db.$client.close();
    const logged = vi.spyOn(console, 'error').mockImplementation(() => {});
    const res = await apiClient(base).call('GET', '/api/v1/deployments/acme-web/prechat');
    const requestId = res.headers.get('x-request-id');
    expect(res.status).toBe(500);
    expect(res.body.error.code).toBe('INTERNAL');
    expect(res.body.error.message).toContain(requestId);
    expect(String(logged.mock.calls[0]?.[0])).toContain(requestId);
    logged.mockRestore();
  });
});
