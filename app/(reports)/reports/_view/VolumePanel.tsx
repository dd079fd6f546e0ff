'use client';

import { keepPreviousData, useQuery } from '@tanstack/react-query';
import { Bar, BarChart, CartesianGrid, ResponsiveContainer, Tooltip, XAxis, YAxis } from 'recharts';
import { useTRPC } from '@/app/_trpc/client';
import { CHANNEL_LABELS, count, nameIn } from '../_model/format';
import { fillPeriods, type Period } from '../_model/reportQuery';
import type { ColumnSpec } from '../_model/reportTable';
import { Panel, Stat } from './Panel';
import type { PanelProps } from './panelTypes';
import { ReportTable } from './ReportTable';

interface KeyRow {
  name: string;
  conversations: number;
}

const periodColumns = (period: Period): ColumnSpec<{ period: string; conversations: number }>[] => [
  { header: period === 'day' ? 'Day' : 'Week starting', value: (row) => row.period },
  { header: 'Conversations', value: (row) => row.conversations, numeric: true },
];

const keyColumns = (header: string): ColumnSpec<KeyRow>[] => [
  { header, value: (row) => row.name },
  { header: 'Conversations', value: (row) => row.conversations, numeric: true },
];

const BY_COUNT = { column: 1, direction: 'descending' } as const;

/** Conversations per day or week (chart and table), and per deployment, channel and version. */
export function VolumePanel({
  filters,
  query,
  options,
  fileSuffix,
  onPeriod,
}: PanelProps & { onPeriod: (period: Period) => void }) {
  const trpc = useTRPC();
  const volume = useQuery({
    ...trpc.reports.volume.queryOptions(filters),
    placeholderData: keepPreviousData,
  });
  const period = query.period;
  return (
    <Panel
      id="volume"
      title="Conversations"
      query={volume}
      isEmpty={(data) => data.total === 0}
      emptyText="No conversations started in this range. Try a longer range or fewer filters."
      actions={
        // biome-ignore lint/a11y/useSemanticElements: a pair of toggle buttons, not a fieldset of a form
        <div className="segmented" role="group" aria-label="Group conversations by">
          {(['day', 'week'] as const).map((choice) => (
            <button
              key={choice}
              type="button"
              aria-pressed={period === choice}
              onClick={() => onPeriod(choice)}
            >
              By {choice}
            </button>
          ))}
        </div>
      }
    >
      {(data) => {
        const periods = fillPeriods(
          period === 'day' ? data.days : data.weeks,
          query.fromDay,
          query.toDay,
          period,
        );
        return (
          <div className="stack">
            <div className="report-stats">
              <Stat
                label="Conversations"
                metric="conversations"
                value={count(data.total)}
                detail={`Days in ${data.timeZone}, the org’s time zone`}
              />
            </div>
            <figure className="report-chart">
              <ResponsiveContainer width="100%" height={220}>
                <BarChart data={periods} margin={{ top: 8, right: 8, bottom: 0, left: -16 }}>
                  <CartesianGrid strokeDasharray="3 3" vertical={false} />
                  <XAxis dataKey="period" fontSize={12} minTickGap={16} />
                  <YAxis allowDecimals={false} fontSize={12} />
                  <Tooltip />
                  <Bar
                    dataKey="conversations"
                    name="Conversations"
                    fill="var(--accent)"
                    isAnimationActive={false}
                  />
                </BarChart>
              </ResponsiveContainer>
              <figcaption className="muted">
                Conversations per {period === 'day' ? 'day' : 'week (from Monday)'} in{' '}
                {data.timeZone}; the table below has the same figures.
              </figcaption>
            </figure>
            <div className="report-tables">
              <ReportTable
                title={period === 'day' ? 'Conversations by day' : 'Conversations by week'}
                columns={periodColumns(period)}
                rows={periods}
                fileName={`conversations-by-${period}-${fileSuffix}`}
              />
              <ReportTable
                title="By deployment"
                columns={keyColumns('Deployment')}
                rows={data.byDeployment.map((row) => ({
                  name: nameIn(options.deployments, row.key),
                  conversations: row.conversations,
                }))}
                initialSort={BY_COUNT}
                fileName={`conversations-by-deployment-${fileSuffix}`}
              />
              <ReportTable
                title="By channel"
                columns={keyColumns('Channel')}
                rows={data.byChannel.map((row) => ({
                  name: row.key
                    ? (CHANNEL_LABELS[row.key as keyof typeof CHANNEL_LABELS] ?? row.key)
                    : 'None',
                  conversations: row.conversations,
                }))}
                initialSort={BY_COUNT}
                fileName={`conversations-by-channel-${fileSuffix}`}
              />
              <ReportTable
                title="By bot version"
                columns={keyColumns('Bot version')}
                rows={data.byBotVersion.map((row) => ({
                  name: nameIn(options.botVersions, row.key, 'No bot'),
                  conversations: row.conversations,
                }))}
                initialSort={BY_COUNT}
                fileName={`conversations-by-bot-version-${fileSuffix}`}
              />
            </div>
          </div>
        );
      }}
    </Panel>
  );
}
