import { describe, expect, it } from 'vitest';
import { DomainError } from '../errors';
import { callerFor, createOrg, createStaff, trpcRejection } from '../testing/fixtures';
import { botTexts, supportBot, withNode } from '../testing/supportBot';
import { useTestDb } from '../testing/testDb';

describe('previewing the draft being edited', () => {
  const openDb = useTestDb();

  it('starts with the greeting and waits at the main menu', async () => {
    const { bot, document, bots } = await supportBot(openDb());

    const turn = await bots.previewTurn({
      botId: bot.id,
      document,
      state: null,
      input: { type: 'start' },
    });

    expect(botTexts(turn.entries)[0]).toMatch(/^Hi! I'm the Parley assistant/);
    expect(turn.entries.map((entry) => entry.seq)).toEqual(turn.entries.map((_, i) => i + 1));
    expect(turn.entries).toContainEqual(
      expect.objectContaining({ type: 'quick_replies', actor: { type: 'bot', name: 'Support' } }),
    );
    expect(turn.status).toBe('awaiting_input');
    expect(turn.currentNodeId).toBe('menu');
    expect(turn.trace.steps.map((step) => step.nodeId)).toEqual(['start', 'greet', 'menu']);
  });

  it('rehearses a hand-off: what routing would decide, then the path for no agent or a hand-back', async () => {
    const { bot, document, bots } = await supportBot(openDb());
    const turn = (state: unknown, input: Parameters<typeof bots.previewTurn>[0]['input']) =>
      bots.previewTurn({ botId: bot.id, document, state: state as never, input });
    const started = await turn(null, { type: 'start' });
    const escalated = await turn(started.state, {
      type: 'text',
      text: 'I need to talk to a person about my order A1001',
    });

    expect(escalated.status).toBe('escalated');
    // A new org has no queues: the bot would hear "no agent" at once, and the preview says why.
    expect(escalated.rehearsal).toMatchObject({
      noAgent: { reason: 'NO_QUEUE', explanation: 'This org has no queue named "Orders".' },
      requiredSkills: [{ skill: 'orders', minLevel: 1 }],
      chosen: null,
    });

    const busy = await turn(escalated.state, { type: 'noAgent' });
    expect(botTexts(busy.entries)).toEqual([
      'All our agents are busy right now, sorry. Please start a new chat a little later and someone will help you.',
    ]);
    const handedBack = await turn(escalated.state, { type: 'returned' });
    expect(botTexts(handedBack.entries)).toEqual(['Is there anything else I can help you with?']);
    expect(handedBack.rehearsal).toBeNull();
  });

  it('answers "where is my order A1001" from the order-status mock, with the why in the trace', async () => {
    const { bot, document, bots } = await supportBot(openDb());
    const started = await bots.previewTurn({
      botId: bot.id,
      document,
      state: null,
      input: { type: 'start' },
    });

    const turn = await bots.previewTurn({
      botId: bot.id,
      document,
      state: started.state,
      input: { type: 'text', text: 'where is my order A1001', clientMessageId: 'm1' },
    });

    expect(turn.entries[0]).toMatchObject({
      seq: started.state.lastSeq + 1,
      actor: { type: 'customer' },
      payload: { text: 'where is my order A1001' },
      clientMessageId: 'm1',
    });
    expect(botTexts(turn.entries)).toEqual([
      'Order A1001 is shipped.',
      'Is there anything else I can help you with?',
    ]);
    const reasons = turn.trace.steps.flatMap((step) => step.reasons);
    const nlu = reasons.find((reason) => reason.kind === 'nlu');
    expect(nlu).toMatchObject({ intent: 'orderStatus' });
    expect(reasons).toContainEqual(
      expect.objectContaining({
        kind: 'action',
        action: 'orderStatus',
        mocked: true,
        request: { orderNumber: 'A1001' },
        response: expect.objectContaining({ found: true, status: 'shipped' }),
      }),
    );
    expect(turn.currentNodeId).toBe('anythingElse');
  });

  it('runs unsaved edits: a changed greeting is what the preview says', async () => {
    const { bot, document, bots } = await supportBot(openDb());

    const turn = await bots.previewTurn({
      botId: bot.id,
      document: withNode(document, 'greet', { text: 'Hello from the unsaved draft' }),
      state: null,
      input: { type: 'start' },
    });

    expect(botTexts(turn.entries)[0]).toBe('Hello from the unsaved draft');
    expect((await bots.draft({ botId: bot.id })).document).toEqual(document);
  });

  it('refuses a draft with errors and lists them', async () => {
    const { bot, document, bots } = await supportBot(openDb());
    const broken = withNode(document, 'lookupOrder', { action: 'noSuchAction' });

    const error = await trpcRejection(
      bots.previewTurn({ botId: bot.id, document: broken, state: null, input: { type: 'start' } }),
    );

    expect(error.code).toBe('BAD_REQUEST');
    expect(error.message).toMatch(/Fix the draft's 1 error to preview it/);
    expect(error.cause).toBeInstanceOf(DomainError);
    expect((error.cause as DomainError).details?.issues).toEqual([
      expect.objectContaining({ code: 'UNKNOWN_ACTION', nodeId: 'lookupOrder', severity: 'error' }),
    ]);
  });

  it('refuses a conversation state that was not returned by a preview turn', async () => {
    const { bot, document, bots } = await supportBot(openDb());

    const error = await trpcRejection(
      bots.previewTurn({
        botId: bot.id,
        document,
        state: { session: { currentNodeId: 'menu' }, lastSeq: 1 } as never,
        input: { type: 'text', text: 'hello' },
      }),
    );

    expect(error.code).toBe('BAD_REQUEST');
  });

  it('lets QA preview, keeps agents out and hides other organisations’ bots', async () => {
    const db = openDb();
    const { org, bot, document, qa } = await supportBot(db);
    const request = { botId: bot.id, document, state: null, input: { type: 'start' as const } };

    const asQa = await qa.previewTurn(request);
    expect(botTexts(asQa.entries)[0]).toMatch(/^Hi!/);

    const agent = await createStaff(db, org.id, 'agent');
    expect((await trpcRejection(callerFor(db, agent).bots.previewTurn(request))).code).toBe(
      'FORBIDDEN',
    );

    const other = createOrg(db, 'globex');
    const outsider = await createStaff(db, other.id, 'designer');
    expect((await trpcRejection(callerFor(db, outsider).bots.previewTurn(request))).code).toBe(
      'NOT_FOUND',
    );
  });
});
