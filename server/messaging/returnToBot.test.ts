import { and, eq } from 'drizzle-orm';
import { describe, expect, it } from 'vitest';
import type { Entry } from '../../contract/entries';
import {
  agentStates,
  messagingSessions,
  routingDecisions,
  staffUsers,
  workItems,
} from '../db/schema';
import { apiClient } from '../testing/apiClient';
import { useTestApi } from '../testing/apiServer';

const lines = (entries: Entry[]) =>
  entries.map((entry) => {
    const { payload } = entry;
    if (entry.type === 'participant_changed') {
      const { participant, change } = payload as { participant: { name: string }; change: string };
      return `${participant.name} ${change}`;
    }
    if (entry.type === 'status_changed') return `status ${payload.to} (${payload.reason})`;
    return `${entry.actor.type}: ${String(payload.text ?? entry.type)}`;
  });

// The demo bot's Orders hand-off goes on to "Is there anything else?" when handed back.
describe('an agent handing the conversation back to the bot', () => {
  const startApi = useTestApi();

  async function withAlice() {
    const api = await startApi();
    const { db, runtime } = api;
    const alice = db.select().from(staffUsers).where(eq(staffUsers.email, 'alice@acme.test')).get();
    if (!alice) throw new Error('alice missing');
    const agent = { id: alice.id, orgId: alice.orgId, name: alice.name };
    runtime.router.setPresence(alice.orgId, alice.id, { presence: 'online' }, alice.id);

    const client = apiClient(api.base);
    const { body } = await client.start();
    const { conversationId, accessToken } = body;
    const say = async (clientMessageId: string, text: string) => {
      await client.send(conversationId, accessToken, { clientMessageId, text });
      await runtime.botTurns.idle();
    };
    await say('c1', 'I need to talk to a person about my order A1001');
    const item = db.select().from(workItems).where(eq(workItems.sessionId, conversationId)).get();
    if (item?.status !== 'offered') throw new Error(`expected an offer, got ${item?.status}`);
    runtime.router.accept(alice.orgId, item.id, alice.id);
    await runtime.agentConversations.reply(agent, conversationId, {
      text: 'Your parcel left this morning.',
      clientMessageId: 'a1',
    });
    await say('c2', 'thanks, that is all I needed from you');
    const session = () =>
      db.select().from(messagingSessions).where(eq(messagingSessions.id, conversationId)).get();
    const entries = () => client.entries(conversationId, accessToken);
    return { api, agent, item, say, session, entries };
  }

  it('closes the agent item, tells the customer, and the bot takes its "Back from an agent" path', async () => {
    const { api, agent, item, session, entries } = await withAlice();
    const before = (await entries()).length;

    await api.runtime.agentConversations.returnToBot(agent, item.sessionId);
    await api.runtime.botTurns.idle();

    expect(lines((await entries()).slice(before))).toEqual([
      `${agent.name} left`,
      'status active (returned_to_bot)',
      'bot: Is there anything else I can help you with?',
    ]);
    expect(session()).toMatchObject({ status: 'active', agentType: 'bot', agentId: null });
    const closed = api.db.select().from(workItems).where(eq(workItems.id, item.id)).get();
    expect(closed?.status).toBe('completed');
    const alice = api.db
      .select({ load: agentStates.load })
      .from(agentStates)
      .where(eq(agentStates.userId, agent.id))
      .get();
    expect(alice?.load).toBe(0);
    const decision = api.db
      .select({ reason: routingDecisions.reason })
      .from(routingDecisions)
      .where(and(eq(routingDecisions.workItemId, item.id), eq(routingDecisions.event, 'completed')))
      .get();
    expect(decision?.reason).toBe('handed back to the bot');
  });

  it('leaves what the customer told the agent unanswered by the bot, and answers what comes next', async () => {
    const { api, agent, item, say, entries } = await withAlice();
    await api.runtime.agentConversations.returnToBot(agent, item.sessionId);
    await api.runtime.botTurns.idle();
    const botLines = async () => lines(await entries()).filter((line) => line.startsWith('bot: '));
    const handedBack = await botLines();
    expect(handedBack.filter((line) => line.includes('anything else'))).toHaveLength(1);

    await say('c3', 'no');
    expect((await botLines()).slice(handedBack.length)).toEqual([
      'bot: Thanks for chatting with us. Have a great day!',
      'bot: How would you rate this conversation, from 1 to 5?',
    ]);
  });

  it('is refused to anyone but the agent holding the conversation, and changes nothing', async () => {
    const { api, item, session } = await withAlice();
    const bob = api.db.select().from(staffUsers).where(eq(staffUsers.email, 'bob@acme.test')).get();
    if (!bob) throw new Error('bob missing');
    await expect(
      api.runtime.agentConversations.returnToBot(
        { id: bob.id, orgId: bob.orgId, name: bob.name },
        item.sessionId,
      ),
    ).rejects.toMatchObject({ code: 'FORBIDDEN' });
    expect(session()).toMatchObject({ status: 'active', agentType: 'bot_to_agent' });
  });
});
