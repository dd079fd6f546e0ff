import { createServer, type Server } from 'node:http';
import { afterEach, describe, expect, it } from 'vitest';
import { rawHttpRequest } from '../testing/rawHttpRequest';
import { admitNextRequest, MAX_STAFF_BODY_BYTES } from './nextRequestGuard';

const PUBLIC_URL = 'http://parley.test';

describe('requests for the Next.js side, before Next.js sees them', () => {
  let server: Server | undefined;
  afterEach(() => server?.close());

  /** A stand-in for Next.js that says which cookies reached it. */
  async function start() {
    server = createServer((req, res) => {
      if (!admitNextRequest(req, res, PUBLIC_URL)) return;
      req.resume();
      req.on('end', () => res.end(`handed on with cookie: ${req.headers.cookie ?? ''}`));
    });
    await new Promise<void>((resolve) => server?.listen(0, '127.0.0.1', resolve));
    const address = server.address();
    return `http://127.0.0.1:${typeof address === 'object' && address ? address.port : 0}`;
  }

  const get = (path: string, headers = '') =>
    `GET ${path} HTTP/1.1\r\nhost: parley.test\r\nconnection: close\r\n${headers}\r\n`;

  it('refuses a path whose escapes decode to nothing with a JSON 400', async () => {
    const base = await start();
    for (const path of ['/api/trpc/me.get%E0%A4%A', '/api/auth/%ZZ', '/studio/bots/%']) {
      const res = await rawHttpRequest(base, { head: get(path) });
      expect(res.status, path).toBe(400);
      expect(JSON.parse(res.body).error.code).toBe('INVALID_PATH');
    }
  });

  it('reads an oversized body to its end, so its sender hears the 413', async () => {
    const base = await start();
    const body = Buffer.alloc(MAX_STAFF_BODY_BYTES + 1, 'y');
    const res = await rawHttpRequest(base, {
      head: `POST /api/trpc/bots.import HTTP/1.1\r\nhost: parley.test\r\nconnection: close\r\ncontent-type: application/json\r\ncontent-length: ${body.length}\r\n\r\n`,
      body,
      pieces: 4,
      pauseMs: 20,
    });
    expect(res.status).toBe(413);
    expect(JSON.parse(res.body).error.code).toBe('PAYLOAD_TOO_LARGE');
  });

  it('drops a callback-url cookie next-auth would fail on and keeps the rest', async () => {
    const base = await start();
    const cookies = async (header: string) =>
      (await rawHttpRequest(base, { head: get('/api/auth/session', `cookie: ${header}\r\n`) }))
        .body;
    expect(
      await cookies('next-auth.session-token=abc; next-auth.callback-url=junk; theme=dark'),
    ).toBe('handed on with cookie: next-auth.session-token=abc; theme=dark');
    expect(await cookies('next-auth.callback-url=%ZZ')).toBe('handed on with cookie: ');
    const kept = 'next-auth.callback-url=http%3A%2F%2Fparley.test%2Fstudio; a=b';
    expect(await cookies(kept)).toBe(`handed on with cookie: ${kept}`);
    expect(await cookies('__Secure-next-auth.callback-url=javascript%3Aalert(1)')).toBe(
      'handed on with cookie: ',
    );
  });
});
