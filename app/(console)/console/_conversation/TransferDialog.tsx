'use client';

import { useMutation, useQuery } from '@tanstack/react-query';
import { useState } from 'react';
import { Dialog, DialogFormActions } from '@/app/_components/Dialog';
import { ErrorAlert } from '@/app/_components/ErrorAlert';
import { useTRPC } from '@/app/_trpc/client';
import { PRESENCE_LABELS } from '../_presence/presenceLabels';

/**
 * Hands the conversation to a colleague (with their presence and free capacity beside their
 * name) or back to a queue (with how many wait there and how many agents are online).
 */
export function TransferDialog({
  open,
  workItemId,
  onClose,
  onTransferred,
}: {
  open: boolean;
  workItemId: string;
  onClose: () => void;
  onTransferred: () => void;
}) {
  const trpc = useTRPC();
  const targets = useQuery({ ...trpc.console.transferTargets.queryOptions(), enabled: open });
  const transfer = useMutation(trpc.console.transfer.mutationOptions({ onSuccess: onTransferred }));
  const [choice, setChoice] = useState('');
  const close = () => {
    transfer.reset();
    setChoice('');
    onClose();
  };

  return (
    <Dialog open={open} title="Transfer conversation" onClose={close}>
      <form
        className="stack"
        onSubmit={(event) => {
          event.preventDefault();
          const [kind, id = ''] = choice.split(/:(.*)/);
          if (!id) return;
          transfer.mutate({ workItemId, to: kind === 'agent' ? { agentId: id } : { queueId: id } });
        }}
      >
        {transfer.isError && <ErrorAlert error={transfer.error} />}
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
          </>
        )}
        <DialogFormActions
          onCancel={close}
          submitLabel="Transfer"
          busyLabel="Transferring…"
          busy={transfer.isPending}
          disabled={!choice}
        />
      </form>
    </Dialog>
  );
}
