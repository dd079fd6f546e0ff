'use client';

import { useQuery } from '@tanstack/react-query';
import { usePathname, useSearchParams } from 'next/navigation';
import { useMemo, useRef, useState } from 'react';
import { ErrorAlert } from '@/app/_components/ErrorAlert';
import { useTRPC } from '@/app/_trpc/client';
import {
  filtersOf,
  parseReportQuery,
  type ReportQuery,
  reportQueryString,
  todayIn,
} from '../_model/reportQuery';
import { CsatPanel } from './CsatPanel';
import { OutcomesPanel } from './OutcomesPanel';
import { ReportFilters } from './ReportFilters';
import { AgentTimesPanel, WaitPanel } from './ServicePanels';
import { UtilisationPanel } from './UtilisationPanel';
import { VolumePanel } from './VolumePanel';

/**
 * The Reports page: the view lives in the URL (share it to share the view); the panels each
 * ask the server for their own figures, so each shows as soon as it is computed.
 */
export function ReportsView() {
  const trpc = useTRPC();
  const options = useQuery(trpc.reports.options.queryOptions());
  const params = useSearchParams();
  const pathname = usePathname();
  // "Today" is when the page opened: a page left open overnight keeps the range it showed.
  const [openedAt] = useState(() => new Date());

  const timeZone = options.data?.timeZone;
  const view = useMemo(() => {
    if (!timeZone) return null;
    const today = todayIn(timeZone, openedAt);
    const parsed = parseReportQuery(new URLSearchParams(params.toString()), today);
    return { today, parsed, filters: parsed.ok ? filtersOf(parsed.query, timeZone) : null };
  }, [timeZone, openedAt, params]);

  // Two changes in one moment (both days of a range) must not each start from the old URL:
  // until the URL shows the last change, further changes build on that change.
  const pending = useRef<{ query: ReportQuery; search: string } | null>(null);
  if (pending.current?.search === params.toString()) pending.current = null;
  const change = (changes: Partial<ReportQuery>) => {
    const base = pending.current?.query ?? view?.parsed.query;
    if (!base) return;
    const query = { ...base, ...changes };
    pending.current = { query, search: reportQueryString(query) };
    const search = reportQueryString(query);
    // The browser's own history, which Next.js follows: the URL changes at once and no server
    // round trip can land after a later change and undo it.
    window.history.replaceState(null, '', search ? `${pathname}?${search}` : pathname);
  };

  return (
    <>
      <div className="page-header">
        <div>
          <h1>Reports</h1>
          <p className="muted">Volume, handle time, deflection and satisfaction.</p>
        </div>
      </div>
      {options.isPending ? (
        <div className="card report-skeleton" role="status">
          <span>Loading the filters…</span>
        </div>
      ) : options.isError ? (
        <ErrorAlert error={options.error}>
          {' '}
          <button type="button" onClick={() => options.refetch()}>
            Try again
          </button>
        </ErrorAlert>
      ) : (
        view && (
          <div className="stack">
            <ReportFilters
              query={view.parsed.query}
              options={options.data}
              today={view.today}
              onChange={change}
            />
            {!view.parsed.ok || !view.filters ? (
              <div className="alert alert-warning" role="alert">
                {view.parsed.ok ? '' : view.parsed.problem}
              </div>
            ) : (
              <>
                <RangeNote
                  fromDay={view.parsed.query.fromDay}
                  toDay={view.parsed.query.toDay}
                  from={view.filters.from}
                  to={view.filters.to}
                  timeZone={options.data.timeZone}
                />
                <div className="report-grid">
                  {(() => {
                    const props = {
                      filters: view.filters,
                      query: view.parsed.query,
                      options: options.data,
                      fileSuffix: `${view.parsed.query.fromDay}-to-${view.parsed.query.toDay}`,
                    };
                    return (
                      <>
                        <VolumePanel {...props} onPeriod={(period) => change({ period })} />
                        <OutcomesPanel {...props} />
                        <WaitPanel {...props} />
                        <AgentTimesPanel {...props} />
                        <CsatPanel {...props} />
                        <UtilisationPanel {...props} />
                      </>
                    );
                  })()}
                </div>
              </>
            )}
          </div>
        )
      )}
    </>
  );
}

/** Which days the report covers, in the org's zone, and when they start and end for the viewer. */
function RangeNote({
  fromDay,
  toDay,
  from,
  to,
  timeZone,
}: {
  fromDay: string;
  toDay: string;
  from: Date;
  to: Date;
  timeZone: string;
}) {
  const viewerZone = Intl.DateTimeFormat().resolvedOptions().timeZone;
  const at = new Intl.DateTimeFormat(undefined, { dateStyle: 'medium', timeStyle: 'short' });
  return (
    <p className="muted" data-testid="report-range">
      Conversations started from {fromDay} to {toDay}, days counted in the org’s time zone,{' '}
      <strong>{timeZone}</strong>
      {viewerZone === timeZone
        ? '.'
        : `: ${at.format(from)} to ${at.format(to)} in your time zone (${viewerZone}).`}
    </p>
  );
}
