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
});
