import { type EntryRow, NOTHING_READ, toApiEntry } from './conversationEntries';
import type { EventHub } from './eventHub';

/** Sends just-committed entries to open streams; new entries are unread by definition. */
export function publishEntries(hub: EventHub, sessionId: string, rows: EntryRow[]) {
  if (!hub.hasListeners(sessionId)) return;
  for (const row of rows)
    hub.publish(sessionId, { kind: 'entry', entry: toApiEntry(row, NOTHING_READ) });
}
