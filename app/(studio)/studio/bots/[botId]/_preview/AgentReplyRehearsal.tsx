'use client';

import { useMutation, useQueryClient } from '@tanstack/react-query';
import { type FormEvent, useId, useState } from 'react';
import { errorMessage, useTRPC } from '@/app/_trpc/client';
import type { PreviewNotification } from '@/server/bots/previewNotification';

/**
 * With the app in the background, an agent's reply reaches the customer as a notification,
 * not in the chat: type one and the preview shows the notification the push pipeline would
 * build for it, where the bot's are shown.
 */
export function AgentReplyRehearsal({
  agentName,
  deploymentId,
  seq,
  onNotification,
}: {
  /** Who the reply is from: the agent routing would offer the conversation to, when one. */
  agentName: string | null;
  /** Whose push settings apply; the defaults when none. */
  deploymentId: string | null;
  /** Where the reply would sit in the conversation. */
  seq: number;
  onNotification: (notification: PreviewNotification) => void;
}) {
  const trpc = useTRPC();
  const queryClient = useQueryClient();
  const ids = useId();
  const [text, setText] = useState('');
  const build = useMutation({
    mutationFn: (reply: string) =>
      queryClient.fetchQuery(
        trpc.bots.previewNotification.queryOptions({
          actorName: agentName ?? 'Agent',
          text: reply,
          seq,
          ...(deploymentId ? { deploymentId } : {}),
        }),
      ),
    onSuccess: onNotification,
  });

  function send(event: FormEvent) {
    event.preventDefault();
    if (text.trim()) build.mutate(text.trim());
  }

  return (
    <form className="agent-reply-form" aria-label="Reply as an agent" onSubmit={send}>
      <label htmlFor={`${ids}-reply`}>Reply as an agent{agentName ? ` (${agentName})` : ''}</label>
      <div className="row">
        <input
          id={`${ids}-reply`}
          value={text}
          placeholder="What the agent writes"
          onChange={(event) => setText(event.target.value)}
        />
        <button type="submit" disabled={!text.trim() || build.isPending}>
          Send
        </button>
      </div>
      <p className="muted" aria-live="polite">
        {build.isPending && 'Building the notification…'}
        {build.isSuccess && 'Sent: the customer gets the notification shown above the chat.'}
      </p>
      {build.isError && (
        <p className="field-error" role="alert">
          {errorMessage(build.error)}
        </p>
      )}
    </form>
  );
}
