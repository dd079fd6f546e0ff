import { eq } from 'drizzle-orm';
import { describe, expect, it } from 'vitest';
import type { TurnTrace } from '../../bot-runtime/engine';
import type { Db } from '../db/client';
import {
  botTurnTraces,
  botVersions,
  conversationEntries,
  messagingSessions,
  misunderstoodMessages,
} from '../db/schema';
import { apiClient } from '../testing/apiClient';
import { useTestApi } from '../testing/apiServer';
import { callerFor, createOrg, createStaff, trpcRejection } from '../testing/fixtures';
import { publishTestFlow } from '../testing/publishTestFlow';
import { ignoredPhrases } from './misunderstood';

/** Off the demo bot's topics, and worded unlike its phrases: its menu does not understand them. */
const PROMO = 'is there a promo code';
const JOKE = 'tell me a joke about penguins';
const UNDERSTOOD = 'where is my order A1001?';

async function conversationWith(
  startApi: ReturnType<typeof useTestApi>,
  texts: string[],
  publish?: (db: Db) => void,
) {
  const { base, db, runtime } = await startApi();
  publish?.(db);
  const client = apiClient(base);
  const { body } = await client.start();
  for (const [n, text] of texts.entries()) {
    await client.send(body.conversationId, body.accessToken, { clientMessageId: `m${n}`, text });
    await runtime.botTurns.idle();
  }
  const session = db
    .select()
    .from(messagingSessions)
    .where(eq(messagingSessions.id, body.conversationId))
    .get();
  if (!session?.botId || !session.botVersionId) throw new Error('The demo bot did not answer.');
  return { db, session: { ...session, botId: session.botId } };
}

function itemsOf(db: Db, sessionId: string) {
  return db
    .select()
    .from(misunderstoodMessages)
    .where(eq(misunderstoodMessages.sessionId, sessionId))
    .orderBy(misunderstoodMessages.seq)
    .all();
}

function customerSeq(db: Db, sessionId: string, text: string) {
  return db
    .select()
    .from(conversationEntries)
    .where(eq(conversationEntries.sessionId, sessionId))
    .all()
    .find((entry) => entry.actorType === 'customer' && entry.payload.text === text)?.seq;
}

describe('recording what the bot did not understand', () => {
  const startApi = useTestApi();

  it('keeps each misunderstood customer message with its turn, and no understood one', async () => {
    const { db, session } = await conversationWith(startApi, [PROMO, UNDERSTOOD]);
    const items = itemsOf(db, session.id);
    expect(items).toHaveLength(1);
    const [item] = items;
    expect(item).toMatchObject({
      orgId: session.orgId,
      botId: session.botId,
      botVersionId: session.botVersionId,
      seq: customerSeq(db, session.id, PROMO),
      text: PROMO,
      status: 'open',
      addedToIntent: null,
      actedBy: null,
    });
    // The score and closest intent are the NLU's, as the turn's trace recorded them.
    const nlu = db
      .select()
      .from(botTurnTraces)
      .where(eq(botTurnTraces.sessionId, session.id))
      .all()
      .flatMap((row) => (row.trace as TurnTrace).steps.flatMap((step) => step.reasons))
      .find((reason) => reason.kind === 'nlu' && reason.text === PROMO);
    expect(nlu?.kind === 'nlu' && nlu.intent).toBeNull();
    expect(item?.topIntent).toBe(nlu?.kind === 'nlu' ? nlu.ranking[0]?.intent : 'none');
    expect(item?.score).toBeCloseTo(nlu?.kind === 'nlu' ? (nlu.ranking[0]?.confidence ?? 0) : 0);
  });

  it('also in the write that hands the customer to a human', async () => {
    // Words no phrase of this two-intent bot shares, nor any language has: below its threshold.
    const GIBBERISH = 'zzqx vlorp';
    const { db, session } = await conversationWith(startApi, [GIBBERISH], (db) =>
      publishTestFlow(db, 'acme-app', {
        nodes: [
          { id: 'start', type: 'start' },
          { id: 'menu', type: 'intent', data: { intents: [{ intent: 'orderStatus' }] } },
          { id: 'done', type: 'end' },
          { id: 'human', type: 'escalate', data: { queue: 'Orders' } },
        ],
        edges: [
          ['start', 'next', 'menu'],
          ['menu', 'orderStatus', 'done'],
          ['menu', 'fallback', 'human'],
          ['human', 'noAgent', 'human'],
        ],
        nlu: {
          intents: [
            {
              name: 'orderStatus',
              description: '',
              phrases: ['where is my order', 'track my order', 'order status', 'my parcel'],
            },
            {
              name: 'passwordReset',
              description: '',
              phrases: ['reset my password', 'forgot password', 'cannot log in', 'new password'],
            },
          ],
        },
      }),
    );
    expect(session.status).toBe('waiting');
    expect(itemsOf(db, session.id)).toMatchObject([{ text: GIBBERISH, status: 'open' }]);
  });

  it('keeps one per misunderstood message, beyond the life of the traces and not beyond the conversation', async () => {
    const { db, session } = await conversationWith(startApi, [PROMO, JOKE]);
    expect(itemsOf(db, session.id).map((item) => item.text)).toEqual([PROMO, JOKE]);
    db.delete(botTurnTraces).where(eq(botTurnTraces.sessionId, session.id)).run();
    expect(itemsOf(db, session.id)).toHaveLength(2);
    // Customer data: deleting the conversation deletes its messages here too.
    db.delete(messagingSessions).where(eq(messagingSessions.id, session.id)).run();
    expect(itemsOf(db, session.id)).toEqual([]);
  });
});

describe('the misunderstood inbox procedures', () => {
  const startApi = useTestApi();

  async function inbox() {
    const { db, session } = await conversationWith(startApi, [PROMO, JOKE]);
    const designer = await createStaff(db, session.orgId, 'designer');
    const asDesigner = callerFor(db, designer);
    return { db, session, designer, asDesigner, botId: session.botId };
  }

  it('lists the open messages in groups with their scores, and counts them per bot', async () => {
    const { asDesigner, botId } = await inbox();
    const page = await asDesigner.misunderstood.groups({ botId });
    expect(page).toMatchObject({ page: 1, pageSize: 10, openMessages: 2, truncated: false });
    const messages = page.items.flatMap((group) => group.messages);
    expect(messages.map((m) => m.text).sort()).toEqual([PROMO, JOKE].sort());
    for (const group of page.items) {
      expect(group.size).toBe(group.messages.length);
      expect(group.closestIntent).toEqual(expect.any(String));
      expect(group.meanScore).toBeGreaterThan(0);
    }
    expect(await asDesigner.misunderstood.openCounts()).toEqual({ [botId]: 2 });

    const second = await asDesigner.misunderstood.groups({ botId, page: 2, pageSize: 1 });
    expect(second.items).toHaveLength(page.total - 1);
  });

  it('ignores and reopens, and lists ignored wordings for the NLU', async () => {
    const { db, session, designer, asDesigner, botId } = await inbox();
    const [promo] = itemsOf(db, session.id);
    if (!promo) throw new Error('no item');
    expect(await asDesigner.misunderstood.ignore({ botId, ids: [promo.id] })).toEqual({
      updated: 1,
    });
    expect(itemsOf(db, session.id)[0]).toMatchObject({
      status: 'ignored',
      actedBy: designer.id,
      actedAt: expect.any(Date),
    });
    expect(await asDesigner.misunderstood.openCounts()).toEqual({ [botId]: 1 });
    expect(ignoredPhrases(db, session.orgId, botId)).toEqual([PROMO]);
    // Ignoring twice changes nothing; Undo puts it back.
    expect(await asDesigner.misunderstood.ignore({ botId, ids: [promo.id] })).toEqual({
      updated: 0,
    });
    expect(await asDesigner.misunderstood.reopen({ botId, ids: [promo.id] })).toEqual({
      updated: 1,
    });
    expect(itemsOf(db, session.id)[0]).toMatchObject({ status: 'open', actedBy: null });
    expect(ignoredPhrases(db, session.orgId, botId)).toEqual([]);
  });

  it('teaches the bot an ignored message as its own off-topic, even with the background off', async () => {
    const { db, session, asDesigner, botId } = await inbox();
    const version = db.select().from(botVersions).where(eq(botVersions.botId, botId)).get();
    if (!version) throw new Error('no version');
    const flow = version.flow as { settings: Record<string, unknown> };
    const document = { ...flow, settings: { ...flow.settings, nluBackground: false } };
    const tryPromo = () => asDesigner.bots.tryNlu({ botId, document, text: PROMO });
    // Without a background the model has no "none of these" to measure against.
    expect((await tryPromo()).thresholdEffect?.rejected ?? null).toBeNull();

    const [promo] = itemsOf(db, session.id);
    if (!promo) throw new Error('no item');
    await asDesigner.misunderstood.ignore({ botId, ids: [promo.id] });
    const trial = await tryPromo();
    expect(trial.thresholdEffect?.rejected).toEqual(expect.any(Number));
    expect(trial.intent).toBeNull();
  });

  it('marks a message added only once the saved draft’s intent has its wording', async () => {
    const { db, session, asDesigner, botId } = await inbox();
    const [promo] = itemsOf(db, session.id);
    if (!promo) throw new Error('no item');
    const unsaved = await trpcRejection(
      asDesigner.misunderstood.markAdded({ botId, ids: [promo.id], intent: 'returnsInfo' }),
    );
    expect(unsaved.code).toBe('BAD_REQUEST');
    expect(unsaved.message).toContain('let the draft save');
    const unknown = await trpcRejection(
      asDesigner.misunderstood.markAdded({ botId, ids: [promo.id], intent: 'noSuchIntent' }),
    );
    expect(unknown.message).toContain('no intent “noSuchIntent”');

    const draft = await asDesigner.bots.draft({ botId });
    const document = {
      ...draft.document,
      nlu: {
        ...draft.document.nlu,
        intents: draft.document.nlu.intents.map((intent) =>
          intent.name === 'returnsInfo'
            ? { ...intent, phrases: [...intent.phrases, 'Is there a  promo code'] }
            : intent,
        ),
      },
    };
    await asDesigner.bots.saveDraft({ botId, baseRevision: draft.revision, document });
    expect(
      await asDesigner.misunderstood.markAdded({ botId, ids: [promo.id], intent: 'returnsInfo' }),
    ).toEqual({ updated: 1 });
    expect(itemsOf(db, session.id)[0]).toMatchObject({
      status: 'added',
      addedToIntent: 'returnsInfo',
    });
    expect(await asDesigner.misunderstood.openCounts()).toEqual({ [botId]: 1 });
  });

  it('refuses bad input with a field error', async () => {
    const { asDesigner, botId } = await inbox();
    const error = await trpcRejection(asDesigner.misunderstood.ignore({ botId, ids: [] }));
    expect(error.code).toBe('BAD_REQUEST');
  });

  it('shows another org nothing and lets it change nothing', async () => {
    const { db, session, asDesigner, botId } = await inbox();
    const other = createOrg(db, 'other');
    const asOther = callerFor(db, await createStaff(db, other.id, 'admin'));
    const ids = itemsOf(db, session.id).map((item) => item.id);

    expect((await trpcRejection(asOther.misunderstood.groups({ botId }))).code).toBe('NOT_FOUND');
    expect(await asOther.misunderstood.openCounts()).toEqual({});
    for (const attempt of [
      asOther.misunderstood.ignore({ botId, ids }),
      asOther.misunderstood.reopen({ botId, ids }),
      asOther.misunderstood.markAdded({ botId, ids, intent: 'returnsInfo' }),
    ]) {
      expect((await trpcRejection(attempt)).code).toBe('NOT_FOUND');
    }
    expect(ignoredPhrases(db, other.id, botId)).toEqual([]);
    expect(itemsOf(db, session.id).map((item) => item.status)).toEqual(['open', 'open']);
    expect(await asDesigner.misunderstood.openCounts()).toEqual({ [botId]: 2 });
  });
});
