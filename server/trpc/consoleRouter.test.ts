import { eq } from 'drizzle-orm';
import { describe, expect, it } from 'vitest';
import type { StaffUser } from '../auth/staffAuth';
import type { ConsoleServices } from '../console/consoleServices';
import { staffUsers } from '../db/schema';
import { callerFor, createOrg, createStaff, trpcRejection } from '../testing/fixtures';
import { useMessagingConversation } from '../testing/messagingRuntime';
import { botSays, scriptedBot } from '../testing/scriptedBot';

const escalatingBot = () =>
  scriptedBot(() => ({
    entries: [botSays('Let me find someone.')],
    state: { node: 'escalate' },
    status: 'escalated',
    handoff: {
      queue: 'Orders',
      skills: [{ skill: 'orders', minLevel: 5 }],
      priority: 2,
      details: {
        summary: 'Asks about A1001',
        intent: 'order_status',
        variables: { order: 'A1001' },
      },
      said: [botSays('Connecting you with the team.')],
    },
  }));

describe('the agent console API', () => {
  const start = useMessagingConversation();

  async function escalated() {
    const conversation = await start(escalatingBot().runner);
    const { db } = conversation;
    const services: ConsoleServices = {
      db,
      router: conversation.router,
      conversations: conversation.agentConversations,
      hub: conversation.hub,
      staffEvents: conversation.staffEvents,
    };
    const staff = (email: string): StaffUser => {
      const row = db.select().from(staffUsers).where(eq(staffUsers.email, email)).get();
      if (!row) throw new Error(`${email} missing`);
      return { id: row.id, orgId: row.orgId, email: row.email, name: row.name, role: row.role };
    };
    const as = (email: string) => callerFor(db, staff(email), services);
    await conversation.entries.send(conversation.claims, {
      clientMessageId: 'c1',
      text: 'a person please',
    });
    await conversation.botTurns.idle();
    return { ...conversation, as, staff };
  }

  it('offers the waiting customer to Alice once she is online; accepting makes the conversation hers', async () => {
    const { as, transcript, session } = await escalated();
    const alice = as('alice@acme.test');
    expect((await alice.console.workspace()).offers).toEqual([]);

    await alice.console.setPresence({ presence: 'online' });
    const { offers } = await alice.console.workspace();
    expect(offers).toMatchObject([
      { queueName: 'Orders', intent: 'order_status', status: 'offered' },
    ]);

    const accepted = await alice.console.accept({ workItemId: offers[0]?.workItemId ?? '' });
    expect(session()).toMatchObject({ status: 'active', agentId: expect.any(String) });
    expect((await transcript()).slice(-2)).toEqual([
      'system: active',
      'system: Alice Agent joined',
    ]);

    const view = await alice.console.conversation({ sessionId: accepted.sessionId });
    expect(view.handoff).toMatchObject({
      intent: 'order_status',
      summary: 'Asks about A1001',
      variables: { order: 'A1001' },
    });
    expect(view.entries.map((entry) => entry.actor.type)).toContain('bot');
    expect(view.workItem).toMatchObject({ status: 'accepted', queueName: 'Orders' });
  });

  it('delivers her reply to the customer once, keeps notes from the customer, and asks for a rating when she ends', async () => {
    const { as, claims, entries } = await escalated();
    const alice = as('alice@acme.test');
    await alice.console.setPresence({ presence: 'online' });
    const [offer] = (await alice.console.workspace()).offers;
    const { sessionId } = await alice.console.accept({ workItemId: offer?.workItemId ?? '' });

    await alice.console.send({
      sessionId,
      text: 'Hi, looking at A1001 now.',
      clientMessageId: 'a1',
    });
    await alice.console.send({
      sessionId,
      text: 'Hi, looking at A1001 now.',
      clientMessageId: 'a1',
    });
    await alice.console.addNote({ sessionId, body: 'Customer sounds upset; offer a refund code.' });

    const seen = entries.listEntries(claims, 0, 200).entries;
    expect(seen.filter((entry) => entry.actor.type === 'agent')).toMatchObject([
      {
        actor: { type: 'agent', name: 'Alice Agent' },
        payload: { text: 'Hi, looking at A1001 now.' },
      },
    ]);
    expect(JSON.stringify(seen)).not.toContain('refund code');
    expect((await alice.console.conversation({ sessionId })).notes).toMatchObject([
      { authorName: 'Alice Agent', body: 'Customer sounds upset; offer a refund code.' },
    ]);

    await alice.console.end({ sessionId });
    const after = entries.listEntries(claims, 0, 200).entries;
    expect(after.at(-1)).toMatchObject({ type: 'csat_request', payload: { withComment: true } });
    expect(after.at(-2)).toMatchObject({ type: 'status_changed', payload: { to: 'ended' } });
    const workspace = await alice.console.workspace();
    expect(workspace).toMatchObject({ conversations: [], load: 0 });
  });

  it('refuses replies from an agent who does not hold the conversation', async () => {
    const { as } = await escalated();
    const alice = as('alice@acme.test');
    await alice.console.setPresence({ presence: 'online' });
    const [offer] = (await alice.console.workspace()).offers;
    const sessionId = offer?.sessionId ?? '';
    const bob = as('bob@acme.test');
    const error = await trpcRejection(
      bob.console.send({ sessionId, text: 'Hello from Bob', clientMessageId: 'b1' }),
    );
    expect(error.code).toBe('FORBIDDEN');
    expect((await trpcRejection(bob.console.conversation({ sessionId }))).code).toBe('FORBIDDEN');
    // Alice has only been offered it: she may read it but not yet write in it.
    expect(
      (await trpcRejection(alice.console.send({ sessionId, text: 'x', clientMessageId: 'x' })))
        .code,
    ).toBe('FORBIDDEN');
  });

  it('passes a declined offer on, and shows the supervisor why', async () => {
    const { as, staff } = await escalated();
    const alice = as('alice@acme.test');
    await alice.console.setPresence({ presence: 'online' });
    const [offer] = (await alice.console.workspace()).offers;
    await alice.console.decline({ workItemId: offer?.workItemId ?? '', reason: 'On a call' });
    expect((await alice.console.workspace()).offers).toEqual([]);

    const supervisor = as('supervisor@acme.test');
    const decisions = await supervisor.supervisor.decisions({
      workItemId: offer?.workItemId ?? '',
    });
    expect(decisions.map((row) => row.event)).toEqual(['queued', 'offered', 'declined', 'waiting']);
    expect(decisions[2]).toMatchObject({ agentName: 'Alice Agent', reason: 'On a call' });
    expect(decisions[3]?.considered).toMatchObject([
      { agentId: staff('alice@acme.test').id, verdict: 'passed_over' },
    ]);
    const overview = await supervisor.supervisor.overview();
    expect(overview.queues.find((queue) => queue.name === 'Orders')).toMatchObject({
      waiting: 1,
      agentsOnline: 1,
    });
  });

  it("lets a supervisor put an agent in one of the org's own statuses, as the agent could", async () => {
    const { as, db, staff } = await escalated();
    const supervisor = as('supervisor@acme.test');
    const { statuses } = await supervisor.supervisor.overview();
    expect(statuses.map((status) => [status.name, status.takesWork])).toEqual([
      ['Lunch', false],
      ['Training', false],
    ]);
    const lunch = statuses.find((status) => status.name === 'Lunch');
    const alice = staff('alice@acme.test');

    await supervisor.supervisor.setAgentPresence({
      agentId: alice.id,
      choice: { statusId: lunch?.id ?? '' },
    });
    const floor = await supervisor.supervisor.overview();
    expect(floor.agents.find((agent) => agent.id === alice.id)).toMatchObject({
      presenceStatusId: lunch?.id,
      statusName: 'Lunch',
    });
    expect(await as('alice@acme.test').console.workspace()).toMatchObject({
      presenceStatusId: lunch?.id,
      offers: [],
    });

    const otherOrg = createOrg(db, 'other');
    const outsider = callerFor(db, await createStaff(db, otherOrg.id, 'admin'));
    expect((await outsider.supervisor.overview()).statuses).toEqual([]);
    const foreign = await trpcRejection(
      outsider.supervisor.setAgentPresence({
        agentId: alice.id,
        choice: { statusId: lunch?.id ?? '' },
      }),
    );
    expect(foreign.code).toBe('NOT_FOUND');
  });
});
