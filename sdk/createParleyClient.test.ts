import { eq } from 'drizzle-orm';
import { afterEach, describe, expect, it } from 'vitest';
import { staffUsers, workItems } from '../server/db/schema';
import { apiClient } from '../server/testing/apiClient';
import { useTestApi } from '../server/testing/apiServer';
import { memoryStorage } from './conversationStorage';
import { createParleyClient, type ParleyClient } from './createParleyClient';
import { flakyNetwork, waitUntil } from './testing/flakyNetwork';
import type { ConnectionStatus, Entry, ParleyStorage } from './types';

const FAST_RETRIES = { baseMs: 40, maxMs: 200 };

describe('the Parley client SDK against a real API', () => {
  const startApi = useTestApi();
  const clients: ParleyClient[] = [];
  afterEach(() => {
    for (const client of clients.splice(0)) client.close();
  });

  function customerApp(
    base: string,
    options: { storage?: ParleyStorage; fetch?: typeof fetch } = {},
  ) {
    const storage = options.storage ?? memoryStorage();
    const client = createParleyClient({
      baseUrl: base,
      deploymentId: 'acme-app',
      storage,
      fetch: options.fetch,
      retryDelays: FAST_RETRIES,
    });
    clients.push(client);
    const received: Entry[] = [];
    const statuses: ConnectionStatus[] = [];
    client.onEntry((entry) => received.push(entry));
    client.onStatus((status) => statuses.push(status));
    const botSays = () =>
      received
        .filter((e) => e.actor.type === 'bot')
        .map((e) => JSON.stringify(e.payload))
        .join('\n');
    /** Reads what the API says is stored, with the token the SDK keeps. */
    const storedEntries = async () => {
      const saved = JSON.parse(String(await storage.getItem('parley:acme-app:conversation')));
      return apiClient(base).entries(saved.conversationId, saved.accessToken);
    };
    const accessToken = async () =>
      JSON.parse(String(await storage.getItem('parley:acme-app:conversation')))
        .accessToken as string;
    return { client, received, statuses, botSays, storedEntries, accessToken };
  }

  it('greets the customer and answers an order question on the live stream', async () => {
    const { base } = await startApi();
    const app = customerApp(base);

    const started = await app.client.start();
    expect(started.resumed).toBe(false);
    expect(app.received[0]).toMatchObject({ seq: 1, actor: { type: 'bot' } });
    await waitUntil(() => app.client.connectionStatus === 'open', 'the stream is open');

    await app.client.send('where is my order A1001?');
    await waitUntil(() => /shipped/i.test(app.botSays()), 'the bot says the order shipped');

    expect(app.received.filter((e) => e.actor.type === 'customer')).toHaveLength(1);
    expect(app.statuses).toEqual(['idle', 'connecting', 'open']);
    const seqs = app.received.map((e) => e.seq);
    expect(seqs).toEqual(seqs.map((_, i) => i + 1));
  });

  it('hears an agent join, reply and read the customer’s messages, live', async () => {
    const { base, db, runtime } = await startApi();
    const app = customerApp(base);
    const reads: number[] = [];
    app.client.onRead((event) => reads.push(event.upToSeq));
    await app.client.start();
    await waitUntil(() => app.client.connectionStatus === 'open', 'the stream is open');
    await app.client.send('I need to talk to a person about my order A1001');
    await waitUntil(
      () => app.received.some((e) => e.type === 'queue_position'),
      'the customer is told their place in the Orders queue',
    );

    const alice = db.select().from(staffUsers).where(eq(staffUsers.email, 'alice@acme.test')).get();
    if (!alice) throw new Error('demo agent missing');
    const agent = { id: alice.id, orgId: alice.orgId, name: alice.name };
    runtime.router.setPresence(agent.orgId, agent.id, { presence: 'online' }, agent.id);
    const offered = db.select().from(workItems).where(eq(workItems.status, 'offered')).get();
    runtime.router.accept(agent.orgId, offered?.id ?? '', agent.id);
    const sessionId = offered?.sessionId ?? '';
    await runtime.agentConversations.reply(agent, sessionId, {
      text: 'Hi, Alice here. Looking at A1001.',
      clientMessageId: 'alice-1',
    });
    const asked = app.received.find((e) => e.actor.type === 'customer');
    await runtime.agentConversations.markRead(agent, sessionId, asked?.seq ?? 0);

    await waitUntil(() => reads.length > 0, 'the customer hears the agent read their message');
    expect(app.received.map((e) => e.type)).toContain('participant_changed');
    expect(app.received.find((e) => e.actor.type === 'agent')).toMatchObject({
      actor: { name: 'Alice Agent' },
      payload: { text: 'Hi, Alice here. Looking at A1001.' },
    });
    expect(reads).toEqual([asked?.seq]);
    expect(app.client.entries.find((e) => e.seq === asked?.seq)?.status).toBe('read');
    expect((await app.storedEntries()).find((e) => e.seq === asked?.seq)?.status).toBe('read');
  });

  it('stays closed when closed while the conversation is still being started', async () => {
    const { base } = await startApi();
    const network = flakyNetwork();
    const app = customerApp(base, { fetch: network.fetch });

    const started = app.client.start();
    app.client.close();
    await started;
    await new Promise((resolve) => setTimeout(resolve, 200));

    expect(network.requests.filter((r) => r.url.includes('/stream'))).toEqual([]);
    expect(app.client.connectionStatus).toBe('closed');
  });

  it('resumes the stored conversation after a reload, with its history and no new greeting', async () => {
    const { base, runtime } = await startApi();
    const storage = memoryStorage();
    const first = customerApp(base, { storage });
    const { conversationId } = await first.client.start();
    await first.client.send('what are your opening hours?');
    await waitUntil(() => /Monday/i.test(first.botSays()), 'the bot answers');
    await runtime.botTurns.idle();
    first.client.close();

    const reloaded = customerApp(base, { storage });
    const resumed = await reloaded.client.start();

    expect(resumed).toMatchObject({ conversationId, resumed: true });
    expect(reloaded.received.map((e) => e.id)).toEqual(first.received.map((e) => e.id));
    expect(reloaded.botSays()).toMatch(/Monday/);
  });

  it('keeps a message sent offline and delivers it exactly once when the network returns', async () => {
    const { base, runtime } = await startApi();
    const network = flakyNetwork();
    const app = customerApp(base, { fetch: network.fetch });
    await app.client.start();
    await waitUntil(() => app.client.connectionStatus === 'open', 'the stream is open');
    let pending = 0;
    app.client.onOutbox((messages) => {
      pending = messages.length;
    });

    network.goOffline();
    const sent = await app.client.send('where is my order A1002?');
    await waitUntil(() => app.client.connectionStatus === 'reconnecting', 'it shows reconnecting');
    const failedSends = () => network.requests.filter((r) => r.url.endsWith('/messages')).length;
    await waitUntil(() => failedSends() >= 3, 'it retried the send a few times');
    expect(pending).toBe(1);

    network.goOnline();
    await waitUntil(() => /processing/i.test(app.botSays()), 'the bot answers after reconnecting');
    await waitUntil(() => app.client.connectionStatus === 'open', 'the connection is back');
    expect(pending).toBe(0);

    await runtime.botTurns.idle();
    const stored = await app.storedEntries();
    expect(stored.filter((e) => e.clientMessageId === sent.clientMessageId)).toHaveLength(1);
    expect(app.received.filter((e) => e.clientMessageId === sent.clientMessageId)).toHaveLength(1);
  });

  it('stores a message once when the server got it but the answer was lost', async () => {
    const { base, runtime } = await startApi();
    const network = flakyNetwork();
    const app = customerApp(base, { fetch: network.fetch });
    await app.client.start();

    let pending = -1;
    app.client.onOutbox((messages) => {
      pending = messages.length;
    });
    network.loseNextResponseTo(/^POST .*\/messages$/);
    const sent = await app.client.send('hello there');
    await waitUntil(() => pending === 0, 'the outbox is empty');

    await runtime.botTurns.idle();
    const attempts = network.requests.filter((r) => r.url.endsWith('/messages'));
    expect(attempts.length).toBe(2);
    const stored = await app.storedEntries();
    expect(stored.filter((e) => e.clientMessageId === sent.clientMessageId)).toHaveLength(1);
    expect(app.received.filter((e) => e.clientMessageId === sent.clientMessageId)).toHaveLength(1);
  });

  it('delivers a message queued before the app was closed on the next launch', async () => {
    const { base, runtime } = await startApi();
    const storage = memoryStorage();
    const network = flakyNetwork();
    const first = customerApp(base, { storage, fetch: network.fetch });
    await first.client.start();
    network.goOffline();
    const sent = await first.client.send('talk to a human');
    await waitUntil(
      () => network.requests.some((r) => r.url.endsWith('/messages')),
      'a send was attempted',
    );
    first.client.close();
    // Relaunched later, with the network back (on a phone it is the whole device's network).
    network.goOnline();

    const relaunched = customerApp(base, { storage });
    await relaunched.client.start();
    await waitUntil(
      () => relaunched.received.some((e) => e.clientMessageId === sent.clientMessageId),
      'the queued message is delivered',
    );
    await waitUntil(
      () => relaunched.client.conversationStatus === 'waiting',
      'the conversation waits for an agent',
    );

    await runtime.botTurns.idle();
    const stored = await relaunched.storedEntries();
    expect(stored.filter((e) => e.clientMessageId === sent.clientMessageId)).toHaveLength(1);
  });

  it('resumes a dropped stream from the last seq with exactly the entries it missed', async () => {
    const { base, runtime } = await startApi();
    const network = flakyNetwork();
    const app = customerApp(base, { fetch: network.fetch });
    const { conversationId } = await app.client.start();
    await waitUntil(() => app.client.connectionStatus === 'open', 'the stream is open');
    const seenBeforeDrop = app.received.length;

    network.goOffline();
    await waitUntil(() => app.client.connectionStatus === 'reconnecting', 'the stream dropped');
    const otherDevice = apiClient(base);
    await otherDevice.send(conversationId, await app.accessToken(), {
      clientMessageId: 'from-elsewhere',
      text: 'how long does shipping take?',
    });
    await runtime.botTurns.idle();
    expect(app.received).toHaveLength(seenBeforeDrop);

    network.goOnline();
    await waitUntil(() => /business days/i.test(app.botSays()), 'the missed answer arrives');

    const resumedAt = network.requests
      .filter((r) => r.url.includes('/stream') && !r.url.includes('after=0'))
      .map((r) => new URL(r.url).searchParams.get('after'));
    expect(resumedAt).toContain(String(seenBeforeDrop));
    const all = await app.storedEntries();
    expect(app.received.map((e) => e.seq)).toEqual(all.map((e) => e.seq));
  });
});
