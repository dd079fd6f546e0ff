import type { EntryRow } from '../messaging/conversationEntries';
import { isReply } from './pushMessage';

/** The newest reply among just-appended entries: one notification tells of all of them. */
export function latestReply(rows: readonly EntryRow[]): EntryRow | null {
  for (let index = rows.length - 1; index >= 0; index--) {
    const row = rows[index] as EntryRow;
    if (isReply(row.actorType, row.entryType)) return row;
  }
  return null;
}
