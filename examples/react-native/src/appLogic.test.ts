import { createParleyClient, memoryStorage, type ParleyClient } from '@parley/sdk';
import { eq } from 'drizzle-orm';
import type * as Notifications from 'expo-notifications';
import { afterEach, describe, expect, it } from 'vitest';
import { waitUntil } from '../../../sdk/testing/flakyNetwork';
import { deployments, pushRegistrations } from '../../../server/db/schema';
import { useMobileWorld } from '../../../server/testing/mobileWorld';
import { DEVICE_TOKEN } from '../../../server/testing/pushWorld';
import { startIdentityTokenServer } from '../scripts/identityTokenServer.mjs';
import { createFakeSignIn } from './fakeSignIn';
import { followNotificationTaps, foregroundBehavior } from './notificationRouting';
import { registerForPush } from './pushSetup';

// The example app's logic against a real Parley, in the React Native-shaped test project: the
// Expo modules are stood in for by objects of the same shape, everything else is real.

const IDENTITY_SECRET = 'identity-secret-of-the-app-backend-0123456789';

function permission(granted: boolean, canAskAgain = true): Notifications.PermissionResponse {
  return { granted, canAskAgain, status: granted ? 'granted' : 'undetermined' };
}

/** expo-notifications on an iPhone whose user answers the permission prompt with `answer`. */
function iphoneNotifications(answer: boolean) {
  const asked: string[] = [];
  let tapListener: ((response: Notifications.NotificationResponse) => void) | null = null;
  let launchedBy: Notifications.NotificationResponse | null = null;
  return {
    asked,
    getPermissionsAsync: async () => permission(false),
    requestPermissionsAsync: async () => {
      asked.push('permission');
      return permission(answer, false);
    },
    getDevicePushTokenAsync: async () => ({ type: 'ios' as const, data: DEVICE_TOKEN }),
    addNotificationResponseReceivedListener: (
      listener: (response: Notifications.NotificationResponse) => void,
    ) => {
      tapListener = listener;
      return { remove: () => (tapListener = null) };
    },
    getLastNotificationResponseAsync: async () => launchedBy,
    launchBy(data: Record<string, unknown>) {
      launchedBy = response(data);
    },
    tap(data: Record<string, unknown>) {
      tapListener?.(response(data));
    },
  };
}

function response(data: Record<string, unknown>): Notifications.NotificationResponse {
  return {
    actionIdentifier: 'expo.modules.notifications.actions.DEFAULT',
    notification: {
      date: Date.now(),
      request: { identifier: 'n1', content: { title: 'Alice', body: 'Hi', data } },
    },
  };
}

describe('the React Native example’s logic', () => {
  const startWorld = useMobileWorld();
  const clients: ParleyClient[] = [];
  const stops: (() => Promise<void>)[] = [];
  afterEach(async () => {
    for (const client of clients.splice(0)) client.close();
    for (const stop of stops.splice(0)) await stop();
  });

  function appClient(base: string, signIn = createFakeSignIn({ tokenUrl: null })) {
    const client = createParleyClient({
      baseUrl: base,
      deploymentId: 'acme-app',
      storage: memoryStorage(),
      getIdentityToken: (request) => signIn.identityToken(request),
      retryDelays: { baseMs: 40, maxMs: 200 },
    });
    clients.push(client);
    return client;
  }

  it('signs in with a token from the identity server and chats as that verified customer', async () => {
    const { base, db } = await startWorld();
    db.update(deployments)
      .set({
        identityMode: 'required',
        identityAlgorithm: 'HS256',
        identitySecret: IDENTITY_SECRET,
      })
      .where(eq(deployments.publicId, 'acme-app'))
      .run();
    const tokens = await startIdentityTokenServer({ secret: IDENTITY_SECRET, host: '127.0.0.1' });
    stops.push(tokens.close);
    const signIn = createFakeSignIn({ tokenUrl: tokens.url });

    expect(() => signIn.signIn('  ')).toThrow(/name/);
    expect(signIn.signIn('Ada Lovelace')).toEqual({
      id: 'demo-ada-lovelace',
      name: 'Ada Lovelace',
    });
    const client = appClient(base, signIn);
    const { conversationId } = await client.start();

    const mine = await client.conversations();
    expect(mine.map((c) => c.conversationId)).toEqual([conversationId]);
    signIn.signOut();
    expect(await signIn.identityToken({ previousExpired: false })).toBeUndefined();
  });

  it('registers the iPhone for push once the user allows it, and not when they refuse', async () => {
    const world = await startWorld();
    const app = { bundleId: world.apns.bundleId, apnsEnvironment: 'sandbox' as const };
    const client = appClient(world.base);

    expect(
      await registerForPush(client, iphoneNotifications(true), { isDevice: false }, app),
    ).toEqual({ status: 'unavailable', reason: 'Push notifications need a real device.' });
    const refusing = iphoneNotifications(false);
    expect(await registerForPush(client, refusing, { isDevice: true }, app)).toEqual({
      status: 'denied',
    });
    expect(refusing.asked).toEqual(['permission']);
    expect(world.db.select().from(pushRegistrations).all()).toEqual([]);

    const allowing = iphoneNotifications(true);
    const result = await registerForPush(
      client,
      allowing,
      { isDevice: true },
      {
        ...app,
        timeZone: 'Europe/Paris',
      },
    );
    expect(result).toEqual({ status: 'registered', token: DEVICE_TOKEN });
    expect(world.db.select().from(pushRegistrations).all()).toMatchObject([
      { platform: 'apns', token: DEVICE_TOKEN, sessionId: client.conversationId },
    ]);
  });

  it('opens the chat at the reply a tapped notification is about, also when it launched the app', async () => {
    const world = await startWorld();
    const client = appClient(world.base);
    const { conversationId } = await client.start();
    await client.send('where is my order A1001?');
    await waitUntil(
      () => client.entries.some((e) => /shipped/i.test(String(e.payload.text))),
      'the answer',
    );
    const answer = client.entries.at(-1);
    const notifications = iphoneNotifications(true);
    notifications.launchBy({ conversationId, seq: answer?.seq });
    const opened: number[] = [];

    const stop = followNotificationTaps(client, notifications, ({ seq }) => opened.push(seq));
    await waitUntil(() => opened.length === 1, 'the launch notification opens the chat');
    notifications.tap({ conversationId: 'someone-elses', seq: 3 });
    notifications.tap({ aps: { alert: 'not from Parley' } });
    notifications.tap({ conversationId, seq: String(answer?.seq) });
    await waitUntil(() => opened.length === 2, 'a tap opens the chat');
    stop();
    notifications.tap({ conversationId, seq: 1 });
    await new Promise((resolve) => setTimeout(resolve, 50));

    expect(opened).toEqual([answer?.seq, answer?.seq]);
    expect(foregroundBehavior(true)).toMatchObject({ shouldShowBanner: false });
    expect(foregroundBehavior(false)).toMatchObject({ shouldShowBanner: true });
  });
});
