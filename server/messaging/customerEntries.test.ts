import { eq } from 'drizzle-orm';
import { describe, expect, it } from 'vitest';
import { deployments } from '../db/schema';
import { useMessagingConversation } from '../testing/messagingRuntime';
import { botSays, scriptedBot } from '../testing/scriptedBot';
import type { HubEvent } from './eventHub';

const MINUTE = 60_000;

const echo = () =>
  scriptedBot((input) => ({
    entries: [botSays(input.type === 'text' ? `You said: ${input.text}` : input.type)],
    state: { node: 'menu' },
    status: 'awaiting_input',
  }));

describe('CustomerEntries', () => {
  const start = useMessagingConversation();

  async function conversation(bot = echo()) {
    return { ...(await start(bot.runner)), bot };
  }

  it('stores a message once however often the app retries it, and the bot answers it once', async () => {
    const { entries, bot, claims, transcript } = await conversation();
    const first = await entries.send(claims, { clientMessageId: 'm1', text: 'hello' });
    const retry = await entries.send(claims, { clientMessageId: 'm1', text: 'hello' });
    expect(first).toMatchObject({ created: true, entry: { seq: 2, type: 'text' } });
    expect(retry).toEqual({ ...first, created: false });
    expect(await transcript()).toEqual(['bot: Hi!', 'customer: hello', 'bot: You said: hello']);
    expect(bot.heard.map((input) => input.type)).toEqual(['start', 'text']);
  });

  it('refuses a message once the conversation has ended', async () => {
    const { conversations, entries, claims } = await conversation();
    await conversations.end(claims);
    await expect(
      entries.send(claims, { clientMessageId: 'late', text: 'hello?' }),
    ).rejects.toMatchObject({ code: 'CONVERSATION_ENDED' });
  });

  it('brings an inactive conversation back to the bot when the customer writes again', async () => {
    const { conversations, entries, claims, transcript } = await conversation();
    await conversations.sweepIdleSessions(Date.now() + 31 * MINUTE);
    await entries.send(claims, { clientMessageId: 'back', text: 'still there?' });
    expect(await transcript()).toEqual([
      'bot: Hi!',
      'system: inactive',
      'customer: still there?',
      'system: new',
      'bot: You said: still there?',
    ]);
  });

  it('sends a returning customer to an agent when the deployment says so', async () => {
    const { db, conversations, entries, bot, claims, transcript } = await conversation();
    const deployment = db
      .select()
      .from(deployments)
      .where(eq(deployments.publicId, 'acme-app'))
      .get();
    if (!deployment) throw new Error('demo deployment missing');
    db.update(deployments)
      .set({ settings: { ...deployment.settings, reopenTo: 'agent' } })
      .where(eq(deployments.id, deployment.id))
      .run();
    await conversations.sweepIdleSessions(Date.now() + 31 * MINUTE);
    await entries.send(claims, { clientMessageId: 'back', text: 'a person please' });
    expect((await transcript()).slice(1)).toEqual([
      'system: inactive',
      'customer: a person please',
      'system: new',
      'system: waiting',
      'system: position 1',
    ]);
    expect(bot.heard.map((input) => input.type)).toEqual(['start']);
  });

  it('marks what the customer has read, never past the last entry and never backwards', async () => {
    const { entries, claims } = await conversation();
    expect(entries.listEntries(claims, 0, 10).entries[0]?.status).toBe('sent');
    expect(await entries.markRead(claims, 99)).toEqual({ upToSeq: 1 });
    expect(await entries.markRead(claims, 0)).toEqual({ upToSeq: 1 });
    expect(entries.listEntries(claims, 0, 10).entries[0]?.status).toBe('read');
  });

  it('reads the transcript a page at a time', async () => {
    const { entries, botTurns, claims } = await conversation();
    await entries.send(claims, { clientMessageId: 'm1', text: 'one' });
    await botTurns.idle();
    const page = (after: number, limit: number) => {
      const { entries: read, hasMore } = entries.listEntries(claims, after, limit);
      return { seqs: read.map((entry) => entry.seq), hasMore };
    };
    expect(page(0, 2)).toEqual({ seqs: [1, 2], hasMore: true });
    expect(page(2, 2)).toEqual({ seqs: [3], hasMore: false });
  });

  it('tells open streams the customer is typing, storing nothing', async () => {
    const { hub, entries, claims } = await conversation();
    const events: HubEvent[] = [];
    const unsubscribe = hub.subscribe(
      claims.conversationId,
      (event) => events.push(event),
      'customer',
    );
    entries.typing(claims, true);
    unsubscribe();
    expect(events).toEqual([
      { kind: 'typing', actor: { type: 'customer', name: 'Customer' }, isTyping: true },
    ]);
    expect(entries.listEntries(claims, 0, 10).entries).toHaveLength(1);
  });

  it('keeps a conversation out of reach of a token from another org', async () => {
    const { entries, claims } = await conversation();
    const stranger = { ...claims, orgId: 'another-org' };
    expect(() => entries.listEntries(stranger, 0, 10)).toThrow(
      expect.objectContaining({ code: 'CONVERSATION_NOT_FOUND' }),
    );
    await expect(
      entries.send(stranger, { clientMessageId: 'x', text: 'hi' }),
    ).rejects.toMatchObject({ code: 'CONVERSATION_NOT_FOUND' });
  });
});
