import { eq } from 'drizzle-orm';
import { describe, expect, it, vi } from 'vitest';
import type { TurnTrace } from '../../bot-runtime/engine';
import { PublishedBotRunner } from '../bots/publishedBotRunner';
import type { Db } from '../db/client';
import { botTurnTraces, conversationEntries, messagingSessions, orgs } from '../db/schema';
import { apiClient } from '../testing/apiClient';
import { useTestApi } from '../testing/apiServer';

function tracesOf(db: Db, sessionId: string) {
  return db
    .select()
    .from(botTurnTraces)
    .where(eq(botTurnTraces.sessionId, sessionId))
    .orderBy(botTurnTraces.turn)
    .all()
    .map((row) => ({ ...row, trace: row.trace as TurnTrace }));
}

function botEntriesOf(db: Db, sessionId: string) {
  return db
    .select()
    .from(conversationEntries)
    .where(eq(conversationEntries.sessionId, sessionId))
    .all()
    .filter((entry) => entry.actorType === 'bot');
}

describe('bot turn traces of customer conversations', () => {
  const startApi = useTestApi();

  it('stores each turn of the published bot with the nodes it entered and the NLU ranking', async () => {
    const { base, db, runtime } = await startApi();
    const client = apiClient(base);
    const { body } = await client.start();
    await client.send(body.conversationId, body.accessToken, {
      clientMessageId: 'm1',
      text: 'where is my order A1001?',
    });
    await runtime.botTurns.idle();

    const session = db
      .select()
      .from(messagingSessions)
      .where(eq(messagingSessions.id, body.conversationId))
      .get();
    const [greeting, answer, ...rest] = tracesOf(db, body.conversationId);
    expect(rest).toEqual([]);
    expect(greeting).toMatchObject({
      turn: 1,
      orgId: session?.orgId,
      botVersionId: session?.botVersionId,
      status: 'awaiting_input',
      trace: { input: { type: 'start' }, error: null },
    });
    expect(answer).toMatchObject({ turn: 2, status: 'awaiting_input' });
    expect(answer?.createdAt).toBeInstanceOf(Date);

    const steps = answer?.trace.steps ?? [];
    expect(steps.map((step) => step.nodeId)).toEqual(
      expect.arrayContaining(['menu', 'lookupOrder', 'orderAnswer', 'anythingElse']),
    );
    const nlu = steps.flatMap((step) => step.reasons).find((reason) => reason.kind === 'nlu');
    expect(nlu).toMatchObject({ text: 'where is my order A1001?', intent: 'orderStatus' });
    expect(nlu?.kind === 'nlu' && nlu.ranking[0]).toMatchObject({
      intent: 'orderStatus',
      confidence: expect.any(Number),
    });
    const action = steps.flatMap((step) => step.reasons).find((reason) => reason.kind === 'action');
    expect(action).toMatchObject({ action: expect.any(String), durationMs: expect.any(Number) });
  });

  it('commits the trace with the reply it explains, also when the bot hands over', async () => {
    const { base, db, runtime } = await startApi();
    const client = apiClient(base);
    const { body } = await client.start();
    await client.send(body.conversationId, body.accessToken, {
      clientMessageId: 'm1',
      text: 'where is my order Z9999?',
    });
    await runtime.botTurns.idle();

    const entries = await client.entries(body.conversationId, body.accessToken);
    expect(entries.at(-2)?.payload).toMatchObject({ to: 'waiting', reason: 'escalated' });
    const traces = tracesOf(db, body.conversationId);
    expect(traces.map((row) => row.status)).toEqual(['awaiting_input', 'escalated']);
    expect(traces[1]?.trace.steps.at(-1)?.nodeType).toBe('escalate');
  });

  /**
   * Opens a conversation, then makes the database refuse what `trigger` refuses and sends a
   * question: the bot's turn fails to commit and is logged once.
   */
  async function turnThatCannotCommit(trigger: string) {
    const { base, db, runtime } = await startApi();
    const client = apiClient(base);
    const { body } = await client.start();
    const repliesBefore = botEntriesOf(db, body.conversationId).length;
    db.$client.exec(trigger);
    const logged = vi.spyOn(console, 'error').mockImplementation(() => {});
    await client.send(body.conversationId, body.accessToken, {
      clientMessageId: 'm1',
      text: 'opening hours?',
    });
    await runtime.botTurns.idle();
    const failures = logged.mock.calls.length;
    logged.mockRestore();
    expect(failures).toBe(1);
    return { db, sessionId: body.conversationId, repliesBefore };
  }

  it('keeps neither the reply nor the trace when the trace cannot be stored', async () => {
    const { db, sessionId, repliesBefore } = await turnThatCannotCommit(
      `create trigger refuse_traces before insert on bot_turn_traces
       begin select raise(abort, 'trace store unavailable'); end`,
    );
    expect(botEntriesOf(db, sessionId)).toHaveLength(repliesBefore);
    expect(tracesOf(db, sessionId).map((row) => row.turn)).toEqual([1]);
  });

  it('keeps no trace when the reply cannot be stored', async () => {
    const { db, sessionId, repliesBefore } = await turnThatCannotCommit(
      `create trigger refuse_bot_entries before insert on conversation_entries
       when new.actor_type = 'bot'
       begin select raise(abort, 'entries unavailable'); end`,
    );
    expect(botEntriesOf(db, sessionId)).toHaveLength(repliesBefore);
    expect(tracesOf(db, sessionId).map((row) => row.turn)).toEqual([1]);
  });

  it('stores no trace, and answers all the same, when the host keeps none', async () => {
    const { base, db, runtime } = await startApi({
      bot: (db) => new PublishedBotRunner(db, { storeTraces: false }),
    });
    const client = apiClient(base);
    const { body } = await client.start();
    await client.send(body.conversationId, body.accessToken, {
      clientMessageId: 'm1',
      text: 'what are your opening hours?',
    });
    await runtime.botTurns.idle();

    expect(botEntriesOf(db, body.conversationId).length).toBeGreaterThan(1);
    expect(tracesOf(db, body.conversationId)).toEqual([]);
  });

  it('deletes the traces with their session and with their org', async () => {
    const { base, db, runtime } = await startApi();
    const client = apiClient(base);
    const first = (await client.start()).body;
    const second = (await client.start()).body;
    await runtime.botTurns.idle();
    expect(tracesOf(db, first.conversationId)).toHaveLength(1);

    db.delete(messagingSessions).where(eq(messagingSessions.id, first.conversationId)).run();
    expect(tracesOf(db, first.conversationId)).toEqual([]);
    expect(tracesOf(db, second.conversationId)).toHaveLength(1);

    const [session] = db
      .select({ orgId: messagingSessions.orgId })
      .from(messagingSessions)
      .where(eq(messagingSessions.id, second.conversationId))
      .all();
    db.delete(orgs)
      .where(eq(orgs.id, session?.orgId ?? ''))
      .run();
    expect(db.select().from(botTurnTraces).all()).toEqual([]);
  });
});
