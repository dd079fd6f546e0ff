import { and, asc, eq, gt } from 'drizzle-orm';
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

type EntryRow = typeof conversationEntries.$inferSelect;

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
  return db
    .select()
    .from(conversationEntries)
    .where(
      and(
        eq(conversationEntries.sessionId, sessionId),
        eq(conversationEntries.clientMessageId, clientMessageId),
      ),
    )
    .get();
}

export function listEntriesAfter(db: Db, sessionId: string, afterSeq: number, limit: number) {
  return db
    .select()
    .from(conversationEntries)
    .where(and(eq(conversationEntries.sessionId, sessionId), gt(conversationEntries.seq, afterSeq)))
    .orderBy(asc(conversationEntries.seq))
    .limit(limit)
    .all();
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
