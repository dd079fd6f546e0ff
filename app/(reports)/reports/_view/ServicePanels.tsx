'use client';

import { keepPreviousData, useQuery } from '@tanstack/react-query';
import { useTRPC } from '@/app/_trpc/client';
import { duration, percent } from '../_model/format';
import { Panel, Stat } from './Panel';
import type { PanelProps } from './panelTypes';

/** Escalation → accept per work item, and the customers who left before anyone came. */
export function WaitPanel({ filters }: PanelProps) {
  const trpc = useTRPC();
  const waits = useQuery({
    ...trpc.reports.waitTimes.queryOptions(filters),
    placeholderData: keepPreviousData,
  });
  return (
    <Panel
      id="waits"
      title="Waiting for an agent"
      query={waits}
      isEmpty={(data) => data.answered + data.abandoned === 0}
      emptyText="Nobody waited for an agent in this range."
    >
      {(data) => (
        <div className="report-stats">
          <Stat
            label="Average wait"
            metric="wait_time"
            value={duration(data.averageWaitSeconds)}
            detail={`${data.answered} accepted`}
          />
          <Stat label="90th percentile wait" value={duration(data.p90WaitSeconds)} />
          <Stat
            label="Abandoned while waiting"
            metric="abandonment_while_waiting"
            value={percent(data.abandonmentRate)}
            detail={`${data.abandoned} of ${data.abandoned + data.answered} who waited`}
          />
        </div>
      )}
    </Panel>
  );
}

/** Accept → the agent's first message, and accept → end. */
export function AgentTimesPanel({ filters }: PanelProps) {
  const trpc = useTRPC();
  const times = useQuery({
    ...trpc.reports.agentTimes.queryOptions(filters),
    placeholderData: keepPreviousData,
  });
  return (
    <Panel
      id="agent-times"
      title="Response and handle time"
      query={times}
      isEmpty={(data) => data.accepted === 0}
      emptyText="No agent accepted a conversation in this range."
    >
      {(data) => (
        <div className="report-stats">
          <Stat
            label="First response time"
            metric="first_response_time"
            value={duration(data.averageFirstResponseSeconds)}
            detail={`p90 ${duration(data.p90FirstResponseSeconds)}; ${data.unanswered} of ${data.accepted} accepted not answered yet`}
          />
          <Stat
            label="Average handle time"
            metric="average_handle_time"
            value={duration(data.averageHandleSeconds)}
            detail={`${data.handled} of ${data.accepted} accepted have ended`}
          />
        </div>
      )}
    </Panel>
  );
}
