import { and, count, desc, eq, inArray } from 'drizzle-orm';
import type { Db } from '../db/client';
import { bots, botVersions, type MisunderstoodStatus, misunderstoodMessages } from '../db/schema';
import { DomainError } from '../errors';
import type { Page } from '../pagination';
import { getBot } from './botCatalog';
import { getDraft } from './botDrafts';
import {
  groupBySimilarity,
  nluVectorizer,
  phraseKey,
  type TextVectorizer,
} from './misunderstoodGrouping';
import { nluResources } from './nluResources';

export interface MisunderstoodMessage {
  id: string;
  text: string;
  topIntent: string | null;
  score: number;
  sessionId: string;
  seq: number | null;
  createdAt: Date;
}

export interface MisunderstoodGroup {
  /** The id of its first message: stable while the group keeps it. */
  key: string;
  size: number;
  /** The intent most of its messages came closest to; on a tie, the one they scored higher on. */
  closestIntent: string | null;
  meanScore: number;
  /** Newest first. */
  messages: MisunderstoodMessage[];
}

export interface MisunderstoodPage extends Page<MisunderstoodGroup> {
  openMessages: number;
  /** Only the newest `MAX_GROUPED` open messages were grouped. */
  truncated: boolean;
}

/**
 * Grouping compares every open message with every group: beyond this many, the newest are
 * grouped and the page says the rest wait (acting on them brings the older ones in).
 */
export const MAX_GROUPED = 2_000;

/**
 * The bot's open misunderstood messages, grouped by similarity in the feature space of its newest
 * published version's NLU (the model that will learn from them), largest groups first.
 */
export function listMisunderstoodGroups(
  db: Db,
  orgId: string,
  botId: string,
  { page, pageSize }: { page: number; pageSize: number },
): MisunderstoodPage {
  getBot(db, orgId, botId);
  const rows = db
    .select({
      id: misunderstoodMessages.id,
      text: misunderstoodMessages.text,
      topIntent: misunderstoodMessages.topIntent,
      score: misunderstoodMessages.score,
      sessionId: misunderstoodMessages.sessionId,
      seq: misunderstoodMessages.seq,
      createdAt: misunderstoodMessages.createdAt,
    })
    .from(misunderstoodMessages)
    .where(openOf(orgId, botId))
    .orderBy(desc(misunderstoodMessages.createdAt), desc(misunderstoodMessages.id))
    .limit(MAX_GROUPED + 1)
    .all();
  const truncated = rows.length > MAX_GROUPED;
  const messages = truncated ? rows.slice(0, MAX_GROUPED) : rows;
  const openMessages = truncated ? countOpen(db, orgId, botId) : messages.length;
  const groups = groupMessages(messages, vectorizerFor(db, botId));
  return {
    items: groups.slice((page - 1) * pageSize, page * pageSize),
    total: groups.length,
    page,
    pageSize,
    openMessages,
    truncated,
  };
}

/**
 * Messages with the same wording (the intents editor's notion of the same phrase) go together,
 * then the wordings group by similarity, the most repeated first.
 */
export function groupMessages(
  messages: MisunderstoodMessage[],
  vectorize: TextVectorizer,
): MisunderstoodGroup[] {
  const byWording = new Map<string, MisunderstoodMessage[]>();
  for (const message of messages) {
    const key = phraseKey(message.text);
    byWording.set(key, [...(byWording.get(key) ?? []), message]);
  }
  const wordings = [...byWording.values()].sort((a, b) => b.length - a.length);
  const clusters = groupBySimilarity(wordings.map((same) => vectorize(same[0]?.text ?? '')));
  const groups = clusters.map((members) => {
    const grouped = members
      .flatMap((index) => wordings[index] ?? [])
      .sort((a, b) => b.createdAt.getTime() - a.createdAt.getTime());
    return {
      // Ids start with their creation time: the smallest is the group's first message.
      key: grouped.map((m) => m.id).sort()[0] ?? '',
      size: grouped.length,
      closestIntent: majorityIntent(grouped),
      meanScore: grouped.reduce((sum, m) => sum + m.score, 0) / grouped.length,
      messages: grouped,
    };
  });
  return groups.sort(
    (a, b) =>
      b.size - a.size ||
      (b.messages[0]?.createdAt.getTime() ?? 0) - (a.messages[0]?.createdAt.getTime() ?? 0),
  );
}

function majorityIntent(messages: MisunderstoodMessage[]): string | null {
  const tally = new Map<string, { votes: number; score: number }>();
  for (const { topIntent, score } of messages) {
    if (topIntent === null) continue;
    const entry = tally.get(topIntent) ?? { votes: 0, score: 0 };
    tally.set(topIntent, { votes: entry.votes + 1, score: entry.score + score });
  }
  let best: string | null = null;
  let bestEntry = { votes: 0, score: 0 };
  for (const [intent, entry] of tally) {
    if (
      entry.votes > bestEntry.votes ||
      (entry.votes === bestEntry.votes && entry.score > bestEntry.score)
    ) {
      best = intent;
      bestEntry = entry;
    }
  }
  return best;
}

/** Loaded vectorizers by version id: versions are immutable, and a model takes a while to read. */
const vectorizers = new Map<string, TextVectorizer>();
const VECTORIZER_CACHE = 16;

function vectorizerFor(db: Db, botId: string): TextVectorizer {
  const version = db
    .select({ id: botVersions.id })
    .from(botVersions)
    .where(eq(botVersions.botId, botId))
    .orderBy(desc(botVersions.number))
    .limit(1)
    .get();
  // Messages exist only for published versions; a bot whose versions are gone groups by wording.
  if (!version) return () => ({ indices: new Int32Array(0), values: new Float32Array(0) });
  const cached = vectorizers.get(version.id);
  if (cached) return cached;
  const model = db
    .select({ nluModel: botVersions.nluModel })
    .from(botVersions)
    .where(eq(botVersions.id, version.id))
    .get()?.nluModel;
  const vectorizer = nluVectorizer(model, nluResources);
  if (vectorizers.size >= VECTORIZER_CACHE) {
    const oldest = vectorizers.keys().next().value;
    if (oldest !== undefined) vectorizers.delete(oldest);
  }
  vectorizers.set(version.id, vectorizer);
  return vectorizer;
}

function openOf(orgId: string, botId: string) {
  return and(
    eq(misunderstoodMessages.orgId, orgId),
    eq(misunderstoodMessages.botId, botId),
    eq(misunderstoodMessages.status, 'open'),
  );
}

function countOpen(db: Db, orgId: string, botId: string): number {
  return (
    db.select({ n: count() }).from(misunderstoodMessages).where(openOf(orgId, botId)).get()?.n ?? 0
  );
}

/** Open messages per bot of the org, for the bots list; bots with none are left out. */
export function openMisunderstoodCounts(db: Db, orgId: string): Record<string, number> {
  const rows = db
    .select({ botId: misunderstoodMessages.botId, n: count() })
    .from(misunderstoodMessages)
    .where(and(eq(misunderstoodMessages.orgId, orgId), eq(misunderstoodMessages.status, 'open')))
    .groupBy(misunderstoodMessages.botId)
    .all();
  return Object.fromEntries(rows.map((row) => [row.botId, row.n]));
}

interface Actor {
  id: string;
  orgId: string;
}

/**
 * Marks open messages as added to `intent`. The phrase goes into the draft first, through the
 * intents editor's undo and autosave: a message is marked only when the saved draft's intent
 * has its wording, so an unsaved or undone addition never reads as done.
 */
export function markMisunderstoodAdded(
  db: Db,
  actor: Actor,
  input: { botId: string; ids: string[]; intent: string },
): { updated: number } {
  const document = getDraft(db, actor.orgId, input.botId).document;
  const intent = document.nlu.intents.find((candidate) => candidate.name === input.intent);
  if (!intent) {
    throw new DomainError('INVALID_INPUT', `The draft has no intent “${input.intent}”.`);
  }
  const phrases = new Set(intent.phrases.map(phraseKey));
  const rows = messagesOf(db, actor.orgId, input.botId, input.ids);
  const missing = rows.filter((row) => !phrases.has(phraseKey(row.text)));
  if (missing.length > 0) {
    throw new DomainError(
      'INVALID_INPUT',
      `The saved draft’s intent “${input.intent}” does not have “${missing[0]?.text}” yet: add it and let the draft save first.`,
      { missingIds: missing.map((row) => row.id) },
    );
  }
  return setStatus(db, actor, input, 'added', ['open'], input.intent);
}

/** Marks open messages as ignored: they leave the inbox, and `ignoredPhrases` lists them. */
export function ignoreMisunderstood(db: Db, actor: Actor, input: { botId: string; ids: string[] }) {
  getBot(db, actor.orgId, input.botId);
  return setStatus(db, actor, input, 'ignored', ['open'], null);
}

/**
 * Puts added or ignored messages back in the inbox: the Undo of "Ignore", and of an addition
 * the designer undid in the draft.
 */
export function reopenMisunderstood(db: Db, actor: Actor, input: { botId: string; ids: string[] }) {
  getBot(db, actor.orgId, input.botId);
  return setStatus(db, actor, input, 'open', ['added', 'ignored'], null);
}

function messagesOf(db: Db, orgId: string, botId: string, ids: string[]) {
  getBot(db, orgId, botId);
  return db
    .select({ id: misunderstoodMessages.id, text: misunderstoodMessages.text })
    .from(misunderstoodMessages)
    .where(
      and(
        eq(misunderstoodMessages.orgId, orgId),
        eq(misunderstoodMessages.botId, botId),
        inArray(misunderstoodMessages.id, ids),
      ),
    )
    .all();
}

function setStatus(
  db: Db,
  actor: Actor,
  input: { botId: string; ids: string[] },
  status: MisunderstoodStatus,
  from: MisunderstoodStatus[],
  addedToIntent: string | null,
): { updated: number } {
  const reopening = status === 'open';
  const updated = db
    .update(misunderstoodMessages)
    .set({
      status,
      addedToIntent,
      actedBy: reopening ? null : actor.id,
      actedAt: reopening ? null : new Date(),
    })
    .where(
      and(
        eq(misunderstoodMessages.orgId, actor.orgId),
        eq(misunderstoodMessages.botId, input.botId),
        inArray(misunderstoodMessages.id, input.ids),
        inArray(misunderstoodMessages.status, from),
      ),
    )
    .run();
  return { updated: updated.changes };
}

/**
 * The wordings designers ignored for this bot, each once: for the NLU to learn as what the bot
 * is not for (a per-bot background class).
 */
export function ignoredPhrases(db: Db, orgId: string, botId: string): string[] {
  const rows = db
    .selectDistinct({ text: misunderstoodMessages.text })
    .from(misunderstoodMessages)
    .innerJoin(bots, eq(bots.id, misunderstoodMessages.botId))
    .where(
      and(
        eq(misunderstoodMessages.orgId, orgId),
        eq(bots.orgId, orgId),
        eq(misunderstoodMessages.botId, botId),
        eq(misunderstoodMessages.status, 'ignored'),
      ),
    )
    .orderBy(misunderstoodMessages.text)
    .all();
  const seen = new Set<string>();
  return rows
    .map((row) => row.text)
    .filter((text) => {
      const key = phraseKey(text);
      if (seen.has(key)) return false;
      seen.add(key);
      return true;
    });
}
