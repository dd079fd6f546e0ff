'use client';

import { useMutation, useQueryClient } from '@tanstack/react-query';
import { ErrorAlert } from '@/app/_components/ErrorAlert';
import { useTRPC } from '@/app/_trpc/client';
import type { Workspace } from '../_live/consoleTypes';
import { BUILT_IN_PRESENCES, PRESENCE_LABELS } from './presenceLabels';

/**
 * The agent's presence: the built-in ones and the org's own statuses ("Lunch", "Training"),
 * with the load they carry against their capacity beside it.
 */
export function PresenceSwitch({ workspace }: { workspace: Workspace }) {
  const trpc = useTRPC();
  const queryClient = useQueryClient();
  const setPresence = useMutation(
    trpc.console.setPresence.mutationOptions({
      onSettled: () =>
        queryClient.invalidateQueries({ queryKey: trpc.console.workspace.queryKey() }),
    }),
  );
  const value = workspace.presenceStatusId
    ? `status:${workspace.presenceStatusId}`
    : `presence:${workspace.presence}`;

  return (
    <div className="presence-switch">
      <span className={`presence-dot presence-${workspace.presence}`} aria-hidden />
      <label className="presence-label">
        <span className="visually-hidden">Presence</span>
        <select
          value={value}
          disabled={setPresence.isPending}
          onChange={(event) => {
            const [kind, choice = ''] = event.target.value.split(/:(.*)/);
            setPresence.mutate(
              kind === 'status'
                ? { statusId: choice }
                : { presence: choice as Workspace['presence'] },
            );
          }}
        >
          {BUILT_IN_PRESENCES.map((presence) => (
            <option key={presence} value={`presence:${presence}`}>
              {PRESENCE_LABELS[presence]}
            </option>
          ))}
          {workspace.statuses.length > 0 && (
            <optgroup label="Team statuses">
              {workspace.statuses.map((status) => (
                <option key={status.id} value={`status:${status.id}`}>
                  {status.name} {status.takesWork ? '(takes work)' : '(no new work)'}
                </option>
              ))}
            </optgroup>
          )}
        </select>
      </label>
      <span className="muted" data-testid="agent-load">
        {workspace.load} of {workspace.capacity} conversations
      </span>
      {setPresence.isError && (
        <ErrorAlert error={setPresence.error}> Your presence is unchanged; try again.</ErrorAlert>
      )}
    </div>
  );
}
