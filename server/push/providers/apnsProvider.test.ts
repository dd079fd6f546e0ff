import { randomBytes } from 'node:crypto';
import net, { type AddressInfo } from 'node:net';
import { decodeJwt, decodeProtectedHeader } from 'jose';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { ApnsTestServer } from '../testing/apnsTestServer';
import { testCertificate } from '../testing/testCertificate';
import { type ApnsProvider, type ApnsTarget, createApnsProvider } from './apnsProvider';
import type { PushMessage } from './types';

const message: PushMessage = {
  title: 'Acme Support',
  body: 'Your order ships tomorrow.',
  collapseKey: 'conversation-7f3a',
  data: { conversationId: 'conv_7f3a', seq: 12 },
  expiresAt: new Date('2030-01-01T00:00:00Z'),
};

let production: ApnsTestServer;
let sandbox: ApnsTestServer;
let provider: ApnsProvider;
let clock: number;
let productionUrl: string;

function deviceToken() {
  return randomBytes(32).toString('hex');
}

function target(environment: 'production' | 'sandbox' = 'production'): ApnsTarget {
  return { platform: 'apns', token: deviceToken(), bundleId: production.bundleId, environment };
}

beforeEach(async () => {
  clock = Date.now();
  production = new ApnsTestServer({ now: () => clock });
  sandbox = new ApnsTestServer({ now: () => clock, credentials: production.credentials });
  const [started, sandboxUrl] = await Promise.all([production.start(), sandbox.start()]);
  productionUrl = started;
  provider = createApnsProvider({
    productionUrl,
    sandboxUrl,
    ca: (await testCertificate()).cert,
    timeoutMs: 5_000,
    now: () => clock,
  });
});

afterEach(async () => {
  await provider.close();
  await Promise.all([production.close(), sandbox.close()]);
});

describe('APNs provider', () => {
  it('delivers the notification with the headers and payload Apple expects', async () => {
    const device = target();
    const result = await provider.send(device, production.credentials, message);

    expect(result).toMatchObject({ outcome: 'sent', status: 200 });
    expect(result.answer).toMatch(/^[0-9A-F-]{36}$/);
    const [received] = production.notifications;
    expect(received?.token).toBe(device.token);
    expect(received?.headers).toMatchObject({
      'apns-topic': production.bundleId,
      'apns-push-type': 'alert',
      'apns-priority': '10',
      'apns-collapse-id': 'conversation-7f3a',
      'apns-expiration': String(Date.parse('2030-01-01T00:00:00Z') / 1000),
    });
    expect(received?.payload).toEqual({
      aps: {
        alert: { title: 'Acme Support', body: 'Your order ships tomorrow.' },
        sound: 'default',
        'thread-id': 'conversation-7f3a',
      },
      conversationId: 'conv_7f3a',
      seq: 12,
    });
    const jwt = String(received?.headers.authorization).replace(/^bearer /, '');
    expect(decodeProtectedHeader(jwt)).toMatchObject({ alg: 'ES256', kid: 'KEY1234567' });
    expect(decodeJwt(jwt)).toMatchObject({ iss: 'TEAM123456' });
  });

  it('sends to the sandbox when the app was built for development', async () => {
    await provider.send(target('sandbox'), production.credentials, message);

    expect(sandbox.notifications).toHaveLength(1);
    expect(production.notifications).toHaveLength(0);
  });

  it('carries many concurrent sends over one HTTP/2 connection with one provider token', async () => {
    const results = await Promise.all(
      Array.from({ length: 300 }, () => provider.send(target(), production.credentials, message)),
    );

    expect(results.every((result) => result.outcome === 'sent')).toBe(true);
    expect(production.notifications).toHaveLength(300);
    expect(production.sessionsOpened).toBe(1);
    expect(production.peakConcurrentStreams).toBeGreaterThan(1);
    expect(production.tokensSeen.size).toBe(1);
  });

  it('keeps the provider token for 50 minutes, then signs a new one', async () => {
    await provider.send(target(), production.credentials, message);
    clock += 49 * 60 * 1000;
    await provider.send(target(), production.credentials, message);
    expect(production.tokensSeen.size).toBe(1);

    clock += 2 * 60 * 1000;
    const result = await provider.send(target(), production.credentials, message);

    expect(result.outcome).toBe('sent');
    expect(production.tokensSeen.size).toBe(2);
  });

  it('renews the token once Apple calls it expired, and asks for the send to be retried', async () => {
    production.respondNext(403, { reason: 'ExpiredProviderToken' });
    const first = await provider.send(target(), production.credentials, message);
    const second = await provider.send(target(), production.credentials, message);

    expect(first).toMatchObject({ outcome: 'retry', status: 403, answer: 'ExpiredProviderToken' });
    expect(second.outcome).toBe('sent');
    expect(production.tokensSeen.size).toBe(2);
  });

  it.each([
    [500, 'InternalServerError', 'retry'],
    [503, 'ServiceUnavailable', 'retry'],
    [429, 'TooManyRequests', 'retry'],
    [410, 'Unregistered', 'dead'],
    [400, 'BadDeviceToken', 'dead'],
    [400, 'DeviceTokenNotForTopic', 'dead'],
    [400, 'BadMessageId', 'rejected'],
    [403, 'InvalidProviderToken', 'rejected'],
  ])('classifies %i %s as %s', async (status, reason, outcome) => {
    production.respondNext(status, { reason });

    const result = await provider.send(target(), production.credentials, message);

    expect(result).toEqual({ outcome, status, answer: reason });
    expect(production.notifications).toHaveLength(0);
  });

  it('passes on how long Apple asked to wait', async () => {
    production.respondNext(429, { reason: 'TooManyRequests', retryAfter: 2 });

    const result = await provider.send(target(), production.credentials, message);

    expect(result).toEqual({
      outcome: 'retry',
      status: 429,
      answer: 'TooManyRequests',
      retryAfterMs: 2_000,
    });
  });

  it('is refused by Apple when signing with a key Apple does not know', async () => {
    const stranger = new ApnsTestServer();
    const result = await provider.send(
      target(),
      { ...production.credentials, privateKeyPem: stranger.credentials.privateKeyPem },
      message,
    );

    expect(result).toEqual({ outcome: 'rejected', status: 403, answer: 'InvalidProviderToken' });
  });

  it('retries when the connection drops mid-request, then reconnects', async () => {
    production.dropNext();
    const dropped = await provider.send(target(), production.credentials, message);
    const next = await provider.send(target(), production.credentials, message);

    expect(dropped).toMatchObject({ outcome: 'retry', status: null });
    expect(next.outcome).toBe('sent');
    expect(production.sessionsOpened).toBe(2);
  });

  it('finishes a send over a connection told to go away, then opens a new one', async () => {
    production.goAwayOnNext();
    const last = await provider.send(target(), production.credentials, message);
    const next = await provider.send(target(), production.credentials, message);

    expect(last.outcome).toBe('sent');
    expect(next.outcome).toBe('sent');
    expect(production.notifications).toHaveLength(2);
    expect(production.sessionsOpened).toBe(2);
  });

  it('gives up on a stalled notification and retries, keeping the connection for the next', async () => {
    const impatient = createApnsProvider({
      productionUrl,
      sandboxUrl: productionUrl,
      ca: (await testCertificate()).cert,
      timeoutMs: 300,
    });
    production.stallNext();

    const stalled = await impatient.send(target(), production.credentials, message);
    const next = await impatient.send(target(), production.credentials, message);
    await impatient.close();

    expect(stalled).toMatchObject({ outcome: 'retry', status: null });
    expect(stalled.answer).toContain('within 300 ms');
    expect(next.outcome).toBe('sent');
    expect(production.sessionsOpened).toBe(1);
  });

  it('gives up on a connection whose TLS handshake never ends', async () => {
    const silent = net.createServer(() => {});
    await new Promise<void>((resolve) => silent.listen(0, '127.0.0.1', resolve));
    const url = `https://127.0.0.1:${(silent.address() as AddressInfo).port}`;
    const impatient = createApnsProvider({
      productionUrl: url,
      sandboxUrl: url,
      ca: (await testCertificate()).cert,
      timeoutMs: 300,
    });

    const result = await impatient.send(target(), production.credentials, message);
    silent.close();
    await impatient.close();

    expect(result).toMatchObject({ outcome: 'retry', status: null });
    expect(result.answer).toContain('within 300 ms');
  });

  it('retries when APNs cannot be reached', async () => {
    const unreachable = createApnsProvider({
      productionUrl: 'https://127.0.0.1:1',
      sandboxUrl: 'https://127.0.0.1:1',
      ca: (await testCertificate()).cert,
    });

    const result = await unreachable.send(target(), production.credentials, message);
    await unreachable.close();

    expect(result).toMatchObject({ outcome: 'retry', status: null });
    expect(result.answer).toMatch(/ECONNREFUSED/);
  });
});
