'use client';

import { keepPreviousData, useQuery } from '@tanstack/react-query';
import { useTRPC } from '@/app/_trpc/client';
import { percent } from '../_model/format';
import type { ColumnSpec } from '../_model/reportTable';
import { Panel, Stat } from './Panel';
import type { PanelProps } from './panelTypes';
import { ReportTable } from './ReportTable';

interface Group {
  key: string | null;
  escalations: number;
  rate: number | null;
}

const groupColumns = (header: string, none: string): ColumnSpec<Group>[] => [
  { header, value: (row) => row.key ?? none },
  { header: 'Escalations', value: (row) => row.escalations, numeric: true },
  {
    header: 'Of all conversations',
    value: (row) => row.rate,
    text: (value) => percent(value as number | null),
    numeric: true,
  },
];

/** Deflection, abandonment in the bot, and escalation overall, by intent and by node. */
export function OutcomesPanel({ filters, fileSuffix }: PanelProps) {
  const trpc = useTRPC();
  const outcomes = useQuery({
    ...trpc.reports.botOutcomes.queryOptions(filters),
    placeholderData: keepPreviousData,
  });
  return (
    <Panel
      id="outcomes"
      title="Deflection and escalation"
      query={outcomes}
      isEmpty={(data) => data.deflection.conversations === 0}
      emptyText="No conversations started in this range."
    >
      {({ deflection, escalations }) => (
        <div className="stack">
          <div className="report-stats">
            <Stat
              label="Deflection rate"
              metric="deflection_rate"
              value={percent(deflection.deflectionRate)}
              detail={`${deflection.contained} of ${deflection.conversations} conversations contained`}
            />
            <Stat
              label="Abandoned in bot"
              metric="abandoned_in_bot_rate"
              value={percent(deflection.abandonedInBotRate)}
              detail={`${deflection.abandonedInBot} of ${deflection.conversations} conversations`}
            />
            <Stat
              label="Escalation rate"
              metric="escalation_rate"
              value={percent(escalations.escalationRate)}
              detail={`${escalations.escalated} of ${escalations.conversations} conversations`}
            />
          </div>
          <div className="report-tables">
            <ReportTable
              title="Escalations by intent"
              columns={groupColumns('Intent', 'None recognised')}
              rows={escalations.byIntent}
              initialSort={{ column: 1, direction: 'descending' }}
              fileName={`escalations-by-intent-${fileSuffix}`}
            />
            <ReportTable
              title="Escalations by escalate node"
              columns={groupColumns('Escalate node', 'No node (no bot)')}
              rows={escalations.byNode}
              initialSort={{ column: 1, direction: 'descending' }}
              fileName={`escalations-by-node-${fileSuffix}`}
            />
          </div>
        </div>
      )}
    </Panel>
  );
}
