import { describe, expect, it } from 'vitest';
import type { FlowDocument } from '../../bot-runtime/flow';
import type { Db } from '../db/client';
import { contacts } from '../db/schema';
import { createOrg, trpcRejection } from '../testing/fixtures';
import { botTexts, supportBot, withNode } from '../testing/supportBot';
import { useTestDb } from '../testing/testDb';

const start = { type: 'start' as const };

describe('previewing a published version', () => {
  const openDb = useTestDb();

  it('chats with the version as published, whatever the draft says now', async () => {
    const { bot, document, bots, qa } = await supportBot(openDb());
    const version = await bots.publish({ botId: bot.id, note: 'first' });
    const draft = withNode(document, 'greet', { text: 'Hello from the draft' });
    await bots.saveDraft({ botId: bot.id, baseRevision: 1, document: draft });

    const onVersion = await qa.previewTurn({
      botId: bot.id,
      document: draft,
      versionId: version.id,
      state: null,
      input: start,
    });
    const onDraft = await qa.previewTurn({
      botId: bot.id,
      document: draft,
      state: null,
      input: start,
    });

    expect(botTexts(onVersion.entries)[0]).toMatch(/^Hi! I'm the Parley assistant/);
    expect(botTexts(onDraft.entries)[0]).toBe('Hello from the draft');
    const asked = await qa.previewTurn({
      botId: bot.id,
      document: draft,
      versionId: version.id,
      state: onVersion.state,
      input: { type: 'text', text: 'where is my order A1001' },
    });
    expect(botTexts(asked.entries)).toContain('Order A1001 is shipped.');
  });

  it("refuses another bot's or another organisation's version as if it did not exist", async () => {
    const db = openDb();
    const { bot, document, bots } = await supportBot(db);
    const otherBot = await bots.create({ name: 'Other', template: 'customerSupport' });
    const otherBotVersion = await bots.publish({ botId: otherBot.id, note: '' });
    const globex = await supportBot(db, 'globex');
    const globexVersion = await globex.bots.publish({ botId: globex.bot.id, note: '' });

    for (const versionId of [otherBotVersion.id, globexVersion.id, 'no-such-version']) {
      const error = await trpcRejection(
        bots.previewTurn({ botId: bot.id, document, versionId, state: null, input: start }),
      );
      expect(error.code).toBe('NOT_FOUND');
    }
  });
});

describe('starting a preview from a node, with variables set', () => {
  const openDb = useTestDb();

  it('begins at the chosen node with the variables given', async () => {
    const { bot, document, qa } = await supportBot(openDb());

    const turn = await qa.previewTurn({
      botId: bot.id,
      document,
      state: null,
      input: start,
      start: { nodeId: 'orderAnswer', variables: { orderNumber: 'A2002', orderState: 'delayed' } },
    });

    expect(turn.trace.steps[0]?.nodeId).toBe('orderAnswer');
    expect(botTexts(turn.entries)[0]).toBe('Order A2002 is delayed.');
    expect(turn.state.session.variables).toMatchObject({ orderNumber: 'A2002', topic: 'general' });
  });

  it('reads the start settings only when the conversation starts', async () => {
    const { bot, document, qa } = await supportBot(openDb());
    const first = await qa.previewTurn({ botId: bot.id, document, state: null, input: start });

    const next = await qa.previewTurn({
      botId: bot.id,
      document,
      state: first.state,
      input: { type: 'text', text: 'where is my order A1001' },
      start: { nodeId: 'goodbye', variables: { orderNumber: 'Z9' } },
    });

    expect(botTexts(next.entries)).toContain('Order A1001 is shipped.');
  });

  it('names a node or variable the flow does not have', async () => {
    const { bot, document, qa } = await supportBot(openDb());

    const noNode = await trpcRejection(
      qa.previewTurn({
        botId: bot.id,
        document,
        state: null,
        input: start,
        start: { nodeId: 'nope' },
      }),
    );
    expect(noNode.code).toBe('BAD_REQUEST');
    expect(noNode.message).toBe('The flow has no node "nope" to start from.');

    const noVariable = await trpcRejection(
      qa.previewTurn({
        botId: bot.id,
        document,
        state: null,
        input: start,
        start: { variables: { shoeSize: 42 } },
      }),
    );
    expect(noVariable.code).toBe('BAD_REQUEST');
    expect(noVariable.message).toMatch(/declares no variable "shoeSize"/);
  });
});

describe('previewing as a verified customer', () => {
  const openDb = useTestDb();

  function addContact(db: Db, orgId: string, externalUserId: string, name: string) {
    return db
      .insert(contacts)
      .values({ orgId, externalUserId, name, email: `${externalUserId}@example.test` })
      .returning({ id: contacts.id })
      .get().id;
  }

  async function resetPassword(
    qa: Awaited<ReturnType<typeof supportBot>>['qa'],
    botId: string,
    document: FlowDocument,
    customer?: { contactId: string } | { customerId: string },
  ) {
    const first = await qa.previewTurn({ botId, document, state: null, input: start, customer });
    const turn = await qa.previewTurn({
      botId,
      document,
      state: first.state,
      input: { type: 'text', text: 'I forgot my password' },
      customer,
    });
    return { texts: botTexts(turn.entries), trace: turn.trace };
  }

  it("takes the password reset's verified path for a contact of the org", async () => {
    const db = openDb();
    const { org, bot, document, qa } = await supportBot(db);
    const contactId = addContact(db, org.id, 'cus_42', 'Ada Lovelace');

    const { texts, trace } = await resetPassword(qa, bot.id, document, { contactId });

    expect(texts[0]).toMatch(
      /^I've sent a password reset link to the email address on your account/,
    );
    expect(trace.steps.map((step) => step.nodeId)).toContain('resetSentVerified');
  });

  it('runs as a customer id typed in, and asks an anonymous customer for the email', async () => {
    const { bot, document, qa } = await supportBot(openDb());

    const typed = await resetPassword(qa, bot.id, document, { customerId: 'app-user-7' });
    const anonymous = await resetPassword(qa, bot.id, document);

    expect(typed.texts[0]).toMatch(/^I've sent a password reset link/);
    expect(anonymous.texts[0]).toMatch(/What's the email address on your account\?/);
  });

  it("refuses another organisation's contact as if it did not exist", async () => {
    const db = openDb();
    const { bot, document, qa } = await supportBot(db);
    const globex = createOrg(db, 'globex');
    const theirs = addContact(db, globex.id, 'cus_1', 'Someone Else');

    const error = await trpcRejection(
      qa.previewTurn({
        botId: bot.id,
        document,
        state: null,
        input: start,
        customer: { contactId: theirs },
      }),
    );
    expect(error.code).toBe('NOT_FOUND');
  });

  it("lists the org's own contacts only, searched and a page at a time", async () => {
    const db = openDb();
    const { org, qa } = await supportBot(db);
    for (let i = 1; i <= 25; i++)
      addContact(db, org.id, `cus_${i}`, `Customer ${String(i).padStart(2, '0')}`);
    addContact(db, org.id, 'ada', 'Ada Lovelace');
    const globex = createOrg(db, 'globex');
    addContact(db, globex.id, 'ada-globex', 'Ada Globex');

    const first = await qa.previewContacts({ page: 1, pageSize: 20, search: '' });
    expect(first.total).toBe(26);
    expect(first.items).toHaveLength(20);
    expect(first.items[0]).toMatchObject({ name: 'Ada Lovelace', externalUserId: 'ada' });
    const second = await qa.previewContacts({ page: 2, pageSize: 20, search: '' });
    expect(second.items).toHaveLength(6);

    const found = await qa.previewContacts({ page: 1, pageSize: 20, search: 'ada' });
    expect(found.items.map((contact) => contact.name)).toEqual(['Ada Lovelace']);
  });
});
