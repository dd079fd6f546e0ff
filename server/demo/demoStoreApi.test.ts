import { createServer, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { handleDemoStoreApi } from './demoStoreApi';

// Over real HTTP, as the demo bot's order and reset actions call it on the running server.
let server: Server;
let base: string;

beforeAll(async () => {
  server = createServer(handleDemoStoreApi);
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  base = `http://127.0.0.1:${(server.address() as AddressInfo).port}`;
});

afterAll(async () => {
  server.closeAllConnections();
  await new Promise<void>((resolve) => server.close(() => resolve()));
});

function resetPassword(body: string) {
  return fetch(`${base}/api/demo/password-reset`, {
    method: 'POST',
    headers: { 'content-type': 'application/json' },
    body,
  });
}

describe('demo store API', () => {
  it('reports order A1001 as shipped with its delivery estimate and tracking link', async () => {
    const res = await fetch(`${base}/api/demo/orders/A1001`);
    expect(res.status).toBe(200);
    expect(res.headers.get('content-type')).toContain('application/json');
    expect(await res.json()).toEqual({
      orderNumber: 'A1001',
      status: 'shipped',
      estimatedDelivery: 'Friday',
      trackingUrl: 'https://tracking.example/A1001',
    });
  });

  it('reports order A1002 as processing, however the customer cased the number', async () => {
    const res = await fetch(`${base}/api/demo/orders/a1002`);
    expect(res.status).toBe(200);
    expect(await res.json()).toEqual({
      orderNumber: 'A1002',
      status: 'processing',
      estimatedDelivery: 'next week',
    });
  });

  it('answers an unknown order with a machine-readable 404', async () => {
    const res = await fetch(`${base}/api/demo/orders/Z9999`);
    expect(res.status).toBe(404);
    expect(await res.json()).toEqual({
      error: { code: 'NOT_FOUND', message: 'No such order.' },
    });
  });

  it('answers a request it has no route for with a code and a message', async () => {
    const missingNumber = await fetch(`${base}/api/demo/orders/`);
    expect(missingNumber.status).toBe(404);
    expect(await missingNumber.json()).toEqual({
      error: { code: 'NOT_FOUND', message: 'No demo route for GET /api/demo/orders/.' },
    });

    const wrongMethod = await fetch(`${base}/api/demo/orders/A1001`, { method: 'DELETE' });
    expect(wrongMethod.status).toBe(404);
    expect(await wrongMethod.json()).toEqual({
      error: { code: 'NOT_FOUND', message: 'No demo route for DELETE /api/demo/orders/A1001.' },
    });
  });

  it('answers a password reset the same whether or not the email has an account', async () => {
    // Any difference in status, headers that vary with the body, or body would let a caller
    // probe which addresses are customers.
    const known = await resetPassword(JSON.stringify({ email: 'admin@acme.test' }));
    const unknown = await resetPassword(JSON.stringify({ email: 'nobody@nowhere.test' }));
    expect(known.status).toBe(202);
    expect(unknown.status).toBe(known.status);
    expect(unknown.headers.get('content-length')).toBe(known.headers.get('content-length'));
    const knownBody = await known.text();
    expect(await unknown.text()).toBe(knownBody);
    expect(JSON.parse(knownBody)).toEqual({ accepted: true });
  });

  it('refuses an order number that is not valid percent-encoding, and keeps serving', async () => {
    const res = await fetch(`${base}/api/demo/orders/%E0%A4%A`);
    expect(res.status).toBe(400);
    expect(await res.json()).toMatchObject({ error: { code: 'INVALID_ORDER_NUMBER' } });
    expect((await fetch(`${base}/api/demo/orders/A1001`)).status).toBe(200);
  });

  it('refuses a password reset without a valid email or customer id', async () => {
    const broken = await resetPassword('{"email":');
    expect(broken.status).toBe(400);
    expect(await broken.json()).toMatchObject({ error: { code: 'INVALID_JSON' } });
    const notAnEmail = await resetPassword(JSON.stringify({ email: 'ada at example' }));
    expect(notAnEmail.status).toBe(400);
    expect(await notAnEmail.json()).toMatchObject({ error: { code: 'INVALID_REQUEST' } });
    const verified = await resetPassword(JSON.stringify({ customerId: 'cust_42' }));
    expect(verified.status).toBe(202);
  });

  it('only accepts password resets by POST', async () => {
    const res = await fetch(`${base}/api/demo/password-reset`);
    expect(res.status).toBe(404);
    expect(await res.json()).toMatchObject({ error: { code: 'NOT_FOUND' } });
  });
});
