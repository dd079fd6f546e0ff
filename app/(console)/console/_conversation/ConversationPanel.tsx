'use client';

import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { useEffect, useState } from 'react';
import { ConfirmDialog } from '@/app/_components/Dialog';
import { ErrorAlert } from '@/app/_components/ErrorAlert';
import { useTRPC } from '@/app/_trpc/client';
import { Composer } from '../_composer/Composer';
import { CustomerContext } from '../_context/CustomerContext';
import { HandoffCard } from '../_context/HandoffCard';
import type { ConversationView } from '../_live/consoleTypes';
import { keepArrivedEntries } from '../_live/mergeEntries';
import { useShortcut } from '../_shortcuts/useShortcut';
import { panelId, tabId } from '../_tabs/ConversationTabs';
import type { ConsoleTab } from '../_tabs/consoleTabs';
import { Transcript } from '../_transcript/Transcript';
import { TransferDialog } from './TransferDialog';
import { useMarkRead } from './useMarkRead';

/** One open conversation: hand-off card, transcript, composer, and the customer beside them. */
export function ConversationPanel({
  tab,
  active,
  agentName,
  customerTyping,
  onClose,
}: {
  tab: ConsoleTab;
  active: boolean;
  agentName: string;
  customerTyping: string | undefined;
  onClose: () => void;
}) {
  const trpc = useTRPC();
  const queryClient = useQueryClient();
  const conversation = useQuery({
    ...trpc.console.conversation.queryOptions({ sessionId: tab.sessionId }),
    // A re-read racing the live feed keeps what the feed delivered meanwhile.
    structuralSharing: (cached, fresh) =>
      keepArrivedEntries(cached as ConversationView | undefined, fresh as ConversationView),
  });
  const view = conversation.data;
  useMarkRead(view, active);

  const [confirmingEnd, setConfirmingEnd] = useState(false);
  const [transferring, setTransferring] = useState(false);
  const refreshWorkspace = () =>
    queryClient.invalidateQueries({ queryKey: trpc.console.workspace.queryKey() });
  const end = useMutation(trpc.console.end.mutationOptions({ onSettled: refreshWorkspace }));
  const refetch = conversation.refetch;
  // Once the conversation leaves the agent (ended, transferred), read its final state.
  useEffect(() => {
    if (!tab.held) void refetch();
  }, [tab.held, refetch]);
  const ended =
    view?.session.status === 'ended' ||
    view?.entries.some((entry) => entry.type === 'status_changed' && entry.payload.to === 'ended');
  useShortcut('end', () => setConfirmingEnd(true), active && tab.held);

  return (
    <section
      id={panelId(tab.sessionId)}
      role="tabpanel"
      aria-labelledby={tabId(tab.sessionId)}
      hidden={!active}
      className="conversation-panel"
    >
      <div className="conversation-main">
        <header className="conversation-header">
          <div>
            <h2>{tab.customerName}</h2>
            <span className="muted">
              {tab.queueName}
              {view && ` · ${view.session.status}`}
            </span>
          </div>
          <div className="row">
            {tab.held ? (
              <>
                <button type="button" onClick={() => setTransferring(true)}>
                  Transfer…
                </button>
                <button
                  type="button"
                  className="danger"
                  onClick={() => setConfirmingEnd(true)}
                  aria-keyshortcuts="Alt+E"
                >
                  End conversation…
                </button>
              </>
            ) : (
              <button type="button" onClick={onClose}>
                Close tab
              </button>
            )}
          </div>
        </header>
        {end.isError && <ErrorAlert error={end.error} />}
        {conversation.isPending ? (
          <p className="muted conversation-loading">Loading the conversation…</p>
        ) : conversation.isError ? (
          <ErrorAlert error={conversation.error}>
            {' '}
            <button type="button" onClick={() => conversation.refetch()}>
              Retry
            </button>
          </ErrorAlert>
        ) : (
          <>
            <HandoffCard view={conversation.data} />
            <Transcript view={conversation.data} customerTyping={customerTyping} />
            {tab.held ? (
              <Composer
                view={conversation.data}
                active={active}
                quickTextValues={{
                  'contact.name': conversation.data.customer.contact?.name,
                  'contact.email': conversation.data.customer.contact?.email,
                  'account.name': conversation.data.customer.account?.name,
                  'agent.name': agentName,
                }}
              />
            ) : (
              <p className="conversation-closed" role="status">
                {ended
                  ? 'This conversation has ended.'
                  : 'This conversation is no longer yours: it was transferred or reassigned.'}{' '}
                Close the tab when you are done with it.
              </p>
            )}
          </>
        )}
      </div>
      {view && <CustomerContext view={view} />}
      <ConfirmDialog
        open={confirmingEnd}
        title="End this conversation?"
        message={`${tab.customerName} will be asked to rate the conversation and can no longer reply to you.`}
        confirmLabel="End conversation"
        danger
        onCancel={() => setConfirmingEnd(false)}
        onConfirm={() => {
          setConfirmingEnd(false);
          end.mutate({ sessionId: tab.sessionId });
        }}
      />
      <TransferDialog
        open={transferring}
        workItemId={tab.workItemId}
        sessionId={tab.sessionId}
        fromBot={view?.session.fromBot ?? false}
        onClose={() => setTransferring(false)}
        onTransferred={() => {
          setTransferring(false);
          void refreshWorkspace();
        }}
      />
    </section>
  );
}
