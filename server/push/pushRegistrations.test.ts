import { eq } from 'drizzle-orm';
import { describe, expect, it } from 'vitest';
import { pushRegistrations } from '../db/schema';
import { apiClient } from '../testing/apiClient';
import { useTestApi } from '../testing/apiServer';

describe('push registrations', () => {
  const startApi = useTestApi();

  it('stores a device once for the conversation, and removes it on request', async () => {
    const { base, db } = await startApi();
    const client = apiClient(base);
    const { body } = await client.start();
    const device = { platform: 'fcm', token: 'fcm-device-token-1' };
    const first = await client.call('POST', '/api/v1/push-registrations', device, body.accessToken);
    const again = await client.call('POST', '/api/v1/push-registrations', device, body.accessToken);
    expect(first.status).toBe(201);
    expect(again.body.id).toBe(first.body.id);
    const stored = db
      .select()
      .from(pushRegistrations)
      .where(eq(pushRegistrations.id, first.body.id))
      .get();
    expect(stored).toMatchObject({
      platform: 'fcm',
      token: 'fcm-device-token-1',
      sessionId: body.conversationId,
    });

    const removed = await client.call(
      'DELETE',
      `/api/v1/push-registrations/${first.body.id}`,
      undefined,
      body.accessToken,
    );
    expect(removed.status).toBe(204);
    expect(
      db.select().from(pushRegistrations).where(eq(pushRegistrations.id, first.body.id)).get()
        ?.revokedAt,
    ).toBeInstanceOf(Date);
  });

  it('does not let one customer remove another customer’s device', async () => {
    const { base } = await startApi();
    const client = apiClient(base);
    const owner = (await client.start()).body;
    const stranger = (await client.start()).body;
    const registered = await client.call(
      'POST',
      '/api/v1/push-registrations',
      { platform: 'apns', token: 'apns-1' },
      owner.accessToken,
    );
    const attempt = await client.call(
      'DELETE',
      `/api/v1/push-registrations/${registered.body.id}`,
      undefined,
      stranger.accessToken,
    );
    expect(attempt.status).toBe(404);
    expect(attempt.body.error.code).toBe('PUSH_REGISTRATION_NOT_FOUND');
  });

  it('refuses a Web Push subscription whose endpoint is not https', async () => {
    const { base } = await startApi();
    const client = apiClient(base);
    const { body } = await client.start();
    const res = await client.call(
      'POST',
      '/api/v1/push-registrations',
      {
        platform: 'web_push',
        subscription: { endpoint: 'http://push.example/abc', keys: { p256dh: 'k', auth: 'a' } },
      },
      body.accessToken,
    );
    expect(res.status).toBe(400);
  });
});
