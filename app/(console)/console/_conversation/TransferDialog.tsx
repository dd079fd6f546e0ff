'use client';

import { useMutation, useQuery } from '@tanstack/react-query';
import { useState } from 'react';
import { Dialog, DialogFormActions } from '@/app/_components/Dialog';
import { ErrorAlert } from '@/app/_components/ErrorAlert';
import { useTRPC } from '@/app/_trpc/client';
import { PRESENCE_LABELS } from '../_presence/presenceLabels';

const BOT_CHOICE = 'bot:';

/**
 * Hands the conversation to a colleague (with their presence and free capacity beside their
 * name), to a queue (with how many wait there and how many agents are online), or back to the
 * bot it came from.
 */
export function TransferDialog({
  open,
  workItemId,
  sessionId,
  fromBot,
  onClose,
  onTransferred,
}: {
  open: boolean;
  workItemId: string;
  sessionId: string;
  fromBot: boolean;
  onClose: () => void;
  onTransferred: () => void;
}) {
  const trpc = useTRPC();
  const targets = useQuery({ ...trpc.console.transferTargets.queryOptions(), enabled: open });
  const transfer = useMutation(trpc.console.transfer.mutationOptions({ onSuccess: onTransferred }));
  const returnToBot = useMutation(
    trpc.console.returnToBot.mutationOptions({ onSuccess: onTransferred }),
  );
  const [choice, setChoice] = useState('');
  const close = () => {
    transfer.reset();
    returnToBot.reset();
    setChoice('');
    onClose();
  };
  const failed = transfer.error ?? returnToBot.error;

  return (
    <Dialog open={open} title="Transfer conversation" onClose={close}>
      <form
        className="stack"
        onSubmit={(event) => {
          event.preventDefault();
          if (choice === BOT_CHOICE) {
            returnToBot.mutate({ sessionId });
            return;
          }
          const [kind, id = ''] = choice.split(/:(.*)/);
          if (!id) return;
          transfer.mutate({ workItemId, to: kind === 'agent' ? { agentId: id } : { queueId: id } });
        }}
      >
        {failed && <ErrorAlert error={failed} />}
        {targets.isPending ? (
          <p className="muted">Loading colleagues and queues…</p>
        ) : targets.isError ? (
          <ErrorAlert error={targets.error}>
            {' '}
            <button type="button" onClick={() => targets.refetch()}>
              Retry
            </button>
          </ErrorAlert>
        ) : (
          <>
            <fieldset className="choice-list">
              <legend>To a colleague</legend>
              {targets.data.agents.length === 0 && <p className="muted">No other agents.</p>}
              {targets.data.agents.map((agent) => (
                <label key={agent.id} className="choice">
                  <input
                    type="radio"
                    name="target"
                    value={`agent:${agent.id}`}
                    checked={choice === `agent:${agent.id}`}
                    onChange={(event) => setChoice(event.target.value)}
                  />
                  <span>
                    {agent.name}{' '}
                    <span className="muted">
                      · {agent.statusName ?? PRESENCE_LABELS[agent.presence]} · {agent.free} free
                    </span>
                  </span>
                </label>
              ))}
            </fieldset>
            <fieldset className="choice-list">
              <legend>To a queue</legend>
              {targets.data.queues.map((queue) => (
                <label key={queue.id} className="choice">
                  <input
                    type="radio"
                    name="target"
                    value={`queue:${queue.id}`}
                    checked={choice === `queue:${queue.id}`}
                    onChange={(event) => setChoice(event.target.value)}
                  />
                  <span>
                    {queue.name}{' '}
                    <span className="muted">
                      · {queue.waiting} waiting · {queue.agentsOnline} online
                    </span>
                  </span>
                </label>
              ))}
            </fieldset>
            {fromBot && (
              <fieldset className="choice-list">
                <legend>To the bot</legend>
                <label className="choice">
                  <input
                    type="radio"
                    name="target"
                    value={BOT_CHOICE}
                    checked={choice === BOT_CHOICE}
                    onChange={(event) => setChoice(event.target.value)}
                  />
                  <span>
                    Back to the bot <span className="muted">· it takes over from its hand-off</span>
                  </span>
                </label>
              </fieldset>
            )}
          </>
        )}
        <DialogFormActions
          onCancel={close}
          submitLabel="Transfer"
          busyLabel="Transferring…"
          busy={transfer.isPending || returnToBot.isPending}
          disabled={!choice}
        />
      </form>
    </Dialog>
  );
}
