import { eq } from 'drizzle-orm';
import { describe, expect, it } from 'vitest';
import { messagingSessions, queues, workItems } from '../db/schema';
import { useMessagingConversation } from '../testing/messagingRuntime';
import { botSays, scriptedBot } from '../testing/scriptedBot';
import { Escalation } from './escalation';
import type { HubEvent } from './eventHub';

const handoff = {
  queue: 'Orders',
  skills: [{ skill: 'orders', minLevel: 5 }],
  priority: 1,
  details: { summary: 'Parcel lost' },
  said: [botSays('An agent will be with you shortly.')],
};

describe('Escalation', () => {
  const start = useMessagingConversation();

  async function conversation() {
    const runtime = await start(
      scriptedBot(() => ({ entries: [], state: {}, status: 'awaiting_input' })).runner,
    );
    const { db, writes, hub, claims } = runtime;
    return {
      ...runtime,
      conversationId: claims.conversationId,
      orders: db.select().from(queues).where(eq(queues.name, 'Orders')).get() ?? null,
      texts: () =>
        runtime.entries
          .listEntries(claims, 0, 50)
          .entries.map((entry) => entry.payload.text ?? entry.payload.to),
      escalation: new Escalation({ db, writes, hub }),
    };
  }

  it('moves the session to waiting with what the bot said, its hand-off message, and the work item', async () => {
    const { db, hub, escalation, session, orders, texts, conversationId } = await conversation();
    const published: HubEvent[] = [];
    const unsubscribe = hub.subscribe(conversationId, (event) => published.push(event), 'customer');
    await escalation.escalate(session(), {
      entries: [botSays('Let me get someone.')],
      handoff,
      queue: orders,
      state: { node: 'escalate' },
    });
    unsubscribe();
    expect(texts()).toEqual([
      'Hi!',
      'Let me get someone.',
      'An agent will be with you shortly.',
      'waiting',
    ]);
    expect(published).toHaveLength(3);
    expect(session()).toMatchObject({
      status: 'waiting',
      agentType: 'bot_to_agent',
      botState: { node: 'escalate' },
    });
    expect(db.select().from(workItems).all()).toMatchObject([
      { sessionId: conversationId, queueId: orders?.id, priority: 1, status: 'queued' },
    ]);
  });

  it('leaves the session waiting without a work item when routing found no queue', async () => {
    const { db, escalation, session, texts } = await conversation();
    await escalation.escalate(session(), { handoff, queue: null });
    expect(session().status).toBe('waiting');
    expect(texts().at(-1)).toBe('waiting');
    expect(db.select().from(workItems).all()).toEqual([]);
  });

  it('stores a timeout turn’s hand-off once, however often it is asked', async () => {
    const { db, escalation, session } = await conversation();
    const ranOn = session();
    await escalation.escalate(ranOn, { handoff, queue: null, timedOutWait: 1 });
    await escalation.escalate(ranOn, { handoff, queue: null, timedOutWait: 1 });
    expect(
      db
        .select({ lastSeq: messagingSessions.lastSeq, wait: messagingSessions.botTimedOutWait })
        .from(messagingSessions)
        .get(),
    ).toEqual({ lastSeq: 3, wait: 1 });
  });

  it('puts a session without a bot in the org’s first queue, asking for no skill', async () => {
    const { db, escalation, session, orders } = await conversation();
    await escalation.escalateWithoutBot(session(), { reason: 'customer_returned' });
    expect(db.select().from(workItems).all()).toMatchObject([
      {
        queueId: orders?.id,
        priority: 3,
        requiredSkills: [],
        handoff: { reason: 'customer_returned' },
      },
    ]);
  });
});
