import { and, eq, isNull } from 'drizzle-orm';
import { SignJWT } from 'jose';
import { describe, expect, it } from 'vitest';
import { deployments, pushRegistrations } from '../db/schema';
import { deriveSecretsKey } from '../deployments/secretCipher';
import { apiClient } from '../testing/apiClient';
import { useTestApi } from '../testing/apiServer';
import { ensurePushSettings, loadPushCredentials } from './pushSettings';

const IDENTITY_SECRET = 'identity-secret-of-the-app-backend-0123456789';
const REGISTER = '/api/v1/push-registrations';
const REVOKE = '/api/v1/push-registrations/revoke';

const identityToken = (sub: string) =>
  new SignJWT({ sub })
    .setProtectedHeader({ alg: 'HS256' })
    .setExpirationTime('5m')
    .sign(new TextEncoder().encode(IDENTITY_SECRET));

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
      { platform: 'apns', token: 'apns-1', bundleId: 'com.acme.app', environment: 'production' },
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

  it('keeps an APNs device’s bundle id, environment and time zone, and requires the first two', async () => {
    const { base, db } = await startApi();
    const client = apiClient(base);
    const { body } = await client.start();
    const device = {
      platform: 'apns',
      token: 'apns-device-1',
      bundleId: 'com.acme.app',
      environment: 'sandbox',
      timeZone: 'Europe/Paris',
    };
    const registered = await client.call('POST', REGISTER, device, body.accessToken);
    expect(registered.status).toBe(201);
    expect(
      db.select().from(pushRegistrations).where(eq(pushRegistrations.id, registered.body.id)).get(),
    ).toMatchObject({ bundleId: 'com.acme.app', environment: 'sandbox', timeZone: 'Europe/Paris' });

    const { environment: _, ...noEnvironment } = device;
    const refused = await client.call('POST', REGISTER, noEnvironment, body.accessToken);
    expect(refused.status).toBe(400);
    const badZone = await client.call(
      'POST',
      REGISTER,
      { platform: 'fcm', token: 'fcm-1', timeZone: 'Mars/Olympus_Mons' },
      body.accessToken,
    );
    expect(badZone.status).toBe(400);
    expect(badZone.body.error.message).toContain('IANA time zone');
  });

  it('registers a token the provider declared dead again as a fresh, active registration', async () => {
    const { base, db } = await startApi();
    const client = apiClient(base);
    const { body } = await client.start();
    const device = { platform: 'fcm', token: 'fcm-reinstalled' };
    const first = await client.call('POST', REGISTER, device, body.accessToken);
    db.update(pushRegistrations)
      .set({ deactivatedAt: new Date(), deactivatedReason: 'UNREGISTERED' })
      .where(eq(pushRegistrations.id, first.body.id))
      .run();
    const again = await client.call('POST', REGISTER, device, body.accessToken);
    expect(again.status).toBe(201);
    expect(again.body.id).not.toBe(first.body.id);
    const active = db
      .select()
      .from(pushRegistrations)
      .where(
        and(
          eq(pushRegistrations.token, 'fcm-reinstalled'),
          isNull(pushRegistrations.deactivatedAt),
        ),
      )
      .all();
    expect(active.map((row) => row.id)).toEqual([again.body.id]);
  });

  it('stops an anonymous customer’s device on logout, not the same token in another conversation', async () => {
    const { base, db } = await startApi();
    const client = apiClient(base);
    const mine = (await client.start()).body;
    const theirs = (await client.start()).body;
    const device = { platform: 'fcm', token: 'shared-tablet' };
    const registered = await client.call('POST', REGISTER, device, mine.accessToken);
    const other = await client.call('POST', REGISTER, device, theirs.accessToken);

    const revoked = await client.call('POST', REVOKE, { token: 'shared-tablet' }, mine.accessToken);
    expect(revoked).toMatchObject({ status: 200, body: { revoked: 1 } });
    const row = (id: string) =>
      db.select().from(pushRegistrations).where(eq(pushRegistrations.id, id)).get();
    expect(row(registered.body.id)?.revokedAt).toBeInstanceOf(Date);
    expect(row(other.body.id)?.revokedAt).toBeNull();
    const repeated = await client.call(
      'POST',
      REVOKE,
      { token: 'shared-tablet' },
      mine.accessToken,
    );
    expect(repeated.body).toEqual({ revoked: 0 });
    const unsigned = await client.call('POST', REVOKE, { token: 'shared-tablet' });
    expect(unsigned.status).toBe(401);
  });

  it('stops a verified customer’s device from any of their conversations, by Web Push endpoint too', async () => {
    const { base, db } = await startApi();
    db.update(deployments)
      .set({
        identityMode: 'optional',
        identityAlgorithm: 'HS256',
        identitySecret: IDENTITY_SECRET,
      })
      .where(eq(deployments.publicId, 'acme-app'))
      .run();
    const client = apiClient(base);
    const first = (await client.start('acme-app', { identityToken: await identityToken('u-7') }))
      .body;
    const endpoint = 'https://push.example.com/send/abc';
    const subscription = { endpoint, keys: { p256dh: 'key', auth: 'secret' } };
    const registered = await client.call(
      'POST',
      REGISTER,
      { platform: 'web_push', subscription, timeZone: 'America/New_York' },
      first.accessToken,
    );
    await client.call(
      'POST',
      `/api/v1/conversations/${first.conversationId}/end`,
      undefined,
      first.accessToken,
    );
    const later = (await client.start('acme-app', { identityToken: await identityToken('u-7') }))
      .body;
    expect(later.conversationId).not.toBe(first.conversationId);

    const revoked = await client.call('POST', REVOKE, { token: endpoint }, later.accessToken);
    expect(revoked.body).toEqual({ revoked: 1 });
    expect(
      db.select().from(pushRegistrations).where(eq(pushRegistrations.id, registered.body.id)).get()
        ?.revokedAt,
    ).toBeInstanceOf(Date);
  });

  it('tells the widget whether the deployment sends Web Push, with the public key only', async () => {
    const { base, db } = await startApi();
    const key = deriveSecretsKey('a-test-secret-of-at-least-thirty-two-characters');
    ensurePushSettings(db, key);
    const res = await fetch(`${base}/api/v1/deployments/acme-web/prechat`);
    const form = await res.json();
    const web = db.select().from(deployments).where(eq(deployments.publicId, 'acme-web')).get();
    const credentials = loadPushCredentials(db, key, web?.id ?? '', base);
    expect(form.webPush).toEqual({ enabled: true, vapidPublicKey: credentials.vapid.publicKey });
    expect(JSON.stringify(form)).not.toContain(credentials.vapid.privateKey);
  });
});
