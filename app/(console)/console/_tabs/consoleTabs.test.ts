import { describe, expect, it } from 'vitest';
import type { WorkspaceItem } from '../_live/consoleTypes';
import { syncTabs } from './consoleTabs';

function held(sessionId: string, unread = 0): WorkspaceItem {
  return {
    workItemId: `w-${sessionId}`,
    sessionId,
    customerName: `Customer ${sessionId}`,
    queueName: 'Orders',
    intent: null,
    status: 'accepted',
    offeredAt: null,
    offerExpiresAt: null,
    acceptedAt: null,
    sessionStatus: 'active',
    lastSeq: 1,
    unread,
    lastText: null,
  };
}

describe('the console’s conversation tabs', () => {
  it('opens a tab for each conversation the agent holds, newest last', () => {
    const tabs = syncTabs(syncTabs([], [held('a')]), [held('a'), held('b', 2)]);
    expect(tabs.map((tab) => [tab.sessionId, tab.unread, tab.held])).toEqual([
      ['a', 0, true],
      ['b', 2, true],
    ]);
  });

  it('keeps an ended conversation’s tab, no longer held, until the agent closes it', () => {
    const tabs = syncTabs(syncTabs([], [held('a', 1), held('b')]), [held('b')]);
    expect(tabs.map((tab) => [tab.sessionId, tab.unread, tab.held])).toEqual([
      ['a', 0, false],
      ['b', 0, true],
    ]);
  });
});
