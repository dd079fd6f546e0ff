import { and, desc, eq, lt } from 'drizzle-orm';
import type { Db } from '../db/client';
import { conversationEntries } from '../db/schema';
import { listEntriesAfter, type ReadMarks, toApiEntry } from '../messaging/conversationEntries';

/** Entries per page of a transcript; an agent needs the end of a conversation first. */
export const TRANSCRIPT_PAGE = 500;

/**
 * The newest page of a conversation. Seqs start at 1 and are never skipped, so whether
 * earlier entries exist follows from the page's start.
 */
export function latestEntries(db: Db, session: ReadMarks & { id: string; lastSeq: number }) {
  const afterSeq = Math.max(0, session.lastSeq - TRANSCRIPT_PAGE);
  const rows = listEntriesAfter(db, session.id, afterSeq, TRANSCRIPT_PAGE);
  return { entries: rows.map((row) => toApiEntry(row, session)), hasMore: afterSeq > 0 };
}

/**
 * The page just before `beforeSeq`, oldest first: the console's "show earlier messages". Keyed
 * by seq rather than by offset, so entries arriving meanwhile cannot shift the page.
 */
export function entriesBefore(
  db: Db,
  session: ReadMarks & { id: string },
  beforeSeq: number,
  limit = TRANSCRIPT_PAGE,
) {
  const rows = db
    .select()
    .from(conversationEntries)
    .where(
      and(eq(conversationEntries.sessionId, session.id), lt(conversationEntries.seq, beforeSeq)),
    )
    .orderBy(desc(conversationEntries.seq))
    .limit(limit + 1)
    .all();
  const page = rows.slice(0, limit).reverse();
  return { entries: page.map((row) => toApiEntry(row, session)), hasMore: rows.length > limit };
}
