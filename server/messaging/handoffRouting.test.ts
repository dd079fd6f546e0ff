import { eq } from 'drizzle-orm';
import { describe, expect, it } from 'vitest';
import { messagingSessions, queues, workItems } from '../db/schema';
import type { Handoff } from '../routing/handoff';
import { apiClient } from '../testing/apiClient';
import { useTestApi } from '../testing/apiServer';
import type { BotTurnOutcome, BotTurnRunner, CustomerInput } from './botTurns';

const bot = { actorType: 'bot' as const, actorName: 'Scripted bot' };
const said = (text: string) => ({ ...bot, type: 'text' as const, payload: { text } });

/** A bot that hands off on any message and answers "no agent" as `onNoAgent` says. */
function scriptedBot(handoff: Handoff, onNoAgent: () => BotTurnOutcome) {
  const inputs: CustomerInput['type'][] = [];
  const runner: BotTurnRunner = {
    async runTurn(_session, input) {
      inputs.push(input.type);
      if (input.type === 'start') {
        return { entries: [said('Hi!')], state: {}, status: 'awaiting_input' };
      }
      if (input.type === 'noAgent') return onNoAgent();
      return { entries: [], state: {}, status: 'escalated', handoff };
    },
    silenceTimeout: () => null,
  };
  return { runner, inputs };
}

// The demo org's Orders queue has one agent, Alice, with the orders skill at level 7.
describe('a hand-off nobody can take', () => {
  const startApi = useTestApi();

  async function converse(runner: BotTurnRunner) {
    const api = await startApi({ bot: () => runner });
    const client = apiClient(api.base);
    const { body } = await client.start();
    await client.send(body.conversationId, body.accessToken, {
      clientMessageId: 'm1',
      text: 'I need a person',
    });
    await api.runtime.botTurns.idle();
    const entries = await client.entries(body.conversationId, body.accessToken);
    const session = api.db
      .select()
      .from(messagingSessions)
      .where(eq(messagingSessions.id, body.conversationId))
      .get();
    const items = api.db
      .select({ queue: queues.name, priority: workItems.priority, handoff: workItems.handoff })
      .from(workItems)
      .innerJoin(queues, eq(queues.id, workItems.queueId))
      .all();
    const texts = entries
      .filter((entry) => entry.actor.type === 'bot')
      .map((entry) => entry.payload.text);
    return { session, items, texts };
  }

  const expert: Handoff = {
    queue: 'Orders',
    skills: [{ skill: 'orders', minLevel: 9 }],
    priority: 2,
    details: { summary: 'Wants an expert' },
    said: [said('Connecting you with an expert.')],
  };

  it('stays in its queue, as handed off, when the bot fails on "no agent"', async () => {
    // A turn that fails inside the bot keeps its state: still escalated, with no new hand-off.
    const { runner, inputs } = scriptedBot(expert, () => ({
      entries: [said('Sorry, something went wrong on my side.')],
      state: {},
      status: 'escalated',
    }));
    const { session, items, texts } = await converse(runner);
    expect(inputs).toEqual(['start', 'text', 'noAgent']);
    expect(session?.status).toBe('waiting');
    expect(items).toEqual([
      { queue: 'Orders', priority: 2, handoff: { summary: 'Wants an expert' } },
    ]);
    expect(texts).toEqual([
      'Hi!',
      'Sorry, something went wrong on my side.',
      'Connecting you with an expert.',
    ]);
  });

  it('asks the bot a few times at most when every hand-off it makes goes nowhere', async () => {
    const nowhere: Handoff = { ...expert, queue: 'Nowhere' };
    const { runner, inputs } = scriptedBot(nowhere, () => ({
      entries: [said('Let me try another team.')],
      state: {},
      status: 'escalated',
      handoff: nowhere,
    }));
    const { session, items, texts } = await converse(runner);
    expect(inputs).toEqual(['start', 'text', 'noAgent', 'noAgent', 'noAgent']);
    expect(session?.status).toBe('waiting');
    expect(items).toEqual([]);
    expect(texts).toEqual([
      'Hi!',
      'Let me try another team.',
      'Let me try another team.',
      'Let me try another team.',
      'Connecting you with an expert.',
    ]);
  });
});
