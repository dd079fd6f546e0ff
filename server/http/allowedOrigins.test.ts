import { request } from 'node:http';
import { eq } from 'drizzle-orm';
import { describe, expect, it } from 'vitest';
import { deployments } from '../db/schema';
import { apiClient } from '../testing/apiClient';
import { useTestApi } from '../testing/apiServer';

describe('browser origins on a conversation', () => {
  const startApi = useTestApi();

  it("follow the deployment's allowed origins, also after they change", async () => {
    const { base, db } = await startApi();
    const allow = (origins: string[]) =>
      db
        .update(deployments)
        .set({ allowedOrigins: origins })
        .where(eq(deployments.publicId, 'acme-web'))
        .run();
    allow(['https://shop.example']);
    const client = apiClient(base);
    const shop = { origin: 'https://shop.example' };
    const started = await client.call(
      'POST',
      '/api/v1/deployments/acme-web/conversations',
      {},
      undefined,
      shop,
    );
    expect(started.status).toBe(201);
    const { conversationId, accessToken } = started.body as {
      conversationId: string;
      accessToken: string;
    };
    const send = (clientMessageId: string, headers: Record<string, string>) =>
      client.call(
        'POST',
        `/api/v1/conversations/${conversationId}/messages`,
        { clientMessageId, text: 'hello' },
        accessToken,
        headers,
      );

    const fromShop = await send('m1', shop);
    expect(fromShop.status).toBe(201);
    expect(fromShop.headers.get('access-control-allow-origin')).toBe('https://shop.example');
    const fromElsewhere = await send('m2', { origin: 'https://evil.example' });
    expect(fromElsewhere.status).toBe(403);
    expect(fromElsewhere.body.error.code).toBe('ORIGIN_NOT_ALLOWED');
    expect((await send('m3', {})).status).toBe(201);

    allow([]);
    expect((await send('m4', shop)).status).toBe(403);
    expect((await send('m5', { origin: base })).status).toBe(201);
  });

  it("let Parley's own pages call whatever host name reached Parley, and nobody else", async () => {
    const { base, db } = await startApi();
    db.update(deployments)
      .set({ allowedOrigins: [] })
      .where(eq(deployments.publicId, 'acme-web'))
      .run();
    const { port } = new URL(base);
    // A browser on the demo store opened as http://parley.lan:PORT sends this Host and Origin.
    const start = (origin: string) =>
      new Promise<number>((resolve, reject) => {
        const req = request(`${base}/api/v1/deployments/acme-web/conversations`, {
          method: 'POST',
          headers: { host: `parley.lan:${port}`, origin, 'content-type': 'application/json' },
        });
        req.on('response', (res) => {
          res.resume();
          resolve(res.statusCode ?? 0);
        });
        req.on('error', reject);
        req.end('{}');
      });

    expect(await start(`http://parley.lan:${port}`)).toBe(201);
    expect(await start('http://parley.lan:9')).toBe(403);
    expect(await start('https://evil.example')).toBe(403);
  });
});
