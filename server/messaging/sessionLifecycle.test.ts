import { eq } from 'drizzle-orm';
import { describe, expect, it } from 'vitest';
import { deployments, workItems } from '../db/schema';
import { apiClient } from '../testing/apiClient';
import { useTestApi } from '../testing/apiServer';
import { publishTestFlow } from '../testing/publishTestFlow';

const MINUTE = 60_000;

describe('conversation lifecycle', () => {
  const startApi = useTestApi();

  it('turns a silent conversation inactive, brings it back on a message, and ends it after long silence', async () => {
    const { base, runtime } = await startApi();
    const client = apiClient(base);
    const { body } = await client.start();
    const statusChanges = async () =>
      (await client.entries(body.conversationId, body.accessToken))
        .filter((entry) => entry.type === 'status_changed')
        .map((entry) => `${entry.payload.from}->${entry.payload.to}`);

    expect(await runtime.conversations.sweepIdleSessions(Date.now() + 10 * MINUTE)).toBe(0);
    expect(await runtime.conversations.sweepIdleSessions(Date.now() + 31 * MINUTE)).toBe(1);
    expect(await statusChanges()).toEqual(['new->inactive']);

    const back = await client.send(body.conversationId, body.accessToken, {
      clientMessageId: 'back',
      text: 'hi again',
    });
    expect(back.status).toBe(201);
    expect(await statusChanges()).toEqual(['new->inactive', 'inactive->new']);

    await runtime.conversations.sweepIdleSessions(Date.now() + 31 * MINUTE);
    await runtime.conversations.sweepIdleSessions(Date.now() + 25 * 60 * MINUTE);
    expect(await statusChanges()).toEqual([
      'new->inactive',
      'inactive->new',
      'new->inactive',
      'inactive->ended',
    ]);

    const late = await client.send(body.conversationId, body.accessToken, {
      clientMessageId: 'late',
      text: 'hello?',
    });
    expect(late.status).toBe(409);
    expect(late.body.error.code).toBe('CONVERSATION_ENDED');
  });

  it('sends a returning customer to an agent when the deployment says so', async () => {
    const { base, db, runtime } = await startApi();
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
    const client = apiClient(base);
    const { body } = await client.start();
    await runtime.conversations.sweepIdleSessions(Date.now() + 31 * MINUTE);
    await client.send(body.conversationId, body.accessToken, {
      clientMessageId: 'back',
      text: 'hello again',
    });
    await runtime.botTurns.idle();
    const entries = await client.entries(body.conversationId, body.accessToken);
    const changes = entries.filter((e) => e.type === 'status_changed').map((e) => e.payload.to);
    expect(changes).toEqual(['inactive', 'new', 'waiting']);
    expect(entries.at(-1)?.actor.type).not.toBe('bot');
    expect(
      db.select().from(workItems).where(eq(workItems.sessionId, body.conversationId)).all(),
    ).toHaveLength(1);
  });

  it('nudges a customer who leaves a question unanswered, once per question asked', async () => {
    const { base, db, runtime } = await startApi();
    publishTestFlow(db, 'acme-app', {
      nodes: [
        { id: 'start', type: 'start' },
        {
          id: 'order',
          type: 'ask',
          data: { prompt: 'Your order number?', variable: 'order', noInputAfterMinutes: 5 },
        },
        { id: 'nudge', type: 'message', data: { text: 'Still there? Take your time.' } },
        { id: 'thanks', type: 'end', data: { message: 'Thanks!' } },
      ],
      edges: [
        ['start', 'next', 'order'],
        ['order', 'next', 'thanks'],
        ['order', 'invalid', 'thanks'],
        ['order', 'noInput', 'nudge'],
        ['nudge', 'next', 'order'],
      ],
    });
    const client = apiClient(base);
    const { body } = await client.start();
    const botSays = async () => {
      await runtime.botTurns.idle();
      return (await client.entries(body.conversationId, body.accessToken))
        .filter((entry) => entry.actor.type === 'bot')
        .map((entry) => entry.payload.text);
    };

    await runtime.conversations.sweepIdleSessions(Date.now() + 4 * MINUTE);
    expect(await botSays()).toEqual(['Your order number?']);

    const fiveMinutesOn = Date.now() + 6 * MINUTE;
    await Promise.all([
      runtime.conversations.sweepIdleSessions(fiveMinutesOn),
      runtime.conversations.sweepIdleSessions(fiveMinutesOn),
    ]);
    await runtime.conversations.sweepIdleSessions(fiveMinutesOn);
    expect(await botSays()).toEqual([
      'Your order number?',
      'Still there? Take your time.',
      'Your order number?',
    ]);

    await runtime.conversations.sweepIdleSessions(Date.now() + 12 * MINUTE);
    expect(await botSays()).toHaveLength(5);

    await client.send(body.conversationId, body.accessToken, {
      clientMessageId: 'answer',
      text: 'A1001',
    });
    expect((await botSays()).at(-1)).toBe('Thanks!');
  });

  it('never turns a conversation waiting for an agent inactive', async () => {
    const { base, runtime } = await startApi();
    const client = apiClient(base);
    const { body } = await client.start();
    await client.send(body.conversationId, body.accessToken, {
      clientMessageId: 'h',
      text: 'I want to talk to a human',
    });
    await runtime.botTurns.idle();
    const entries = await client.entries(body.conversationId, body.accessToken);
    expect(entries.some((e) => e.type === 'status_changed' && e.payload.to === 'waiting')).toBe(
      true,
    );
    expect(await runtime.conversations.sweepIdleSessions(Date.now() + 120 * MINUTE)).toBe(0);
  });

  it('ends a conversation at the customer’s request and takes one rating', async () => {
    const { base } = await startApi();
    const client = apiClient(base);
    const { body } = await client.start();
    const path = `/api/v1/conversations/${body.conversationId}`;
    expect((await client.call('POST', `${path}/end`, undefined, body.accessToken)).status).toBe(
      200,
    );
    const rated = await client.call(
      'POST',
      `${path}/csat`,
      { score: 5, comment: 'quick' },
      body.accessToken,
    );
    expect(rated.status).toBe(201);
    const again = await client.call('POST', `${path}/csat`, { score: 1 }, body.accessToken);
    expect(again.status).toBe(409);
    const entries = await client.entries(body.conversationId, body.accessToken);
    expect(entries.at(-1)).toMatchObject({
      type: 'csat_response',
      payload: { score: 5, comment: 'quick' },
    });
  });
});
