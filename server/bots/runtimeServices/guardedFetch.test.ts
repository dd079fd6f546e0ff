import type { LookupAddress } from 'node:dns';
import http from 'node:http';
import type { AddressInfo } from 'node:net';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createGuardedFetch } from './guardedFetch';

interface ReceivedRequest {
  method: string | undefined;
  url: string | undefined;
  headers: http.IncomingHttpHeaders;
  body: string;
}

const received: ReceivedRequest[] = [];
let server: http.Server;
let port: number;

beforeAll(async () => {
  server = http.createServer((request, response) => {
    let body = '';
    request.on('data', (chunk) => {
      body += chunk;
    });
    request.on('end', () => {
      received.push({ method: request.method, url: request.url, headers: request.headers, body });
      if (request.url === '/orders/A1001') {
        response.writeHead(200, { 'content-type': 'application/json' });
        response.end(JSON.stringify({ status: 'shipped' }));
      } else if (request.url === '/redirect-to-metadata') {
        response.writeHead(302, { location: 'http://169.254.169.254/latest/meta-data/' });
        response.end();
      } else if (request.url === '/huge') {
        response.writeHead(200);
        response.end('x'.repeat(64 * 1024));
      } else if (request.url === '/slow') {
        setTimeout(() => response.end('late'), 2_000);
      } else {
        response.writeHead(201, { 'content-type': 'application/json' });
        response.end(JSON.stringify({ echoed: body }));
      }
    });
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  port = (server.address() as AddressInfo).port;
});

afterAll(async () => {
  server.closeAllConnections();
  await new Promise((resolve) => server.close(resolve));
});

/** The local test server's origin, which the mechanics tests trust as an operator would. */
const base = () => `http://127.0.0.1:${port}`;

const resolvesTo =
  (...addresses: string[]) =>
  async (): Promise<LookupAddress[]> =>
    addresses.map((address) => ({ address, family: address.includes(':') ? 6 : 4 }));

async function failureOf(promise: Promise<unknown>) {
  return promise.then(
    () => {
      throw new Error('expected the request to be refused');
    },
    (error: unknown) =>
      error as { code: string; message: string; details: Record<string, unknown> },
  );
}

describe('guarded fetch', () => {
  it.each([
    ['loopback', 'http://127.0.0.1:9/'],
    ['private', 'http://10.0.0.5/orders'],
    ['cloud metadata', 'http://169.254.169.254/latest/meta-data/'],
    ['IPv6 loopback', 'http://[::1]:9/'],
    ['IPv4-mapped loopback', 'http://[::ffff:127.0.0.1]:9/'],
    ['shorthand loopback', 'http://2130706433/'],
    ['unspecified', 'http://0.0.0.0:9/'],
  ])('refuses a URL naming a %s address without connecting', async (_kind, url) => {
    const before = received.length;
    const error = await failureOf(createGuardedFetch()({ method: 'GET', url }));
    expect(error.code).toBe('OUTBOUND_ADDRESS_BLOCKED');
    expect(received.length).toBe(before);
  });

  it('refuses a host name that resolves to loopback (localhost)', async () => {
    const error = await failureOf(
      createGuardedFetch()({ method: 'GET', url: `http://localhost:${port}/orders/A1001` }),
    );
    expect(error.code).toBe('OUTBOUND_ADDRESS_BLOCKED');
    expect(error.message).toMatch(/loopback/);
  });

  it('refuses a host name that resolves to a private address', async () => {
    const guardedFetch = createGuardedFetch({ resolveHost: resolvesTo('10.1.2.3') });
    const error = await failureOf(
      guardedFetch({ method: 'GET', url: 'http://orders.example.test/orders/A1001' }),
    );
    expect(error).toMatchObject({
      code: 'OUTBOUND_ADDRESS_BLOCKED',
      details: { hostname: 'orders.example.test', address: '10.1.2.3', range: 'private' },
    });
  });

  it('refuses a host name when any one of its addresses is private', async () => {
    const guardedFetch = createGuardedFetch({
      resolveHost: resolvesTo('2606:4700::1111', '169.254.169.254'),
    });
    const error = await failureOf(
      guardedFetch({ method: 'GET', url: 'http://mixed.example.test/' }),
    );
    expect(error.code).toBe('OUTBOUND_ADDRESS_BLOCKED');
  });

  it('connects a trusted origin to the very address its lookup returned', async () => {
    const guardedFetch = createGuardedFetch({
      trustedOrigins: [`http://orders.internal:${port}`],
      resolveHost: resolvesTo('127.0.0.1'),
    });
    const response = await guardedFetch({
      method: 'GET',
      url: `http://orders.internal:${port}/orders/A1001`,
    });
    expect(response.status).toBe(200);
    expect(JSON.parse(response.body)).toEqual({ status: 'shipped' });
    expect(received.at(-1)?.headers.host).toBe(`orders.internal:${port}`);
  });

  it('never lends a kept-alive connection to a request that would not admit its address', async () => {
    const url = `http://orders.internal:${port}/orders/A1001`;
    const trusted = createGuardedFetch({
      trustedOrigins: [`http://orders.internal:${port}`],
      resolveHost: resolvesTo('127.0.0.1'),
    });
    expect((await trusted({ method: 'GET', url })).status).toBe(200);
    for (const options of [{}, { allowHosts: ['orders.internal'] }]) {
      const other = createGuardedFetch({ ...options, resolveHost: resolvesTo('127.0.0.1') });
      expect((await failureOf(other({ method: 'GET', url }))).code).toBe(
        'OUTBOUND_ADDRESS_BLOCKED',
      );
    }
  });

  it('lets a deployment allow-list private networks, never this machine, link-local or metadata', async () => {
    for (const address of ['127.0.0.1', '::1', '169.254.169.254', 'fe80::1', '0.0.0.0']) {
      const guardedFetch = createGuardedFetch({
        allowHosts: ['orders.internal'],
        resolveHost: resolvesTo(address),
      });
      const error = await failureOf(
        guardedFetch({ method: 'GET', url: 'http://orders.internal/orders/A1001' }),
      );
      expect(error.code).toBe('OUTBOUND_ADDRESS_BLOCKED');
      expect(error.message).toContain(
        address === '169.254.169.254'
          ? 'Bot actions never reach such addresses.'
          : "A deployment's allow-list cannot open such addresses",
      );
    }
    const literal = await failureOf(
      createGuardedFetch({ allowHosts: ['127.0.0.1'] })({ method: 'GET', url: `${base()}/` }),
    );
    expect(literal.code).toBe('OUTBOUND_ADDRESS_BLOCKED');

    // A private address is let through: the request goes out, whatever answers it.
    const intranet = createGuardedFetch({
      allowHosts: ['orders.internal'],
      resolveHost: resolvesTo('10.255.255.1'),
    });
    const outcome = await intranet({
      method: 'GET',
      url: 'http://orders.internal/orders/A1001',
      timeoutMs: 200,
    }).then(
      () => 'answered',
      (error: { code?: string }) => error.code,
    );
    expect(outcome).not.toBe('OUTBOUND_ADDRESS_BLOCKED');
  });

  it('trusts only the exact origin, and never cloud metadata', async () => {
    const guardedFetch = createGuardedFetch({ trustedOrigins: [base()] });
    const otherPort = await failureOf(
      guardedFetch({ method: 'GET', url: `http://127.0.0.1:${port + 1}/` }),
    );
    expect(otherPort.code).toBe('OUTBOUND_ADDRESS_BLOCKED');
    const metadata = createGuardedFetch({
      trustedOrigins: ['http://metadata.internal'],
      resolveHost: resolvesTo('169.254.169.254'),
    });
    const error = await failureOf(metadata({ method: 'GET', url: 'http://metadata.internal/' }));
    expect(error.code).toBe('OUTBOUND_ADDRESS_BLOCKED');
  });

  it('sends the method, headers and body of a request', async () => {
    const guardedFetch = createGuardedFetch({ trustedOrigins: [base()] });
    const response = await guardedFetch({
      method: 'POST',
      url: `http://127.0.0.1:${port}/reset`,
      headers: {
        'content-type': 'application/json',
        authorization: 'Bearer token-1',
        host: 'evil',
      },
      body: JSON.stringify({ email: 'ada@example.com' }),
    });
    expect(response.status).toBe(201);
    expect(response.headers['content-type']).toBe('application/json');
    const request = received.at(-1);
    expect(request).toMatchObject({ method: 'POST', body: '{"email":"ada@example.com"}' });
    expect(request?.headers.authorization).toBe('Bearer token-1');
    expect(request?.headers.host).toBe(`127.0.0.1:${port}`);
  });

  it('does not follow a redirect, so it cannot be bounced to a private address', async () => {
    const guardedFetch = createGuardedFetch({ trustedOrigins: [base()] });
    const response = await guardedFetch({
      method: 'GET',
      url: `http://127.0.0.1:${port}/redirect-to-metadata`,
    });
    expect(response.status).toBe(302);
    expect(response.headers.location).toBe('http://169.254.169.254/latest/meta-data/');
  });

  it('gives up when the answer takes longer than the time limit', async () => {
    const guardedFetch = createGuardedFetch({ trustedOrigins: [base()] });
    const error = await failureOf(
      guardedFetch({ method: 'GET', url: `http://127.0.0.1:${port}/slow`, timeoutMs: 150 }),
    );
    expect(error.code).toBe('OUTBOUND_TIMEOUT');
  });

  it('stops reading an answer larger than the cap', async () => {
    const guardedFetch = createGuardedFetch({ trustedOrigins: [base()], maxResponseBytes: 1024 });
    const error = await failureOf(
      guardedFetch({ method: 'GET', url: `http://127.0.0.1:${port}/huge` }),
    );
    expect(error.code).toBe('OUTBOUND_RESPONSE_TOO_LARGE');
  });

  it('stops when the action is cancelled', async () => {
    const guardedFetch = createGuardedFetch({ trustedOrigins: [base()] });
    const controller = new AbortController();
    const pending = guardedFetch(
      { method: 'GET', url: `http://127.0.0.1:${port}/slow` },
      controller.signal,
    );
    controller.abort();
    expect((await failureOf(pending)).code).toBe('OUTBOUND_ABORTED');
  });

  it('reports a host that cannot be resolved', async () => {
    const guardedFetch = createGuardedFetch({
      resolveHost: async () => {
        throw Object.assign(new Error('not found'), { code: 'ENOTFOUND' });
      },
    });
    const error = await failureOf(
      guardedFetch({ method: 'GET', url: 'http://nowhere.example.test/' }),
    );
    expect(error.code).toBe('OUTBOUND_DNS_FAILED');
  });

  it('reports a refused connection', async () => {
    const closed = http.createServer();
    await new Promise<void>((resolve) => closed.listen(0, '127.0.0.1', resolve));
    const closedPort = (closed.address() as AddressInfo).port;
    await new Promise((resolve) => closed.close(resolve));
    const guardedFetch = createGuardedFetch({ trustedOrigins: [`http://127.0.0.1:${closedPort}`] });
    const error = await failureOf(
      guardedFetch({ method: 'GET', url: `http://127.0.0.1:${closedPort}/` }),
    );
    expect(error.code).toBe('OUTBOUND_CONNECTION_FAILED');
  });

  it.each([
    ['not a URL', 'orders'],
    ['another protocol', 'file:///etc/passwd'],
    ['credentials in the URL', 'http://user:pass@example.test/'],
  ])('refuses %s', async (_kind, url) => {
    const error = await failureOf(createGuardedFetch()({ method: 'GET', url }));
    expect(error.code).toBe('OUTBOUND_INVALID_URL');
  });
});
