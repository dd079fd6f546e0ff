import { and, asc, eq, gt, sql } from 'drizzle-orm';
import type { Db } from '../db/client';
import { type ActorType, conversationEntries, messagingSessions } from '../db/schema';
import type { Entry, EntryType } from '../http/contract/entries';

export interface EntryDraft {
  actorType: ActorType;
  actorId?: string | null;
  actorName: string;
  type: EntryType;
  payload: Record<string, unknown>;
  clientMessageId?: string;
}

export type EntryRow = typeof conversationEntries.$inferSelect;

/**
 * Appends entries to a session with the next seqs. Must run inside a transaction: the seq is
 * read and advanced together, so concurrent appends can never share or skip a number.
 */
export function appendEntries(
  db: Db,
  orgId: string,
  sessionId: string,
  drafts: EntryDraft[],
): EntryRow[] {
  if (drafts.length === 0) return [];
  const session = db
    .select({ lastSeq: messagingSessions.lastSeq })
    .from(messagingSessions)
    .where(eq(messagingSessions.id, sessionId))
    .get();
  if (!session) throw new Error(`Session ${sessionId} does not exist`);
  const now = new Date();
  const rows = db
    .insert(conversationEntries)
    .values(
      drafts.map((draft, index) => ({
        orgId,
        sessionId,
        seq: session.lastSeq + index + 1,
        actorType: draft.actorType,
        actorId: draft.actorId ?? null,
        actorName: draft.actorName,
        entryType: draft.type,
        payload: draft.payload,
        clientMessageId: draft.clientMessageId ?? null,
        createdAt: now,
      })),
    )
    .returning()
    .all();
  db.update(messagingSessions)
    .set({ lastSeq: session.lastSeq + drafts.length })
    .where(eq(messagingSessions.id, sessionId))
    .run();
  return rows;
}

export function findEntryByClientMessageId(db: Db, sessionId: string, clientMessageId: string) {
  return preparedFor(db).byClientMessageId.get({ sessionId, clientMessageId });
}

export function listEntriesAfter(db: Db, sessionId: string, afterSeq: number, limit: number) {
  return preparedFor(db).after.all({ sessionId, afterSeq, limit });
}

// Prepared once per connection: these run on every message.
const prepared = new WeakMap<Db, ReturnType<typeof prepare>>();

function preparedFor(db: Db) {
  let statements = prepared.get(db);
  if (!statements) {
    statements = prepare(db);
    prepared.set(db, statements);
  }
  return statements;
}

function prepare(db: Db) {
  const { sessionId, seq, clientMessageId } = conversationEntries;
  return {
    byClientMessageId: db
      .select()
      .from(conversationEntries)
      .where(
        and(
          eq(sessionId, sql.placeholder('sessionId')),
          eq(clientMessageId, sql.placeholder('clientMessageId')),
        ),
      )
      .prepare(),
    after: db
      .select()
      .from(conversationEntries)
      .where(and(eq(sessionId, sql.placeholder('sessionId')), gt(seq, sql.placeholder('afterSeq'))))
      .orderBy(asc(seq))
      .limit(sql.placeholder('limit'))
      .prepare(),
  };
}

/** The API form of a stored entry; `customerReadSeq` marks what the customer has read. */
export function toApiEntry(row: EntryRow, customerReadSeq: number): Entry {
  return {
    id: row.id,
    seq: row.seq,
    actor: { type: row.actorType, name: row.actorName },
    type: row.entryType as EntryType,
    payload: row.payload,
    ...(row.clientMessageId ? { clientMessageId: row.clientMessageId } : {}),
    createdAt: row.createdAt.toISOString(),
    status: row.actorType !== 'customer' && row.seq <= customerReadSeq ? 'read' : 'sent',
  };
}
