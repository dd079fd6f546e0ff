'use client';

import { useQuery } from '@tanstack/react-query';
import { useState } from 'react';
import { ErrorAlert } from '@/app/_components/ErrorAlert';
import { useTRPC } from '@/app/_trpc/client';
import { useNow } from '../../_live/useNow';
import { AgentsTable } from './AgentsTable';
import { DecisionLog } from './DecisionLog';
import type { FloorItem } from './floorTypes';
import { QueuesTable } from './QueuesTable';
import { ReassignDialog } from './ReassignDialog';
import { WaitingItems } from './WaitingItems';

/**
 * Routing pokes only the agents whose work changed, so the floor is re-read on a short timer
 * instead; a few small queries every few seconds per supervisor is nothing for the server.
 */
const REFRESH_MS = 4_000;

/**
 * The supervisor's floor, live: queues, agents and the items still waiting; for any item, why
 * routing did what it did, and a way to move it.
 */
export function SupervisorFloor() {
  const trpc = useTRPC();
  const overview = useQuery({
    ...trpc.supervisor.overview.queryOptions(),
    refetchInterval: REFRESH_MS,
  });
  const now = useNow();
  const [explaining, setExplaining] = useState<FloorItem | null>(null);
  const [reassigning, setReassigning] = useState<FloorItem | null>(null);
  const secondsAgo = Math.max(0, Math.round((now - overview.dataUpdatedAt) / 1000));

  return (
    <>
      <div className="page-header">
        <div>
          <h1>Supervisor</h1>
          <p className="muted">Queues, agents and waiting customers, as routing sees them.</p>
        </div>
        {overview.data && (
          <p className="muted" role="status" aria-live="off">
            {overview.isRefetchError ? 'Could not refresh; ' : ''}Updated{' '}
            {secondsAgo < 2 ? 'just now' : `${secondsAgo}s ago`}
          </p>
        )}
      </div>
      {overview.isPending ? (
        <p className="muted">Loading the floor…</p>
      ) : overview.isError && !overview.data ? (
        <ErrorAlert error={overview.error}>
          {' '}
          <button type="button" onClick={() => overview.refetch()}>
            Retry
          </button>
        </ErrorAlert>
      ) : (
        <div className="supervisor-floor">
          <div className="stack">
            <QueuesTable queues={overview.data.queues} />
            <WaitingItems
              items={overview.data.waitingItems}
              agents={overview.data.agents}
              now={now}
              onExplain={setExplaining}
              onReassign={setReassigning}
            />
            <AgentsTable
              agents={overview.data.agents}
              statuses={overview.data.statuses}
              now={now}
              onExplain={setExplaining}
              onReassign={setReassigning}
            />
          </div>
          {explaining && <DecisionLog item={explaining} onClose={() => setExplaining(null)} />}
        </div>
      )}
      <ReassignDialog
        item={reassigning}
        overview={overview.data}
        onClose={() => setReassigning(null)}
      />
    </>
  );
}
