'use client';

import type { UseQueryResult } from '@tanstack/react-query';
import type { ReactNode } from 'react';
import { ErrorAlert } from '@/app/_components/ErrorAlert';
import { MetricHelp } from './MetricHelp';

/**
 * One panel of the Reports page around its own query: "Computing…" while the server works,
 * the error and a way to retry, an empty state, or the figures.
 */
export function Panel<Data>({
  id,
  title,
  query,
  isEmpty,
  emptyText,
  actions,
  children,
}: {
  id: string;
  title: string;
  query: UseQueryResult<Data, unknown>;
  isEmpty: (data: Data) => boolean;
  emptyText: string;
  /** Controls in the header, shown with the figures (the day/week switch). */
  actions?: ReactNode;
  children: (data: Data) => ReactNode;
}) {
  const headingId = `${id}-heading`;
  const computing = query.isPending || (query.isFetching && query.isPlaceholderData);
  return (
    <section className="card report-panel" aria-labelledby={headingId} aria-busy={computing}>
      <div className="report-panel-head">
        <h2 id={headingId}>{title}</h2>
        {query.data !== undefined && actions}
      </div>
      {query.isPending ? (
        <div className="report-skeleton" role="status">
          <span>Computing…</span>
        </div>
      ) : query.isError ? (
        <ErrorAlert error={query.error}>
          {' '}
          <button type="button" onClick={() => query.refetch()}>
            Try again
          </button>
        </ErrorAlert>
      ) : (
        <div className={computing ? 'report-stale' : undefined}>
          {computing && (
            <p className="muted" role="status">
              Computing…
            </p>
          )}
          {isEmpty(query.data) ? <p className="empty-state">{emptyText}</p> : children(query.data)}
        </div>
      )}
    </section>
  );
}

/** One headline figure with its definition, and what it is out of. */
export function Stat({
  label,
  metric,
  value,
  detail,
}: {
  label: string;
  metric?: string;
  value: string;
  detail?: string;
}) {
  return (
    // biome-ignore lint/a11y/useSemanticElements: a figure with its label, not a form's fieldset
    <div className="report-stat" role="group" aria-label={label}>
      <div className="report-stat-label">
        {label}
        {metric && <MetricHelp metric={metric} />}
      </div>
      <div className="report-stat-value" data-testid="stat-value">
        {value}
      </div>
      {detail && <div className="muted report-stat-detail">{detail}</div>}
    </div>
  );
}
