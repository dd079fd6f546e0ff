'use client';

import { useMutation, useQueryClient } from '@tanstack/react-query';
import { ErrorAlert } from '@/app/_components/ErrorAlert';
import { useTRPC } from '@/app/_trpc/client';
import type { Workspace } from '../_live/consoleTypes';
import { PresenceSelect } from './PresenceSelect';

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
  return (
    <div className="presence-switch">
      <span className={`presence-dot presence-${workspace.presence}`} aria-hidden />
      <PresenceSelect
        label="Presence"
        presence={workspace.presence}
        statusId={workspace.presenceStatusId}
        statuses={workspace.statuses}
        disabled={setPresence.isPending}
        onChange={(choice) => setPresence.mutate(choice)}
      />
      <span className="muted" data-testid="agent-load">
        {workspace.load} of {workspace.capacity} conversations
      </span>
      {setPresence.isError && (
        <ErrorAlert error={setPresence.error}> Your presence is unchanged; try again.</ErrorAlert>
      )}
    </div>
  );
}
