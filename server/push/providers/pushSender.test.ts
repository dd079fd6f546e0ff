import { randomBytes } from 'node:crypto';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import webpush from 'web-push';
import { parseEnv } from '../../env';
import { ApnsTestServer } from '../testing/apnsTestServer';
import { FcmTestServer } from '../testing/fcmTestServer';
import { testCertificate } from '../testing/testCertificate';
import { WebPushTestServer } from '../testing/webPushTestServer';
import { createPushSender, type PushCredentials, type PushSender } from './pushSender';
import type { PushMessage } from './types';

const apns = new ApnsTestServer();
const fcm = new FcmTestServer();
const webPush = new WebPushTestServer();
let sender: PushSender;
let credentials: PushCredentials;

const message: PushMessage = {
  title: 'Acme Support',
  body: 'You have a new reply',
  collapseKey: 'conversation-3',
  data: { conversationId: 'conv_3', seq: 8 },
  expiresAt: new Date(Date.now() + 3600 * 1000),
};

beforeAll(async () => {
  const [apnsUrl, fcmUrl, webPushUrl] = await Promise.all([
    apns.start(),
    fcm.start(),
    webPush.start(),
  ]);
  const env = parseEnv({
    PUSH_APNS_PRODUCTION_URL: apnsUrl,
    PUSH_APNS_SANDBOX_URL: apnsUrl,
    PUSH_FCM_URL: fcmUrl,
    PUSH_FCM_TOKEN_URL: fcm.tokenUrl,
    PUSH_WEB_PUSH_TRUSTED_ORIGINS: webPushUrl,
  });
  sender = createPushSender({ env: env.push, ca: (await testCertificate()).cert });
  credentials = {
    apns: apns.credentials,
    fcm: fcm.credentials,
    vapid: { subject: 'https://acme.test/contact', ...webpush.generateVAPIDKeys() },
  };
});

afterAll(async () => {
  await sender.close();
  await Promise.all([apns.close(), fcm.close(), webPush.close()]);
});

describe('push sender', () => {
  it('sends each target through its own provider', async () => {
    const results = await Promise.all([
      sender.send(
        {
          platform: 'apns',
          token: randomBytes(32).toString('hex'),
          bundleId: apns.bundleId,
          environment: 'production',
        },
        credentials,
        message,
      ),
      sender.send({ platform: 'fcm', token: 'android-device' }, credentials, message),
      sender.send(webPush.createSubscription(), credentials, message),
    ]);

    expect(results.map((result) => result.outcome)).toEqual(['sent', 'sent', 'sent']);
    expect(apns.notifications).toHaveLength(1);
    expect(fcm.messages).toHaveLength(1);
    expect(webPush.deliveries).toHaveLength(1);
  });

  it('says which provider is not set up instead of sending', async () => {
    const { vapid } = credentials;

    const apnsResult = await sender.send(
      {
        platform: 'apns',
        token: randomBytes(32).toString('hex'),
        bundleId: apns.bundleId,
        environment: 'sandbox',
      },
      { vapid },
      message,
    );
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
