import { eq } from 'drizzle-orm';
import { SignJWT } from 'jose';
import { describe, expect, it } from 'vitest';
import type { Db } from '../db/client';
import { deployments, messagingSessions, queues, workItems } from '../db/schema';
import { useMessagingRuntime } from '../testing/messagingRuntime';
import { botSays, scriptedBot } from '../testing/scriptedBot';

const SECRET = 'identity-secret-of-the-app-backend-0123456789';
const MINUTE = 60_000;

const identityToken = (sub: string, name?: string) =>
  new SignJWT(name ? { sub, name } : { sub })
    .setProtectedHeader({ alg: 'HS256' })
    .setExpirationTime('5m')
    .sign(new TextEncoder().encode(SECRET));

function verifyIdentity(db: Db, mode: 'optional' | 'required') {
  db.update(deployments)
    .set({ identityMode: mode, identityAlgorithm: 'HS256', identitySecret: SECRET })
    .where(eq(deployments.publicId, 'acme-app'))
    .run();
}

/** The deployment runs no bot: its conversations go straight to an agent. */
function withoutBot(db: Db) {
  db.update(deployments)
    .set({ botVersionId: null })
    .where(eq(deployments.publicId, 'acme-app'))
    .run();
}

const statusOf = (db: Db, id: string) =>
  db.select().from(messagingSessions).where(eq(messagingSessions.id, id)).get()?.status;

const echo = () =>
  scriptedBot((input) => ({
    entries: [botSays(input.type === 'text' ? `You said: ${input.text}` : input.type)],
    state: { node: 'menu' },
    status: 'awaiting_input',
  }));

describe('ConversationLifecycle', () => {
  const open = useMessagingRuntime();

  it('starts a conversation with the bot’s greeting and a token that opens it', async () => {
    const { conversations, tokens } = await open(echo().runner);
    const started = await conversations.start({ deploymentPublicId: 'acme-app' });
    expect(started).toMatchObject({
      resumed: false,
      status: 'new',
      entries: [{ seq: 1, actor: { type: 'bot' }, payload: { text: 'Hi!' } }],
    });
    expect(await tokens.verify(started.accessToken)).toMatchObject({
      conversationId: started.conversationId,
      contactId: null,
    });
  });

  it('puts a conversation on a deployment without a bot in the org’s first queue at once', async () => {
    const { db, conversations } = await open(echo().runner);
    withoutBot(db);
    const started = await conversations.start({ deploymentPublicId: 'acme-app' });
    expect(started.status).toBe('waiting');
    expect(started.entries.map((entry) => entry.payload)).toEqual([
      { from: 'new', to: 'waiting', reason: 'escalated' },
      { position: 1, estimatedWaitSeconds: 300 },
    ]);
    const orders = db.select().from(queues).where(eq(queues.name, 'Orders')).get();
    expect(db.select().from(workItems).all()).toMatchObject([
      { sessionId: started.conversationId, queueId: orders?.id, status: 'queued' },
    ]);
  });

  it('refuses a deployment that does not exist', async () => {
    const { conversations } = await open(echo().runner);
    await expect(conversations.start({ deploymentPublicId: 'nowhere' })).rejects.toMatchObject({
      code: 'DEPLOYMENT_NOT_FOUND',
    });
  });

  it('resumes a verified customer’s open conversation rather than starting another', async () => {
    const { db, conversations } = await open(echo().runner);
    verifyIdentity(db, 'required');
    const first = await conversations.start({
      deploymentPublicId: 'acme-app',
      identityToken: await identityToken('user-1', 'Jamie'),
    });
    const again = await conversations.start({
      deploymentPublicId: 'acme-app',
      identityToken: await identityToken('user-1'),
    });
    expect(again).toMatchObject({ conversationId: first.conversationId, resumed: true });
    expect(again.entries).toEqual(first.entries);
    expect(db.select().from(messagingSessions).all()).toHaveLength(1);
  });

  it('ends at the customer’s request and withdraws the work item no agent has taken', async () => {
    const { db, conversations, tokens } = await open(echo().runner);
    withoutBot(db);
    const started = await conversations.start({ deploymentPublicId: 'acme-app' });
    const claims = await tokens.verify(started.accessToken);
    if (!claims) throw new Error('fresh token did not verify');

    expect(await conversations.end(claims)).toEqual({ status: 'ended' });
    expect(await conversations.end(claims)).toEqual({ status: 'ended' });
    expect(statusOf(db, started.conversationId)).toBe('ended');
    expect(db.select({ status: workItems.status }).from(workItems).all()).toEqual([
      { status: 'cancelled' },
    ]);
  });

  it('takes one rating per conversation', async () => {
    const { conversations, entries, tokens } = await open(echo().runner);
    const started = await conversations.start({ deploymentPublicId: 'acme-app' });
    const claims = await tokens.verify(started.accessToken);
    if (!claims) throw new Error('fresh token did not verify');
    expect(await conversations.rate(claims, 4, 'quick')).toEqual({ score: 4 });
    await expect(conversations.rate(claims, 1, undefined)).rejects.toMatchObject({
      code: 'CSAT_ALREADY_GIVEN',
    });
    expect(entries.listEntries(claims, 0, 50).entries.at(-1)).toMatchObject({
      type: 'csat_response',
      actor: { type: 'customer', name: 'Customer' },
      payload: { score: 4, comment: 'quick' },
    });
  });

  it('gives a customer who signs in mid-chat the conversation, and nobody else', async () => {
    const { db, conversations, tokens } = await open(echo().runner);
    verifyIdentity(db, 'optional');
    const started = await conversations.start({ deploymentPublicId: 'acme-app' });
    const anonymous = await tokens.verify(started.accessToken);
    if (!anonymous) throw new Error('fresh token did not verify');
    expect(() => conversations.listForContact(anonymous)).toThrow(
      expect.objectContaining({ code: 'VERIFIED_IDENTITY_REQUIRED' }),
    );

    const refreshed = await conversations.refreshToken(anonymous, await identityToken('user-2'));
    const signedIn = await tokens.verify(refreshed.token);
    if (!signedIn) throw new Error('refreshed token did not verify');
    expect(signedIn.contactId).toEqual(expect.any(String));
    expect(conversations.listForContact(signedIn)).toMatchObject([
      { conversationId: started.conversationId, status: 'new', lastEntry: { seq: 1 } },
    ]);
    await expect(
      conversations.refreshToken(signedIn, await identityToken('user-3')),
    ).rejects.toMatchObject({ code: 'IDENTITY_MISMATCH' });
  });

  it('turns a silent conversation inactive, then ends it after longer silence', async () => {
    const { db, conversations } = await open(echo().runner);
    const { conversationId } = await conversations.start({ deploymentPublicId: 'acme-app' });
    expect(await conversations.sweepIdleSessions(Date.now() + 10 * MINUTE)).toBe(0);
    expect(await conversations.sweepIdleSessions(Date.now() + 31 * MINUTE)).toBe(1);
    expect(statusOf(db, conversationId)).toBe('inactive');
    expect(await conversations.sweepIdleSessions(Date.now() + 25 * 60 * MINUTE)).toBe(1);
    expect(statusOf(db, conversationId)).toBe('ended');
  });
});
