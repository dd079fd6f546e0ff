'use client';

import { useMutation, useQueryClient } from '@tanstack/react-query';
import { ErrorAlert } from '@/app/_components/ErrorAlert';
import { useTRPC } from '@/app/_trpc/client';
import { formatDuration } from '../../_live/countdown';
import { PresenceSelect, type StatusChoice } from '../../_presence/PresenceSelect';
import type { FloorAgent, FloorItem } from './floorTypes';

/** Each agent's presence (which the supervisor may change), load and open conversations. */
export function AgentsTable({
  agents,
  statuses,
  now,
  onExplain,
  onReassign,
}: {
  agents: FloorAgent[];
  statuses: readonly StatusChoice[];
  now: number;
  onExplain: (item: FloorItem) => void;
  onReassign: (item: FloorItem) => void;
}) {
  const trpc = useTRPC();
  const queryClient = useQueryClient();
  const setPresence = useMutation(
    trpc.supervisor.setAgentPresence.mutationOptions({
      onSettled: () =>
        queryClient.invalidateQueries({ queryKey: trpc.supervisor.overview.queryKey() }),
    }),
  );

  return (
    <section className="card" aria-labelledby="agents-heading">
      <h2 id="agents-heading">Agents</h2>
      {setPresence.isError && <ErrorAlert error={setPresence.error} />}
      {agents.length === 0 ? (
        <p className="muted">No agents take conversations yet.</p>
      ) : (
        <table>
          <thead>
            <tr>
              <th>Agent</th>
              <th>Presence</th>
              <th>Load</th>
              <th>Conversations</th>
            </tr>
          </thead>
          <tbody>
            {agents.map((agent) => (
              <tr key={agent.id} aria-label={`Agent: ${agent.name}`}>
                <td>
                  <span className={`presence-dot presence-${agent.presence}`} aria-hidden />{' '}
                  {agent.name}
                </td>
                <td>
                  <PresenceSelect
                    label={`Presence of ${agent.name}`}
                    presence={agent.presence}
                    statusId={agent.presenceStatusId}
                    statuses={statuses}
                    disabled={setPresence.isPending}
                    onChange={(choice) => setPresence.mutate({ agentId: agent.id, choice })}
                  />
                </td>
                <td>
                  <meter
                    min={0}
                    max={Math.max(agent.capacity, 1)}
                    value={agent.load}
                    aria-label={`Load of ${agent.name}`}
                  />{' '}
                  {agent.load} / {agent.capacity}
                </td>
                <td>
                  {agent.conversations.length === 0 ? (
                    <span className="muted">—</span>
                  ) : (
                    <ul className="plain-list">
                      {agent.conversations.map((item) => (
                        <li key={item.workItemId} className="row">
                          <span>
                            {item.customerName ?? 'Customer'}{' '}
                            <span className="muted">
                              · {item.queueName} ·{' '}
                              {item.status === 'offered'
                                ? 'offered'
                                : formatDuration((now - item.askedAt.getTime()) / 1000)}
                            </span>
                          </span>
                          <button type="button" onClick={() => onExplain(item)}>
                            Why?
                          </button>
                          <button type="button" onClick={() => onReassign(item)}>
                            Reassign…
                          </button>
                        </li>
                      ))}
                    </ul>
                  )}
                </td>
              </tr>
            ))}
          </tbody>
        </table>
      )}
    </section>
  );
}
