import type { EntryRow } from './conversationEntries';

/**
 * Where replies go when the customer may not be looking (server/push implements it). `enqueue`
 * runs inside the reply's transaction and says whether anything was written; `wake` runs once
 * that transaction is durable.
 */
export interface ReplyNotifier {
  enqueue(
    session: { id: string; orgId: string; deploymentId: string; contactId: string | null },
    rows: readonly EntryRow[],
  ): boolean;
  wake(): void;
}
