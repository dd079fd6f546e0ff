import { describe, expect, it } from 'vitest';
import { openStream } from '../testing/apiClient';
import { DEVICE_TOKEN, eventually, usePushWorld } from '../testing/pushWorld';

describe('notifying a customer who is away of the agent’s replies', () => {
  const startWorld = usePushWorld();

  it('sends one notification at once, and one more at the window’s end telling of the latest reply', async () => {
    const world = await startWorld({ collapseWindowMs: 500 });
    await world.reply('Your parcel left this morning.');
    expect(world.apns.notifications).toHaveLength(1);
    const [first] = world.apns.notifications;
    expect(first?.token).toBe(DEVICE_TOKEN);
    expect(first?.headers['apns-collapse-id']).toBe(world.conversationId);
    expect(first?.headers['apns-topic']).toBe(world.apns.bundleId);
    expect(first?.payload.aps.alert).toEqual({
      title: 'Alice Agent',
      body: 'Your parcel left this morning.',
    });

    await world.reply('It should arrive tomorrow.');
    await world.reply('Anything else I can do?');
    expect(world.apns.notifications).toHaveLength(1);
    expect(world.deliveries()).toHaveLength(2);

    await eventually(() => world.apns.notifications.length === 2);
    const second = world.apns.notifications[1];
    expect(second?.payload.aps.alert.body).toBe('Anything else I can do?');
    expect(second?.headers['apns-collapse-id']).toBe(world.conversationId);
    const entries = await world.client.entries(world.conversationId, world.accessToken);
    const last = entries.findLast((entry) => entry.actor.type === 'agent');
    expect(second?.payload).toMatchObject({ conversationId: world.conversationId, seq: last?.seq });
    await new Promise((resolve) => setTimeout(resolve, 600));
    expect(world.apns.notifications).toHaveLength(2);
    expect(world.deliveries().map((row) => row.status)).toEqual(['sent', 'sent']);
  });

  it('sends nothing while the customer has the conversation open', async () => {
    const world = await startWorld();
    const stream = await openStream(
      `${world.base}/api/v1/conversations/${world.conversationId}/stream`,
      { authorization: `Bearer ${world.accessToken}` },
    );
    await world.reply('Your parcel left this morning.');
    await stream.waitFor(() =>
      stream.entries().some((entry) => entry.payload.text === 'Your parcel left this morning.'),
    );
    await stream.stop();
    expect(world.deliveries()).toEqual([]);
    expect(world.apns.notifications).toEqual([]);
  });

  it('retries after a server error and delivers once', async () => {
    const world = await startWorld();
    world.apns.respondNext(500, { reason: 'InternalServerError' });
    await world.reply('Your parcel left this morning.');
    await eventually(() => world.apns.notifications.length === 1);
    await world.runtime.pushWorker?.idle();
    const [delivery] = world.deliveries();
    expect(delivery).toMatchObject({ status: 'sent', attempts: 2, providerStatus: 200 });
    expect(world.apns.notifications).toHaveLength(1);
  });

  it('waits as long as the provider’s Retry-After asks', async () => {
    const world = await startWorld();
    world.apns.respondNext(429, { reason: 'TooManyRequests', retryAfter: 1 });
    const repliedAt = Date.now();
    await world.reply('Your parcel left this morning.');
    const [waiting] = world.deliveries();
    expect(waiting).toMatchObject({ status: 'pending', attempts: 1, providerStatus: 429 });
    expect(waiting?.nextAttemptAt.getTime()).toBeGreaterThanOrEqual(repliedAt + 1_000);
    await eventually(() => world.apns.notifications.length === 1, 5_000);
    expect(Date.now() - repliedAt).toBeGreaterThanOrEqual(1_000);
  });

  it('stops sending to a device the provider says is gone', async () => {
    const world = await startWorld({ collapseWindowMs: 0 });
    world.apns.respondNext(410, { reason: 'Unregistered' });
    await world.reply('Your parcel left this morning.');
    expect(world.deliveries()).toMatchObject([{ status: 'dropped', providerStatus: 410 }]);
    expect(world.registration()).toMatchObject({ revokedAt: null });
    expect(world.registration()?.deactivatedAt).toBeInstanceOf(Date);

    await world.reply('Are you still there?');
    expect(world.deliveries()).toHaveLength(1);
    expect(world.apns.notifications).toEqual([]);
  });

  it('notifies of the bot’s answer after an agent hands the conversation back', async () => {
    const world = await startWorld();
    await world.runtime.agentConversations.returnToBot(world.agent, world.conversationId);
    await world.runtime.botTurns.idle();
    await eventually(() => world.apns.notifications.length === 1);
    const [notification] = world.apns.notifications;
    expect(notification?.payload.aps.alert.body).toBe(
      'Is there anything else I can help you with?',
    );
  });

  it('writes no second notification when the agent’s reply is retried', async () => {
    const world = await startWorld();
    const reply = { text: 'Your parcel left this morning.', clientMessageId: 'same' };
    await world.runtime.agentConversations.reply(world.agent, world.conversationId, reply);
    await world.runtime.agentConversations.reply(world.agent, world.conversationId, reply);
    await world.runtime.pushWorker?.idle();
    expect(world.deliveries()).toHaveLength(1);
    expect(world.apns.notifications).toHaveLength(1);
  });

  it('reaches every device of the conversation, on each provider, with the same words', async () => {
    const world = await startWorld();
    const register = (body: Record<string, unknown>) =>
      world.client.call('POST', '/api/v1/push-registrations', body, world.accessToken);
    await register({ platform: 'fcm', token: 'fcm-registration-token-1' });
    const subscription = world.webPush.createSubscription();
    await register({ platform: 'web_push', subscription });

    await world.reply('Your parcel left this morning.');
    await eventually(
      () =>
        world.apns.notifications.length === 1 &&
        world.fcm.messages.length === 1 &&
        world.webPush.deliveries.length === 1,
    );
    const [fcmMessage] = world.fcm.messages;
    expect(fcmMessage).toMatchObject({
      token: 'fcm-registration-token-1',
      notification: { title: 'Alice Agent', body: 'Your parcel left this morning.' },
      data: { conversationId: world.conversationId },
      android: { collapse_key: world.conversationId },
    });
    const [browser] = world.webPush.deliveries;
    expect(browser?.endpoint).toBe(subscription.endpoint);
    expect(JSON.parse(browser?.payload ?? '{}')).toMatchObject({
      title: 'Alice Agent',
      body: 'Your parcel left this morning.',
      conversationId: world.conversationId,
    });
    expect(world.deliveries().map((row) => row.status)).toEqual(['sent', 'sent', 'sent']);
  });
});
