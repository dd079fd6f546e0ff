import { eq } from 'drizzle-orm';
import { SignJWT } from 'jose';
import { afterEach, describe, expect, it } from 'vitest';
import { deployments } from '../server/db/schema';
import { apiClient } from '../server/testing/apiClient';
import { useMobileWorld } from '../server/testing/mobileWorld';
import { DEVICE_TOKEN } from '../server/testing/pushWorld';
import { asyncStorage } from './conversationStorage';
import {
  createParleyClient,
  type ParleyClient,
  type ParleyClientOptions,
} from './createParleyClient';
import { followAppState } from './react/followAppState';
import { fakeAppState } from './testing/fakeAppState';
import { flakyNetwork, waitUntil } from './testing/flakyNetwork';
import { NodeXMLHttpRequest } from './testing/nodeXmlHttpRequest';
import type { Entry, IdentityTokenRequest } from './types';

// Runs in the `sdk-react-native` project: the globals are a React Native app's (see
// testing/reactNativeRuntime.ts), so the client finds no EventSource, no localStorage and a fetch
// that does not stream, and reads the stream over XMLHttpRequest.

const FAST_RETRIES = { baseMs: 40, maxMs: 200 };
const IDENTITY_SECRET = 'identity-secret-of-the-app-backend-0123456789';

/** AsyncStorage as the app has it: every call async, a little slow, and surviving a restart. */
function deviceStorage() {
  const disk = new Map<string, string>();
  const later = <T>(value: T) =>
    new Promise<T>((resolve) => setTimeout(() => resolve(value), 1 + Math.random() * 3));
  return {
    disk,
    store: {
      getItem: (key: string) => later(disk.get(key) ?? null),
      setItem: async (key: string, value: string) => {
        await later(undefined);
        disk.set(key, value);
      },
      removeItem: async (key: string) => {
        await later(undefined);
        disk.delete(key);
      },
    },
  };
}

describe('the SDK inside a React Native app, against a real API', () => {
  const startWorld = useMobileWorld();
  const clients: ParleyClient[] = [];
  afterEach(() => {
    for (const client of clients.splice(0)) client.close();
  });

  function phoneApp(
    base: string,
    options: Partial<ParleyClientOptions> & { device?: ReturnType<typeof deviceStorage> } = {},
  ) {
    const { device = deviceStorage(), ...rest } = options;
    const client = createParleyClient({
      baseUrl: base,
      deploymentId: 'acme-app',
      storage: asyncStorage(device.store),
      retryDelays: FAST_RETRIES,
      ...rest,
    });
    clients.push(client);
    const received: Entry[] = [];
    client.onEntry((entry) => received.push(entry));
    const says = (actor: Entry['actor']['type']) =>
      received
        .filter((e) => e.actor.type === actor)
        .map((e) => JSON.stringify(e.payload))
        .join('\n');
    /** What the API has stored, read with the token the app keeps on the device. */
    const storedEntries = () => {
      const saved = JSON.parse(String(device.disk.get('parley:acme-app:conversation')));
      return apiClient(base).entries(saved.conversationId, saved.accessToken);
    };
    return { client, received, says, storedEntries };
  }

  it('starts a conversation, sends and hears the answer, streaming over XMLHttpRequest', async () => {
    const { base } = await startWorld();
    expect(typeof EventSource).toBe('undefined');
    expect(typeof localStorage).toBe('undefined');
    expect(typeof document).toBe('undefined');
    const network = flakyNetwork();
    const app = phoneApp(base, { fetch: network.fetch });

    await app.client.start();
    await waitUntil(() => app.client.connectionStatus === 'open', 'the stream is open');
    expect(app.client.transport).toBe('xhr');
    await app.client.send('where is my order A1001?');
    await waitUntil(() => /shipped/i.test(app.says('bot')), 'the bot says the order shipped');

    const seqs = app.received.map((e) => e.seq);
    expect(seqs).toEqual(seqs.map((_, i) => i + 1));
    expect(app.received.filter((e) => e.actor.type === 'customer')).toHaveLength(1);
    expect(network.requests.filter((r) => r.url.includes('/stream'))).toHaveLength(1);
    expect(app.client.unreadCount).toBeGreaterThan(0);
    await app.client.markRead();
    expect(app.client.unreadCount).toBe(0);
  });

  it('closes the stream in the background, gets a push for the reply, and shows it once on return', async () => {
    const world = await startWorld();
    const appState = fakeAppState('active');
    const app = phoneApp(world.base);
    const resumedWith: Entry[][] = [];
    const stopFollowing = followAppState(app.client, appState, (arrived) =>
      resumedWith.push(arrived),
    );
    const { conversationId } = await app.client.start();
    await app.client.registerPush({
      platform: 'apns',
      token: DEVICE_TOKEN,
      bundleId: world.apns.bundleId,
      environment: 'sandbox',
    });
    await app.client.send('I need to talk to a person about my order A1001');
    await waitUntil(() => app.client.conversationStatus === 'waiting', 'the hand-off waits');
    await world.runtime.botTurns.idle();
    world.acceptHandOff(conversationId);
    await world.agentReplies(conversationId, 'Hi, Alice here.');
    await waitUntil(() => /Alice here/.test(app.says('agent')), 'the live reply shows');
    expect(world.apns.notifications).toHaveLength(0);

    appState.set('inactive');
    appState.set('background');
    await waitUntil(() => app.client.connectionStatus === 'idle', 'the stream closed');
    await waitUntil(
      () => !world.runtime.hub.hasCustomerStream(conversationId),
      'the server sees no open stream',
    );
    await world.agentReplies(conversationId, 'A1001 left our warehouse this morning.');
    await waitUntil(() => world.apns.notifications.length === 1, 'a push was delivered');
    const pushed = world.apns.notifications[0];
    expect(pushed).toMatchObject({ token: DEVICE_TOKEN, payload: { conversationId } });
    expect(world.deliveries(conversationId).map((d) => d.status)).toEqual(['sent']);
    expect(app.says('agent')).not.toMatch(/warehouse/);

    // The customer taps the notification: the app opens the conversation at that entry.
    const opened = await app.client.handleNotification(pushed?.payload);
    expect(opened).toMatchObject({ conversationId, current: true, seq: pushed?.payload.seq });
    expect(opened?.entry?.payload).toEqual({ text: 'A1001 left our warehouse this morning.' });
    appState.set('active');
    await waitUntil(() => app.client.connectionStatus === 'open', 'the stream is open again');
    await world.agentReplies(conversationId, 'Anything else?');
    await waitUntil(() => /Anything else/.test(app.says('agent')), 'live again');

    expect(app.received.filter((e) => /warehouse/.test(String(e.payload.text)))).toHaveLength(1);
    const seqs = app.received.map((e) => e.seq);
    expect(seqs).toEqual([...new Set(seqs)].sort((a, b) => a - b));
    expect(world.apns.notifications).toHaveLength(1);
    stopFollowing();
    expect(appState.listeners).toBe(0);
  });

  it('reports the replies that arrived in the background when the app comes back', async () => {
    const world = await startWorld();
    const appState = fakeAppState('active');
    const app = phoneApp(world.base);
    const resumedWith: Entry[][] = [];
    followAppState(app.client, appState, (arrived) => resumedWith.push(arrived));
    const { conversationId } = await app.client.start();
    await app.client.send('I need to talk to a person about my order A1001');
    await waitUntil(() => app.client.conversationStatus === 'waiting', 'the hand-off waits');
    await world.runtime.botTurns.idle();
    world.acceptHandOff(conversationId);

    appState.set('background');
    await waitUntil(
      () => !world.runtime.hub.hasCustomerStream(conversationId),
      'the server sees no open stream',
    );
    await world.agentReplies(conversationId, 'Hi, Alice here. Looking at A1001.');
    appState.set('active');
    await waitUntil(() => resumedWith.length === 1, 'the app hears what arrived meanwhile');

    expect(resumedWith[0]?.map((e) => e.payload.text).filter(Boolean)).toEqual([
      'Hi, Alice here. Looking at A1001.',
    ]);
    await waitUntil(() => app.client.connectionStatus === 'open', 'the stream is open again');
    expect(app.received.filter((e) => e.actor.type === 'agent' && e.type === 'text')).toHaveLength(
      1,
    );
  });

  it('delivers a message exactly once when the network drops mid-send', async () => {
    const { base, runtime } = await startWorld();
    const network = flakyNetwork();
    const app = phoneApp(base, { fetch: network.fetch });
    await app.client.start();
    await waitUntil(() => app.client.connectionStatus === 'open', 'the stream is open');
    let pending = -1;
    app.client.onOutbox((messages) => {
      pending = messages.length;
    });

    // The message reaches the server, then the phone enters a tunnel before the answer arrives.
    network.loseNextResponseTo(/^POST .*\/messages$/);
    const sent = await app.client.send('where is my order A1002?');
    await waitUntil(
      () => network.requests.some((r) => r.url.endsWith('/messages')),
      'the send went out',
    );
    network.goOffline();
    await waitUntil(() => app.client.connectionStatus === 'reconnecting', 'it shows reconnecting');
    expect(pending).toBe(1);
    network.goOnline();
    await waitUntil(() => /processing/i.test(app.says('bot')), 'the bot answers');
    await waitUntil(() => pending === 0, 'the outbox is empty');

    await runtime.botTurns.idle();
    const stored = await app.storedEntries();
    expect(stored.filter((e) => e.clientMessageId === sent.clientMessageId)).toHaveLength(1);
    expect(app.received.filter((e) => e.clientMessageId === sent.clientMessageId)).toHaveLength(1);
    expect(app.received.map((e) => e.seq)).toEqual(stored.map((e) => e.seq));
  });

  it('is killed with a message unsent and, restarted from storage, resumes the same conversation', async () => {
    const { base, runtime } = await startWorld();
    const device = deviceStorage();
    const network = flakyNetwork();
    const first = phoneApp(base, { device, fetch: network.fetch });
    const { conversationId } = await first.client.start();
    await waitUntil(() => /Hi/.test(first.says('bot')), 'the greeting shows');
    network.goOffline();
    const sent = await first.client.send('what are your opening hours?');
    await waitUntil(
      () => network.requests.some((r) => r.url.endsWith('/messages')),
      'a send was attempted',
    );
    // Killed: nothing runs after this; what is on the device is what survives.
    first.client.close();
    const greeting = first.received.map((e) => e.id);
    network.goOnline();

    const restarted = phoneApp(base, { device });
    const resumed = await restarted.client.start();
    expect(resumed).toMatchObject({ conversationId, resumed: true });
    await waitUntil(() => /Monday/i.test(restarted.says('bot')), 'the queued message is answered');
    expect(restarted.received.slice(0, greeting.length).map((e) => e.id)).toEqual(greeting);

    await runtime.botTurns.idle();
    const stored = await restarted.storedEntries();
    expect(stored.filter((e) => e.clientMessageId === sent.clientMessageId)).toHaveLength(1);
    expect(restarted.received.map((e) => e.seq)).toEqual(stored.map((e) => e.seq));
    expect([...device.disk.keys()].sort()).toEqual(['parley:acme-app:conversation']);
  });

  it('renews an expired identity token without the customer noticing', async () => {
    const { base, db } = await startWorld();
    db.update(deployments)
      .set({
        identityMode: 'optional',
        identityAlgorithm: 'HS256',
        identitySecret: IDENTITY_SECRET,
      })
      .where(eq(deployments.publicId, 'acme-app'))
      .run();
    // The app caches the token its backend signed; by the time Parley needs it again, it expired.
    let cached = await identityToken('customer-42', '5m');
    const asked: IdentityTokenRequest[] = [];
    const getIdentityToken = async (request: IdentityTokenRequest) => {
      asked.push(request);
      if (request.previousExpired) cached = await identityToken('customer-42', '5m');
      return cached;
    };
    const device = deviceStorage();
    const first = phoneApp(base, { device, getIdentityToken });
    const { conversationId } = await first.client.start();
    first.client.close();

    // A day later: the access token has expired and so has the cached identity token.
    const saved = JSON.parse(String(device.disk.get('parley:acme-app:conversation')));
    device.disk.set(
      'parley:acme-app:conversation',
      JSON.stringify({
        ...saved,
        accessTokenExpiresAt: new Date(Date.now() - 60_000).toISOString(),
      }),
    );
    cached = await identityToken('customer-42', -60);
    asked.length = 0;
    const errors: unknown[] = [];
    const later = phoneApp(base, { device, getIdentityToken });
    later.client.onError((error) => errors.push(error));
    const resumed = await later.client.start();
    await later.client.send('where is my order A1001?');
    await waitUntil(() => /shipped/i.test(later.says('bot')), 'the bot answers');

    expect(resumed).toMatchObject({ conversationId, resumed: true });
    expect(asked).toEqual([{ previousExpired: false }, { previousExpired: true }]);
    expect(errors).toEqual([]);
    const conversations = await later.client.conversations();
    expect(conversations.map((c) => c.conversationId)).toContain(conversationId);
  });

  it('falls back to long-polling when the network buffers the stream, with no gap or duplicate', async () => {
    const { base, runtime } = await startWorld();
    class BufferingXhr extends NodeXMLHttpRequest {
      static override bufferResponsesMs = 150;
    }
    const app = phoneApp(base, { XMLHttpRequest: BufferingXhr });
    await app.client.start();
    await waitUntil(() => app.client.transport === 'polling', 'it gives up on streaming');
    await waitUntil(() => app.client.connectionStatus === 'open', 'polling is live');
    await app.client.send('where is my order A1001?');
    await waitUntil(() => /shipped/i.test(app.says('bot')), 'the answer arrives by polling');

    await runtime.botTurns.idle();
    const seqs = app.received.map((e) => e.seq);
    expect(seqs).toEqual(seqs.map((_, i) => i + 1));
  });

  it('logs out: the device stops getting notifications and forgets the conversation', async () => {
    const world = await startWorld();
    const device = deviceStorage();
    const app = phoneApp(world.base, { device });
    const { conversationId } = await app.client.start();
    await app.client.registerPush({
      platform: 'apns',
      token: DEVICE_TOKEN,
      bundleId: world.apns.bundleId,
      environment: 'sandbox',
    });

    expect(await app.client.logout()).toBe(1);
    expect(device.disk.size).toBe(0);
    expect(app.client.conversationId).toBeNull();
    const next = phoneApp(world.base, { device });
    expect((await next.client.start()).conversationId).not.toBe(conversationId);
  });
});

function identityToken(sub: string, expiresIn: string | number) {
  const now = Math.floor(Date.now() / 1000);
  return new SignJWT({ sub })
    .setProtectedHeader({ alg: 'HS256' })
    .setIssuedAt(now - 120)
    .setExpirationTime(typeof expiresIn === 'number' ? now + expiresIn : expiresIn)
    .sign(new TextEncoder().encode(IDENTITY_SECRET));
}
