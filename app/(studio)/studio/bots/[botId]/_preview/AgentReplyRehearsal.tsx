'use client';

import { useQuery } from '@tanstack/react-query';
import { type FormEvent, useId, useState } from 'react';
import { errorMessage, useTRPC } from '@/app/_trpc/client';
import { NotificationCard } from './NotificationCard';

/**
 * With the app in the background, an agent's reply reaches the customer as a notification,
 * not in the chat: type one and see the notification the push pipeline would build for it.
 */
export function AgentReplyRehearsal({
  agentName,
  deploymentId,
  seq,
}: {
  /** Who the reply is from: the agent routing would offer the conversation to, when one. */
  agentName: string | null;
  /** Whose push settings apply; the defaults when none. */
  deploymentId: string | null;
  /** Where the reply would sit in the conversation. */
  seq: number;
}) {
  const trpc = useTRPC();
  const ids = useId();
  const [text, setText] = useState('');
  const [sent, setSent] = useState<string | null>(null);
  const notification = useQuery({
    ...trpc.bots.previewNotification.queryOptions({
      actorName: agentName ?? 'Agent',
      text: sent ?? '',
      seq,
      ...(deploymentId ? { deploymentId } : {}),
    }),
    enabled: sent !== null,
  });

  function send(event: FormEvent) {
    event.preventDefault();
    if (text.trim()) setSent(text.trim());
  }

  return (
    <div className="stack agent-reply-rehearsal">
      <form className="agent-reply-form" aria-label="Reply as an agent" onSubmit={send}>
        <label htmlFor={`${ids}-reply`}>
          Reply as an agent{agentName ? ` (${agentName})` : ''}
        </label>
        <div className="row">
          <input
            id={`${ids}-reply`}
            value={text}
            placeholder="What the agent writes"
            onChange={(event) => setText(event.target.value)}
          />
          <button type="submit" disabled={!text.trim()}>
            Send
          </button>
        </div>
      </form>
      <div aria-live="polite">
        {notification.isFetching && <p className="muted">Building the notification…</p>}
        {notification.isError && (
          <p className="field-error" role="alert">
            {errorMessage(notification.error)}
          </p>
        )}
        {notification.data && !notification.isFetching && (
          <NotificationCard
            label="Notification of the agent's reply"
            notification={notification.data}
          />
        )}
      </div>
    </div>
  );
}
