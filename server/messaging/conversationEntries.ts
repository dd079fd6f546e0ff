import { and, asc, eq, gt, sql } from 'drizzle-orm';
import type { Entry, EntryType } from '../../contract/entries';
import type { Db } from '../db/client';
import { perConnection } from '../db/perConnection';
import { conversationEntries, type EntryDraft, messagingSessions } from '../db/schema';
import { newId } from '../db/schema/columns';

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
  const statements = preparedFor(db);
  const session = statements.lastSeq.get({ id: sessionId });
  if (!session) throw new Error(`Session ${sessionId} does not exist`);
  const createdAt = new Date();
  const rows: EntryRow[] = drafts.map((draft, index) => ({
    id: newId(),
    orgId,
    sessionId,
    seq: session.lastSeq + index + 1,
    actorType: draft.actorType,
    actorId: draft.actorId ?? null,
    actorName: draft.actorName,
    entryType: draft.type,
    payload: draft.payload,
    clientMessageId: draft.clientMessageId ?? null,
    createdAt,
  }));
  for (const row of rows) {
    statements.insertEntry.run({
      ...row,
      payload: JSON.stringify(row.payload),
      createdAt: createdAt.getTime(),
    });
  }
  statements.setLastSeq.run({ id: sessionId, lastSeq: session.lastSeq + drafts.length });
  return rows;
}

export function findEntryByClientMessageId(db: Db, sessionId: string, clientMessageId: string) {
  return preparedFor(db).byClientMessageId.get({ sessionId, clientMessageId });
}

export function listEntriesAfter(db: Db, sessionId: string, afterSeq: number, limit: number) {
  return preparedFor(db).after.all({ sessionId, afterSeq, limit });
}

type EntryInsertParams = Omit<EntryRow, 'payload' | 'createdAt'> & {
  payload: string;
  createdAt: number;
};

// Prepared once per connection: these run on every message.
const preparedFor = perConnection(prepare);

function prepare(db: Db) {
  const { sessionId, seq, clientMessageId } = conversationEntries;
  return {
    lastSeq: db
      .select({ lastSeq: messagingSessions.lastSeq })
      .from(messagingSessions)
      .where(eq(messagingSessions.id, sql.placeholder('id')))
      .prepare(),
    setLastSeq: db
      .update(messagingSessions)
      .set({ lastSeq: sql`${sql.placeholder('lastSeq')}` })
      .where(eq(messagingSessions.id, sql.placeholder('id')))
      .prepare(),
    // The driver's own statement: rows are built here (ids, times, JSON) and inserted as-is,
    // which spares the query builder's per-call work on the busiest write.
    insertEntry: db.$client.prepare<EntryInsertParams>(
      `insert into conversation_entries
         (id, org_id, session_id, seq, actor_type, actor_id, actor_name, entry_type, payload, client_message_id, created_at)
       values
         (@id, @orgId, @sessionId, @seq, @actorType, @actorId, @actorName, @entryType, @payload, @clientMessageId, @createdAt)`,
    ),
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

/** How far each side has read: the session's two read marks. */
export interface ReadMarks {
  customerReadSeq: number;
  agentReadSeq: number;
}

export const NOTHING_READ: ReadMarks = { customerReadSeq: 0, agentReadSeq: 0 };

/** The API form of a stored entry, `read` once the side it was written for has read it. */
export function toApiEntry(row: EntryRow, marks: ReadMarks): Entry {
  const readBy = row.actorType === 'customer' ? marks.agentReadSeq : marks.customerReadSeq;
  return {
    id: row.id,
    seq: row.seq,
    actor: { type: row.actorType, name: row.actorName },
    type: row.entryType as EntryType,
    payload: row.payload,
    ...(row.clientMessageId ? { clientMessageId: row.clientMessageId } : {}),
    createdAt: row.createdAt.toISOString(),
    status: row.seq <= readBy ? 'read' : 'sent',
  };
}
