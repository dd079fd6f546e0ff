'use client';

import { type KeyboardEvent, useRef } from 'react';
import { useShortcut } from '../_shortcuts/useShortcut';
import type { ConsoleTab } from './consoleTabs';

export const tabId = (sessionId: string) => `conversation-tab-${sessionId}`;
export const panelId = (sessionId: string) => `conversation-panel-${sessionId}`;

/**
 * The open conversations as tabs. Arrow keys, Home and End move between them while a tab has
 * focus (the ARIA tabs pattern); Ctrl+←/→ and Alt+1…9 switch from anywhere in the console.
 */
export function ConversationTabs({
  tabs,
  activeId,
  typing,
  onSelect,
}: {
  tabs: ConsoleTab[];
  activeId: string | null;
  typing: Record<string, string>;
  onSelect: (sessionId: string) => void;
}) {
  const list = useRef<HTMLDivElement>(null);
  const activeIndex = tabs.findIndex((tab) => tab.sessionId === activeId);

  const select = (index: number, focus: boolean) => {
    const tab = tabs[(index + tabs.length) % tabs.length];
    if (!tab) return;
    onSelect(tab.sessionId);
    if (focus) list.current?.querySelector<HTMLElement>(`#${tabId(tab.sessionId)}`)?.focus();
  };
  // From anywhere, a shortcut switches the tab and leaves focus where it is (the composer);
  // from the tab strip it moves focus along, as the arrow keys do.
  const focusWithin = () => list.current?.contains(document.activeElement) ?? false;
  useShortcut('previousTab', () => select(activeIndex - 1, focusWithin()), tabs.length > 1);
  useShortcut('nextTab', () => select(activeIndex + 1, focusWithin()), tabs.length > 1);
  useShortcut(
    'nthTab',
    (event) => {
      const index = Number(event.code.slice('Digit'.length)) - 1;
      if (index < tabs.length) select(index, focusWithin());
    },
    tabs.length > 0,
  );

  const onKeyDown = (event: KeyboardEvent) => {
    if (event.ctrlKey || event.altKey || event.metaKey) return;
    const moves: Record<string, number> = {
      ArrowLeft: activeIndex - 1,
      ArrowRight: activeIndex + 1,
      Home: 0,
      End: tabs.length - 1,
    };
    const target = moves[event.key];
    if (target === undefined) return;
    event.preventDefault();
    select(target, true);
  };

  return (
    <div ref={list} role="tablist" aria-label="Conversations" className="conversation-tabs">
      {tabs.map((tab, index) => {
        const selected = tab.sessionId === activeId;
        return (
          <button
            key={tab.sessionId}
            id={tabId(tab.sessionId)}
            type="button"
            role="tab"
            aria-selected={selected}
            aria-controls={panelId(tab.sessionId)}
            tabIndex={selected ? 0 : -1}
            className={`conversation-tab${tab.held ? '' : ' conversation-tab-closed'}`}
            onClick={() => onSelect(tab.sessionId)}
            onKeyDown={onKeyDown}
            title={index < 9 ? `Alt+${index + 1}` : undefined}
          >
            <span className="conversation-tab-name">{tab.customerName}</span>
            <span className="conversation-tab-meta">
              {!tab.held ? 'Closed' : typing[tab.sessionId] ? 'typing…' : tab.queueName}
            </span>
            {tab.unread > 0 && (
              <span className="unread-badge">
                {tab.unread}
                <span className="visually-hidden"> unread</span>
              </span>
            )}
          </button>
        );
      })}
    </div>
  );
}
