'use client';

import { useQuery } from '@tanstack/react-query';
import { useEffect, useRef } from 'react';
import { ErrorAlert } from '@/app/_components/ErrorAlert';
import { useTRPC } from '@/app/_trpc/client';
import { codeWords } from '../../_live/codeWords';
import type { FloorItem } from './floorTypes';

const EVENT_WORDS: Record<string, string> = {
  queued: 'Queued',
  waiting: 'Still waiting',
  offered: 'Offered',
  accepted: 'Accepted',
  declined: 'Declined',
  offer_timed_out: 'Offer timed out',
  overflowed: 'Overflowed to another queue',
  optional_skills_dropped: 'Optional skills dropped',
  transferred: 'Transferred',
  rerouted: 'Rerouted',
  cancelled: 'Cancelled',
  completed: 'Completed',
};

const VERDICT_WORDS: Record<string, string> = {
  chosen: 'chosen',
  eligible: 'could take it',
  presence: 'not taking work',
  membership: 'not in the queue',
  skill: 'missing a skill',
  level: 'skill level too low',
  capacity: 'at capacity',
  passed_over: 'already passed on it',
  optional_skill: 'waiting for one with the optional skills',
};

/**
 * "Why?": the work item's decision log, oldest first: each decision routing or a person made,
 * with the agents it considered and the verdict on each.
 */
export function DecisionLog({ item, onClose }: { item: FloorItem; onClose: () => void }) {
  const trpc = useTRPC();
  const decisions = useQuery({
    ...trpc.supervisor.decisions.queryOptions({ workItemId: item.workItemId }),
    refetchInterval: 4_000,
  });
  const heading = useRef<HTMLHeadingElement>(null);
  // biome-ignore lint/correctness/useExhaustiveDependencies: moves focus when another item is explained
  useEffect(() => {
    heading.current?.focus();
  }, [item.workItemId]);

  return (
    <section className="card decision-log" aria-label="Decision log">
      <div className="row" style={{ justifyContent: 'space-between' }}>
        <h2 ref={heading} tabIndex={-1}>
          Why? {item.customerName ?? 'Customer'} · {item.queueName}
        </h2>
        <button type="button" onClick={onClose}>
          Close
        </button>
      </div>
      {decisions.isPending ? (
        <p className="muted">Loading decisions…</p>
      ) : decisions.isError ? (
        <ErrorAlert error={decisions.error} />
      ) : decisions.data.length === 0 ? (
        <p className="muted">No decisions logged yet.</p>
      ) : (
        <ol className="decision-list">
          {decisions.data.map((decision) => (
            <li key={decision.id}>
              <div>
                <strong>{EVENT_WORDS[decision.event] ?? decision.event}</strong>
                {decision.agentName && <> · {decision.agentName}</>}{' '}
                <span className="muted">{decision.createdAt.toLocaleTimeString()}</span>
              </div>
              {decision.reason && <div className="muted">{codeWords(decision.reason)}</div>}
              {decision.considered.length > 0 && (
                <table className="considered">
                  <thead>
                    <tr>
                      <th>Agent considered</th>
                      <th>Verdict</th>
                      <th>Detail</th>
                    </tr>
                  </thead>
                  <tbody>
                    {decision.considered.map((agent) => (
                      <tr key={agent.agentId} className={`verdict-${agent.verdict}`}>
                        <td>{agent.name}</td>
                        <td>{VERDICT_WORDS[agent.verdict] ?? agent.verdict}</td>
                        <td className="muted">{agent.detail}</td>
                      </tr>
                    ))}
                  </tbody>
                </table>
              )}
            </li>
          ))}
        </ol>
      )}
    </section>
  );
}
