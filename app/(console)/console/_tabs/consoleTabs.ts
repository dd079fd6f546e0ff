import type { WorkspaceItem } from '../_live/consoleTypes';

/** A conversation open in the console: one the agent holds, or one that just left them. */
export interface ConsoleTab {
  sessionId: string;
  workItemId: string;
  customerName: string;
  queueName: string;
  unread: number;
  /** False once it ended or moved on: the tab stays, read-only, until the agent closes it. */
  held: boolean;
}

/**
 * The tabs after the workspace was read again: every held conversation has a tab (new ones at
 * the end), and a tab whose conversation the agent no longer holds stays, marked, so an ended
 * conversation does not vanish from under the agent mid-sentence.
 */
export function syncTabs(
  tabs: readonly ConsoleTab[],
  held: readonly WorkspaceItem[],
): ConsoleTab[] {
  const bySession = new Map(held.map((item) => [item.sessionId, item]));
  const next: ConsoleTab[] = tabs.map((tab) => {
    const item = bySession.get(tab.sessionId);
    bySession.delete(tab.sessionId);
    return item ? tabOf(item) : { ...tab, held: false, unread: 0 };
  });
  for (const item of bySession.values()) next.push(tabOf(item));
  return next;
}

function tabOf(item: WorkspaceItem): ConsoleTab {
  return {
    sessionId: item.sessionId,
    workItemId: item.workItemId,
    customerName: item.customerName,
    queueName: item.queueName,
    unread: item.unread,
    held: true,
  };
}
