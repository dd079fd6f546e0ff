import { eq } from 'drizzle-orm';
import { describe, expect, it } from 'vitest';
import { botTurnTraces, queues, workItems } from '../db/schema';
import type { Handoff } from '../routing/handoff';
import { useMessagingConversation } from '../testing/messagingRuntime';
import { botSays, scriptedBot } from '../testing/scriptedBot';
import type { BotTurnOutcome, CustomerInput } from './botTurns';
import { appendEntries } from './conversationEntries';

const MINUTE = 60_000;

const echo = (input: CustomerInput): BotTurnOutcome => ({
  entries: [botSays(input.type === 'text' ? `You said: ${input.text}` : input.type)],
  state: { node: 'menu' },
  status: 'awaiting_input',
});

const handoffTo = (queue: string): Handoff => ({
  queue,
  skills: [{ skill: 'orders', minLevel: 5 }],
  priority: 2,
  details: { summary: 'Wants a person' },
  said: [botSays('Connecting you with the team.')],
});

describe('BotTurnOrchestrator', () => {
  const start = useMessagingConversation();
  const conversation = (bot: ReturnType<typeof scriptedBot>) => start(bot.runner);

  it('answers a customer’s messages one turn each, in the order they were sent', async () => {
    const bot = scriptedBot(echo);
    const { entries, claims, transcript } = await conversation(bot);
    await Promise.all(
      ['one', 'two', 'three'].map((text) => entries.send(claims, { clientMessageId: text, text })),
    );
    expect((await transcript()).filter((line) => line.startsWith('bot: You said'))).toEqual([
      'bot: You said: one',
      'bot: You said: two',
      'bot: You said: three',
    ]);
    expect(bot.heard).toEqual([
      { type: 'start' },
      { type: 'text', text: 'one' },
      { type: 'text', text: 'two' },
      { type: 'text', text: 'three' },
    ]);
  });

  it('answers after a restart what the customer said before the crash', async () => {
    const { db, writes, botTurns, claims, transcript } = await conversation(scriptedBot(echo));
    // Stored and acknowledged, but the process died before the bot's turn ran.
    await writes.run(() =>
      appendEntries(db, claims.orgId, claims.conversationId, [
        { actorType: 'customer', actorName: 'Customer', type: 'text', payload: { text: 'hello?' } },
      ]),
    );
    expect(botTurns.resumePending()).toBe(1);
    expect(await transcript()).toEqual(['bot: Hi!', 'customer: hello?', 'bot: You said: hello?']);
    expect(botTurns.resumePending()).toBe(0);
  });

  it('hands off to the queue the bot names, its hand-off message said last', async () => {
    const bot = scriptedBot(() => ({
      entries: [botSays('Let me find someone.')],
      state: { node: 'escalate' },
      status: 'escalated',
      handoff: handoffTo('Orders'),
    }));
    const { db, entries, claims, transcript, session } = await conversation(bot);
    await entries.send(claims, { clientMessageId: 'm1', text: 'a person please' });
    expect(await transcript()).toEqual([
      'bot: Hi!',
      'customer: a person please',
      'bot: Let me find someone.',
      'bot: Connecting you with the team.',
      'system: waiting',
      'system: position 1',
    ]);
    expect(session()).toMatchObject({
      status: 'waiting',
      agentType: 'bot_to_agent',
      botHandledSeq: 2,
      botState: { node: 'escalate' },
    });
    const orders = db.select().from(queues).where(eq(queues.name, 'Orders')).get();
    expect(db.select().from(workItems).all()).toMatchObject([
      {
        queueId: orders?.id,
        priority: 2,
        requiredSkills: [{ skill: 'orders', minLevel: 5 }],
        handoff: { summary: 'Wants a person' },
      },
    ]);
  });

  it('lets the bot answer "no agent" when nobody can take its hand-off, and keeps why', async () => {
    const bot = scriptedBot((input) =>
      input.type === 'noAgent'
        ? {
            entries: [botSays('Nobody from that team is in. Can I help?')],
            state: { node: 'menu' },
            status: 'awaiting_input',
            trace: { steps: ['no agent'] },
          }
        : {
            entries: [],
            state: { node: 'escalate' },
            status: 'escalated',
            handoff: handoffTo('Nowhere'),
            trace: { steps: ['hand-off'] },
          },
    );
    const { db, entries, claims, transcript, session } = await conversation(bot);
    await entries.send(claims, { clientMessageId: 'm1', text: 'a person please' });
    expect(await transcript()).toEqual([
      'bot: Hi!',
      'customer: a person please',
      'bot: Nobody from that team is in. Can I help?',
    ]);
    expect(bot.heard.map((input) => input.type)).toEqual(['start', 'text', 'noAgent']);
    expect(session()).toMatchObject({ status: 'new', agentType: 'bot', botHandledSeq: 2 });
    expect(db.select().from(workItems).all()).toEqual([]);
    expect(
      db
        .select({ status: botTurnTraces.status, trace: botTurnTraces.trace })
        .from(botTurnTraces)
        .orderBy(botTurnTraces.turn)
        .all(),
    ).toEqual([
      { status: 'escalated', trace: { steps: ['hand-off'] } },
      { status: 'awaiting_input', trace: { steps: ['no agent'], noAgentReason: 'NO_QUEUE' } },
    ]);
  });

  it('gives a lapsed bot wait its timeout turn once, however often the sweep looks', async () => {
    const bot = scriptedBot(
      () => ({
        entries: [botSays('Still there?')],
        state: { node: 'menu' },
        status: 'awaiting_input',
      }),
      (session) =>
        (session.botState as { node?: string }).node === 'menu'
          ? { wait: 1, afterMs: 5 * MINUTE }
          : null,
    );
    const { botTurns, transcript } = await conversation(bot);
    botTurns.answerSilentWaits(Date.now() + 4 * MINUTE);
    expect(await transcript()).toEqual(['bot: Hi!']);
    const later = Date.now() + 6 * MINUTE;
    botTurns.answerSilentWaits(later);
    botTurns.answerSilentWaits(later);
    await botTurns.idle();
    botTurns.answerSilentWaits(later);
    expect(await transcript()).toEqual(['bot: Hi!', 'bot: Still there?']);
    expect(bot.heard.map((input) => input.type)).toEqual(['start', 'timeout']);
  });
});
