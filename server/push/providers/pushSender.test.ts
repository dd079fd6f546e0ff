import { randomBytes } from 'node:crypto';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { parseEnv } from '../../env';
import { type PushTestProviders, startPushTestProviders } from '../testing/pushTestProviders';
import { createPushSender, type PushSender } from './pushSender';
import type { PushMessage } from './types';

let providers: PushTestProviders;
let sender: PushSender;

const message: PushMessage = {
  title: 'Acme Support',
  body: 'You have a new reply',
  collapseKey: 'conversation-3',
  data: { conversationId: 'conv_3', seq: 8 },
  expiresAt: new Date(Date.now() + 3600 * 1000),
};

function apnsTarget(environment: 'production' | 'sandbox') {
  return {
    platform: 'apns' as const,
    token: randomBytes(32).toString('hex'),
    bundleId: providers.apns.bundleId,
    environment,
  };
}

beforeAll(async () => {
  providers = await startPushTestProviders();
  // Through parseEnv, as Parley reads them, so the variables are proven to point right.
  const env = parseEnv(providers.envVars);
  sender = createPushSender({ env: env.push, ca: providers.ca });
});

afterAll(async () => {
  await sender.close();
  await providers.close();
});

describe('push sender', () => {
  it('sends each target through its own provider', async () => {
    const { credentials } = providers;
    const results = await Promise.all([
      sender.send(apnsTarget('production'), credentials, message),
      sender.send({ platform: 'fcm', token: 'android-device' }, credentials, message),
      sender.send(providers.webPush.createSubscription(), credentials, message),
    ]);

    expect(results.map((result) => result.outcome)).toEqual(['sent', 'sent', 'sent']);
    expect(providers.apns.notifications).toHaveLength(1);
    expect(providers.fcm.messages).toHaveLength(1);
    expect(providers.webPush.deliveries).toHaveLength(1);
  });

  it('says which provider is not set up instead of sending', async () => {
    const { vapid } = providers.credentials;

    const apnsResult = await sender.send(apnsTarget('sandbox'), { vapid }, message);
    const fcmResult = await sender.send({ platform: 'fcm', token: 'x' }, { vapid }, message);

    expect(apnsResult).toEqual({
      outcome: 'rejected',
      status: null,
      answer: 'APNs is not set up for this deployment: add its .p8 key in the push settings.',
    });
    expect(fcmResult).toMatchObject({ outcome: 'rejected', status: null });
    expect(fcmResult.answer).toMatch(/^FCM is not set up for this deployment/);
  });
});
