'use client';

import { keepPreviousData, useQuery } from '@tanstack/react-query';
import type { inferRouterOutputs } from '@trpc/server';
import { useTRPC } from '@/app/_trpc/client';
import { PRESENCE_STATUSES, type Presence } from '@/server/db/enums';
import type { AppRouter } from '@/server/trpc/root';
import { duration } from '../_model/format';
import type { ColumnSpec } from '../_model/reportTable';
import { MetricHelp } from './MetricHelp';
import { Panel } from './Panel';
import type { PanelProps } from './panelTypes';
import { ReportTable } from './ReportTable';

type AgentRow = inferRouterOutputs<AppRouter>['reports']['utilisation'][number];

const PRESENCE_LABELS: Record<Presence, string> = {
  online: 'Online',
  busy: 'Busy',
  away: 'Away',
  offline: 'Offline',
};

const time = (value: string | number | null) => duration(value as number | null);

/** Each agent's time per presence status (the org's own too) and at full capacity. */
export function UtilisationPanel({ filters, options, fileSuffix }: PanelProps) {
  const trpc = useTRPC();
  const utilisation = useQuery({
    ...trpc.reports.utilisation.queryOptions(filters),
    placeholderData: keepPreviousData,
  });
  const columns: ColumnSpec<AgentRow>[] = [
    { header: 'Agent', value: (row) => row.name },
    ...PRESENCE_STATUSES.map(
      (presence): ColumnSpec<AgentRow> => ({
        header: PRESENCE_LABELS[presence],
        value: (row) => row.secondsIn[presence],
        text: time,
        numeric: true,
      }),
    ),
    ...options.presenceStatuses.map(
      (status): ColumnSpec<AgentRow> => ({
        header: `${status.name} (own status)`,
        value: (row) => row.secondsInStatus[status.id] ?? 0,
        text: time,
        numeric: true,
      }),
    ),
    { header: 'Capacity', value: (row) => row.capacity, numeric: true },
    { header: 'At capacity', value: (row) => row.secondsAtCapacity, text: time, numeric: true },
  ];
  return (
    <Panel
      id="utilisation"
      title="Agent utilisation"
      query={utilisation}
      isEmpty={(data) => data.length === 0}
      emptyText="No agents match these filters."
    >
      {(data) => (
        <div className="stack">
          <p className="muted report-help-line">
            Time in each presence status <MetricHelp metric="time_in_presence" /> and time at
            capacity <MetricHelp metric="time_at_capacity" />, up to now for a range that has not
            ended.
          </p>
          <ReportTable
            title="Time per agent"
            columns={columns}
            rows={data}
            fileName={`agent-utilisation-${fileSuffix}`}
          />
        </div>
      )}
    </Panel>
  );
}
