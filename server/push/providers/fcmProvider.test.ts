import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { FcmTestServer } from '../testing/fcmTestServer';
import { testCertificate } from '../testing/testCertificate';
import { createFcmProvider, type FcmProvider, type FcmTarget } from './fcmProvider';
import type { PushMessage } from './types';

let clock: number;
let server: FcmTestServer;
let provider: FcmProvider;
let fcmUrl: string;

const device: FcmTarget = { platform: 'fcm', token: 'fcm-device-token-1' };

function message(): PushMessage {
  return {
    title: 'Acme Support',
    body: 'Your refund is on its way.',
    collapseKey: 'conversation-91',
    data: { conversationId: 'conv_91', seq: 4 },
    expiresAt: new Date(clock + 3600 * 1000),
  };
}

beforeEach(async () => {
  clock = Date.now();
  server = new FcmTestServer({ now: () => clock });
  fcmUrl = await server.start();
  provider = createFcmProvider({
    fcmUrl,
    tokenUrl: server.tokenUrl,
    ca: (await testCertificate()).cert,
    timeoutMs: 5_000,
    now: () => clock,
  });
});

afterEach(async () => {
  provider.close();
  await server.close();
});

describe('FCM provider', () => {
  it('sends the message in the HTTP v1 shape after an OAuth grant', async () => {
    const result = await provider.send(device, server.credentials, message());

    expect(result).toMatchObject({ outcome: 'sent', status: 200 });
    expect(result.answer).toMatch(/^projects\/parley-test\/messages\/.+/);
    expect(server.tokenExchanges).toBe(1);
    expect(server.messages).toEqual([
      {
        token: 'fcm-device-token-1',
        notification: { title: 'Acme Support', body: 'Your refund is on its way.' },
        data: { conversationId: 'conv_91', seq: '4' },
        android: { collapse_key: 'conversation-91', priority: 'HIGH', ttl: '3600s' },
        apns: { headers: { 'apns-collapse-id': 'conversation-91' } },
      },
    ]);
  });

  it('fetches one access token for many concurrent sends', async () => {
    const results = await Promise.all(
      Array.from({ length: 200 }, () => provider.send(device, server.credentials, message())),
    );

    expect(results.every((result) => result.outcome === 'sent')).toBe(true);
    expect(server.messages).toHaveLength(200);
    expect(server.tokenExchanges).toBe(1);
  });

  it('fetches a new token shortly before the old one expires', async () => {
    await provider.send(device, server.credentials, message());
    clock += 50 * 60 * 1000;
    await provider.send(device, server.credentials, message());
    expect(server.tokenExchanges).toBe(1);

    clock += 6 * 60 * 1000;
    const result = await provider.send(device, server.credentials, message());

    expect(result.outcome).toBe('sent');
    expect(server.tokenExchanges).toBe(2);
  });

  it('drops a refused token and asks for a retry, which then gets a fresh token', async () => {
    await provider.send(device, server.credentials, message());
    server.revokeTokens();

    const refused = await provider.send(device, server.credentials, message());
    const retried = await provider.send(device, server.credentials, message());

    expect(refused).toMatchObject({ outcome: 'retry', status: 401 });
    expect(retried.outcome).toBe('sent');
    expect(server.tokenExchanges).toBe(2);
  });

  it.each([
    [404, undefined, 'dead'],
    [404, 'UNREGISTERED', 'dead'],
    [400, 'UNREGISTERED', 'dead'],
    [500, 'INTERNAL', 'retry'],
    [503, 'UNAVAILABLE', 'retry'],
    [429, 'QUOTA_EXCEEDED', 'retry'],
    [400, 'INVALID_ARGUMENT', 'rejected'],
    [403, 'SENDER_ID_MISMATCH', 'rejected'],
  ])('classifies %i %s as %s', async (status, reason, outcome) => {
    server.respondNext(status, reason ? { reason } : {});

    const result = await provider.send(device, server.credentials, message());

    expect(result).toMatchObject({ outcome, status });
    if (reason) expect(result.answer).toContain(reason);
    expect(server.messages).toHaveLength(0);
  });

  it('passes on how long FCM asked to wait', async () => {
    server.respondNext(429, { reason: 'QUOTA_EXCEEDED', retryAfter: 30 });

    const result = await provider.send(device, server.credentials, message());

    expect(result).toMatchObject({ outcome: 'retry', status: 429, retryAfterMs: 30_000 });
  });

  it('is rejected when the service-account key is not the one Google holds', async () => {
    const stranger = new FcmTestServer();
    const result = await provider.send(
      device,
      { ...server.credentials, privateKeyPem: stranger.credentials.privateKeyPem },
      message(),
    );

    expect(result).toMatchObject({ outcome: 'rejected', status: 400 });
    expect(result.answer).toContain('invalid_grant');
    expect(server.tokenExchanges).toBe(0);
  });

  it('retries when the connection drops mid-request', async () => {
    server.dropNext();

    const dropped = await provider.send(device, server.credentials, message());
    const next = await provider.send(device, server.credentials, message());

    expect(dropped).toMatchObject({ outcome: 'retry', status: null });
    expect(next.outcome).toBe('sent');
  });

  it('gives up on a stalled send and retries', async () => {
    const impatient = createFcmProvider({
      fcmUrl,
      tokenUrl: server.tokenUrl,
      ca: (await testCertificate()).cert,
      timeoutMs: 300,
    });
    server.stallNext();

    const stalled = await impatient.send(device, server.credentials, message());
    const next = await impatient.send(device, server.credentials, message());
    impatient.close();

    expect(stalled).toMatchObject({ outcome: 'retry', status: null });
    expect(stalled.answer).toContain('within 300 ms');
    expect(next.outcome).toBe('sent');
  });

  it('retries when the token endpoint cannot be reached', async () => {
    const unreachable = createFcmProvider({
      fcmUrl: 'https://127.0.0.1:1',
      tokenUrl: 'https://127.0.0.1:1/token',
      ca: (await testCertificate()).cert,
    });

    const result = await unreachable.send(device, server.credentials, message());
    unreachable.close();

    expect(result).toMatchObject({ outcome: 'retry', status: null });
    expect(result.answer).toContain('ECONNREFUSED');
  });
});
