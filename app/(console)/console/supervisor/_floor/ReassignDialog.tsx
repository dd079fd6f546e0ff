'use client';

import { useMutation, useQueryClient } from '@tanstack/react-query';
import { useState } from 'react';
import { Dialog, DialogFormActions } from '@/app/_components/Dialog';
import { ErrorAlert } from '@/app/_components/ErrorAlert';
import { useTRPC } from '@/app/_trpc/client';
import { PRESENCE_LABELS } from '../../_presence/presenceLabels';
import type { FloorItem, Overview } from './floorTypes';

/** Moves a work item to a named agent (presence and free capacity shown) or to a queue. */
export function ReassignDialog({
  item,
  overview,
  onClose,
}: {
  item: FloorItem | null;
  overview: Overview | undefined;
  onClose: () => void;
}) {
  const trpc = useTRPC();
  const queryClient = useQueryClient();
  const [choice, setChoice] = useState('');
  const reassign = useMutation(
    trpc.supervisor.reassign.mutationOptions({
      onSuccess: () => {
        void queryClient.invalidateQueries({ queryKey: trpc.supervisor.overview.queryKey() });
        close();
      },
    }),
  );
  function close() {
    reassign.reset();
    setChoice('');
    onClose();
  }

  return (
    <Dialog open={item !== null} title="Reassign" onClose={close}>
      <form
        className="stack"
        onSubmit={(event) => {
          event.preventDefault();
          const [kind, id = ''] = choice.split(/:(.*)/);
          if (!item || !id) return;
          reassign.mutate({
            workItemId: item.workItemId,
            to: kind === 'agent' ? { agentId: id } : { queueId: id },
          });
        }}
      >
        <p className="muted">
          {item?.customerName ?? 'Customer'} · {item?.queueName}
        </p>
        {reassign.isError && <ErrorAlert error={reassign.error} />}
        <label>
          Move to
          <select value={choice} onChange={(event) => setChoice(event.target.value)} required>
            <option value="">Choose an agent or a queue…</option>
            <optgroup label="Agents">
              {overview?.agents
                .filter((agent) => agent.id !== item?.agentId)
                .map((agent) => (
                  <option key={agent.id} value={`agent:${agent.id}`}>
                    {agent.name} · {agent.statusName ?? PRESENCE_LABELS[agent.presence]} ·{' '}
                    {Math.max(0, agent.capacity - agent.load)} free
                  </option>
                ))}
            </optgroup>
            <optgroup label="Queues">
              {overview?.queues.map((queue) => (
                <option key={queue.id} value={`queue:${queue.id}`}>
                  {queue.name} · {queue.waiting} waiting
                </option>
              ))}
            </optgroup>
          </select>
        </label>
        <DialogFormActions
          onCancel={close}
          submitLabel="Reassign"
          busyLabel="Reassigning…"
          busy={reassign.isPending}
          disabled={!choice}
        />
      </form>
    </Dialog>
  );
}
