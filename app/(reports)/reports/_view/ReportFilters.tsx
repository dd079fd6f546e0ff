'use client';

import type { inferRouterOutputs } from '@trpc/server';
import type { AppRouter } from '@/server/trpc/root';
import { CHANNEL_LABELS } from '../_model/format';
import { RANGE_PRESETS, type RangeChoice, type ReportQuery } from '../_model/reportQuery';

export type ReportOptions = inferRouterOutputs<AppRouter>['reports']['options'];

/** The range and the filters; every change goes into the URL at once. */
export function ReportFilters({
  query,
  options,
  today,
  onChange,
}: {
  query: ReportQuery;
  options: ReportOptions;
  today: string;
  onChange: (changes: Partial<ReportQuery>) => void;
}) {
  const set = onChange;
  const select = (
    label: string,
    key: 'deploymentId' | 'botVersionId' | 'queueId' | 'agentId',
    all: string,
    items: readonly { id: string; name: string }[],
  ) => (
    <label className="report-filter">
      {label}
      <select
        value={query[key] ?? ''}
        onChange={(e) => set({ [key]: e.target.value || undefined })}
      >
        <option value="">{all}</option>
        {items.map((item) => (
          <option key={item.id} value={item.id}>
            {item.name}
          </option>
        ))}
      </select>
    </label>
  );

  return (
    <form
      className="card report-filters"
      aria-label="Report filters"
      onSubmit={(event) => event.preventDefault()}
    >
      <label className="report-filter">
        Range
        <select
          value={query.range}
          onChange={(e) => {
            const range = e.target.value as RangeChoice;
            // A custom range starts from the days the preset covered, for a small change.
            set(
              range === 'custom'
                ? { range, fromDay: query.fromDay, toDay: query.toDay }
                : { range },
            );
          }}
        >
          {RANGE_PRESETS.map((preset) => (
            <option key={preset.id} value={preset.id}>
              {preset.label}
            </option>
          ))}
          <option value="custom">Custom…</option>
        </select>
      </label>
      {query.range === 'custom' && (
        <>
          <label className="report-filter">
            First day
            <input
              type="date"
              value={query.fromDay}
              max={today}
              onChange={(e) => set({ fromDay: e.target.value })}
            />
          </label>
          <label className="report-filter">
            Last day
            <input
              type="date"
              value={query.toDay}
              onChange={(e) => set({ toDay: e.target.value })}
            />
          </label>
        </>
      )}
      {select('Deployment', 'deploymentId', 'All deployments', options.deployments)}
      <label className="report-filter">
        Channel
        <select
          value={query.channel ?? ''}
          onChange={(e) =>
            set({ channel: (e.target.value || undefined) as ReportQuery['channel'] })
          }
        >
          <option value="">All channels</option>
          {options.channels.map((channel) => (
            <option key={channel} value={channel}>
              {CHANNEL_LABELS[channel]}
            </option>
          ))}
        </select>
      </label>
      {select('Bot version', 'botVersionId', 'All versions', options.botVersions)}
      {select('Queue', 'queueId', 'All queues', options.queues)}
      {select('Agent', 'agentId', 'All agents', options.agents)}
    </form>
  );
}
