'use client';

import { useQuery } from '@tanstack/react-query';
import { useEffect, useState } from 'react';
import { ErrorAlert } from '@/app/_components/ErrorAlert';
import { useTRPC } from '@/app/_trpc/client';
import { useOfferAlert } from '../_alerts/useOfferAlert';
import { ConversationPanel } from '../_conversation/ConversationPanel';
import { useConsoleEvents } from '../_live/useConsoleEvents';
import { OfferList } from '../_offers/OfferList';
import { PresenceSwitch } from '../_presence/PresenceSwitch';
import { ShortcutsHelp } from '../_shortcuts/ShortcutsHelp';
import { ConversationTabs } from '../_tabs/ConversationTabs';
import { type ConsoleTab, syncTabs } from '../_tabs/consoleTabs';
import { FeedStatus } from './FeedStatus';

/**
 * The agent console: presence and load, incoming offers, the open conversations as tabs, all
 * kept live by the console's event feed.
 */
export function AgentConsole() {
  const trpc = useTRPC();
  const workspace = useQuery(trpc.console.workspace.queryOptions());
  const me = useQuery(trpc.me.get.queryOptions());
  const offers = workspace.data?.offers ?? [];
  const alert = useOfferAlert(offers.length);
  const { typing, feed } = useConsoleEvents({ onOffer: alert.chime });

  const [tabs, setTabs] = useState<ConsoleTab[]>([]);
  const [activeId, setActiveId] = useState<string | null>(null);
  const held = workspace.data?.conversations;
  useEffect(() => {
    if (held) setTabs((current) => syncTabs(current, held));
  }, [held]);
  // Something is always selected while there are tabs: the first, or the one just accepted.
  const selected = tabs.some((tab) => tab.sessionId === activeId) ? activeId : null;
  const activeTab = selected ?? tabs[0]?.sessionId ?? null;

  const closeTab = (sessionId: string) => {
    const index = tabs.findIndex((tab) => tab.sessionId === sessionId);
    const rest = tabs.filter((tab) => tab.sessionId !== sessionId);
    setTabs(rest);
    setActiveId(rest[Math.min(index, rest.length - 1)]?.sessionId ?? null);
  };

  return (
    <div className="agent-console">
      <div className="console-toolbar">
        <h1>Agent console</h1>
        {workspace.data && <PresenceSwitch workspace={workspace.data} />}
        <label className="inline-check">
          <input
            type="checkbox"
            checked={alert.soundOn}
            onChange={(event) => alert.toggleSound(event.target.checked)}
          />
          Sound for new offers
        </label>
        <ShortcutsHelp />
      </div>
      <FeedStatus feed={feed} />
      {/* Always present, so screen readers announce the change rather than a new region. */}
      <p className="visually-hidden" aria-live="assertive">
        {offers.length === 0
          ? ''
          : `${offers.length} conversation${offers.length === 1 ? '' : 's'} offered to you`}
      </p>

      {workspace.isPending ? (
        <p className="muted">Loading your conversations…</p>
      ) : workspace.isError ? (
        <ErrorAlert error={workspace.error}>
          {' '}
          <button type="button" onClick={() => workspace.refetch()}>
            Retry
          </button>
        </ErrorAlert>
      ) : (
        <>
          <OfferList offers={offers} onAccepted={setActiveId} />
          {tabs.length === 0 ? (
            offers.length === 0 && (
              <div className="card empty-state">
                <h2>No conversations</h2>
                <p>
                  {workspace.data.presence === 'online'
                    ? 'You are online: new conversations will be offered to you here.'
                    : 'Set yourself Online to receive offers.'}
                </p>
              </div>
            )
          ) : (
            <div className="conversations">
              <ConversationTabs
                tabs={tabs}
                activeId={activeTab}
                typing={typing}
                onSelect={setActiveId}
              />
              {tabs.map((tab) => (
                <ConversationPanel
                  key={tab.sessionId}
                  tab={tab}
                  active={tab.sessionId === activeTab}
                  agentName={me.data?.name ?? ''}
                  customerTyping={typing[tab.sessionId]}
                  onClose={() => closeTab(tab.sessionId)}
                />
              ))}
            </div>
          )}
        </>
      )}
    </div>
  );
}
