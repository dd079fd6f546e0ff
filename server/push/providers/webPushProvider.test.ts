import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import webpush from 'web-push';
import { testCertificate } from '../testing/testCertificate';
import { WebPushTestServer } from '../testing/webPushTestServer';
import type { PushMessage, VapidCredentials } from './types';
import { createWebPushProvider, type WebPushProvider } from './webPushProvider';

const vapid: VapidCredentials = {
  subject: 'mailto:support@acme.test',
  ...webpush.generateVAPIDKeys(),
};

let server: WebPushTestServer;
let origin: string;
let provider: WebPushProvider;

function message(collapseKey = 'conversation-5'): PushMessage {
  return {
    title: 'Acme Support',
    body: 'An agent replied: "Which size do you need?"',
    collapseKey,
    data: { conversationId: 'conv_5', seq: 31 },
    expiresAt: new Date(Date.now() + 3600 * 1000),
  };
}

beforeEach(async () => {
  server = new WebPushTestServer();
  origin = await server.start();
  provider = createWebPushProvider({
    trustedOrigins: [origin],
    ca: (await testCertificate()).cert,
    timeoutMs: 5_000,
  });
});

afterEach(async () => {
  await server.close();
});

describe('Web Push provider', () => {
  it('delivers a payload the subscription decrypts, signed with the VAPID key', async () => {
    const subscription = server.createSubscription();

    const result = await provider.send(subscription, vapid, message());

    expect(result).toMatchObject({ outcome: 'sent', status: 201 });
    expect(result.answer).toMatch(new RegExp(`^${origin}/message/`));
    expect(server.deliveries).toHaveLength(1);
    const [delivery] = server.deliveries;
    expect(JSON.parse(delivery?.payload ?? '')).toEqual({
      title: 'Acme Support',
      body: 'An agent replied: "Which size do you need?"',
      conversationId: 'conv_5',
      seq: 31,
    });
    expect(delivery).toMatchObject({
      endpoint: subscription.endpoint,
      vapidPublicKey: vapid.publicKey,
      subject: 'mailto:support@acme.test',
      topic: 'conversation-5',
      urgency: 'high',
    });
    expect(delivery?.ttl).toBeGreaterThan(3500);
    expect(delivery?.ttl).toBeLessThanOrEqual(3600);
  });

  it('reuses one VAPID token per push service for an hour, then signs a new one', async () => {
    let clock = Date.now();
    const clocked = createWebPushProvider({
      trustedOrigins: [origin],
      ca: (await testCertificate()).cert,
      now: () => clock,
    });
    const sends = Array.from({ length: 20 }, () =>
      clocked.send(server.createSubscription(), vapid, message()),
    );
    expect((await Promise.all(sends)).every((result) => result.outcome === 'sent')).toBe(true);
    expect(server.vapidTokensSeen.size).toBe(1);

    clock += 61 * 60 * 1000;
    const later = await clocked.send(server.createSubscription(), vapid, message());

    expect(later.outcome).toBe('sent');
    expect(server.vapidTokensSeen.size).toBe(2);
  });

  it('turns a collapse key the Topic header cannot carry into one it can', async () => {
    const result = await provider.send(
      server.createSubscription(),
      vapid,
      message('conversation:0b7f2c1e-2a6b-4f55-9a1d-5f0b3c2d1e00'),
    );

    expect(result.outcome).toBe('sent');
    expect(server.deliveries[0]?.topic).toMatch(/^[A-Za-z0-9_-]{32}$/);
  });

  it('refuses an endpoint on a private address unless its origin is trusted', async () => {
    const untrusting = createWebPushProvider({
      trustedOrigins: [],
      ca: (await testCertificate()).cert,
    });
    const subscription = server.createSubscription();

    const byAddress = await untrusting.send(subscription, vapid, message());
    const byName = await untrusting.send(
      { ...subscription, endpoint: subscription.endpoint.replace('127.0.0.1', 'localhost') },
      vapid,
      message(),
    );

    expect(byAddress).toMatchObject({ outcome: 'rejected', status: null });
    expect(byAddress.answer).toContain('loopback');
    expect(byName).toMatchObject({ outcome: 'rejected', status: null });
    expect(byName.answer).toContain('loopback');
    expect(server.deliveries).toHaveLength(0);
  });

  it('reports an unsubscribed browser (410) and an unknown endpoint (404) as dead', async () => {
    const subscription = server.createSubscription();
    server.unsubscribe(subscription.endpoint);

    const gone = await provider.send(subscription, vapid, message());
    const unknown = await provider.send(
      { ...subscription, endpoint: `${origin}/push/00000000-0000-0000-0000-000000000000` },
      vapid,
      message(),
    );

    expect(gone).toMatchObject({ outcome: 'dead', status: 410 });
    expect(unknown).toMatchObject({ outcome: 'dead', status: 404 });
  });

  it.each([
    [500, 'retry'],
    [503, 'retry'],
    [429, 'retry'],
    [413, 'rejected'],
    [400, 'rejected'],
  ])('classifies %i as %s', async (status, outcome) => {
    server.respondNext(status, { reason: 'Scripted failure' });

    const result = await provider.send(server.createSubscription(), vapid, message());

    expect(result).toEqual({ outcome, status, answer: 'Scripted failure' });
  });

  it('passes on how long the push service asked to wait', async () => {
    server.respondNext(429, { reason: 'Slow down', retryAfter: 5 });

    const result = await provider.send(server.createSubscription(), vapid, message());

    expect(result).toEqual({
      outcome: 'retry',
      status: 429,
      answer: 'Slow down',
      retryAfterMs: 5_000,
    });
  });

  it('retries when the connection drops mid-request', async () => {
    server.dropNext();

    const result = await provider.send(server.createSubscription(), vapid, message());

    expect(result).toMatchObject({ outcome: 'retry', status: null });
  });

  it('gives up on a stalled push service and retries', async () => {
    const impatient = createWebPushProvider({
      trustedOrigins: [origin],
      ca: (await testCertificate()).cert,
      timeoutMs: 300,
    });
    server.stallNext();

    const result = await impatient.send(server.createSubscription(), vapid, message());

    expect(result).toMatchObject({ outcome: 'retry', status: null });
    expect(result.answer).toContain('300 ms');
  });

  it('rejects a subscription whose keys cannot encrypt', async () => {
    const subscription = server.createSubscription();

    const result = await provider.send(
      { ...subscription, keys: { ...subscription.keys, p256dh: 'AAAA' } },
      vapid,
      message(),
    );

    expect(result).toMatchObject({ outcome: 'rejected', status: null });
    expect(server.deliveries).toHaveLength(0);
  });
});
