'use client';

import { keepPreviousData, useQuery } from '@tanstack/react-query';
import { Bar, BarChart, CartesianGrid, ResponsiveContainer, Tooltip, XAxis, YAxis } from 'recharts';
import { useTRPC } from '@/app/_trpc/client';
import { nameIn, percent, score } from '../_model/format';
import type { ColumnSpec } from '../_model/reportTable';
import { Panel, Stat } from './Panel';
import type { PanelProps } from './panelTypes';
import { ReportTable } from './ReportTable';

interface GroupRow {
  name: string;
  responses: number;
  averageScore: number | null;
}

const groupColumns = (header: string): ColumnSpec<GroupRow>[] => [
  { header, value: (row) => row.name },
  { header: 'Answers', value: (row) => row.responses, numeric: true },
  {
    header: 'Average score',
    value: (row) => row.averageScore,
    text: (value) => score(value as number | null),
    numeric: true,
  },
];

const distributionColumns: ColumnSpec<{ score: number; answers: number }>[] = [
  { header: 'Score', value: (row) => row.score, numeric: true },
  { header: 'Answers', value: (row) => row.answers, numeric: true },
];

const BY_ANSWERS = { column: 1, direction: 'descending' } as const;

/** Satisfaction: the average, how answers spread over 1–5, who earned them, who answered. */
export function CsatPanel({ filters, options, fileSuffix }: PanelProps) {
  const trpc = useTRPC();
  const csat = useQuery({
    ...trpc.reports.csat.queryOptions(filters),
    placeholderData: keepPreviousData,
  });
  return (
    <Panel
      id="csat"
      title="Customer satisfaction"
      query={csat}
      isEmpty={(data) => data.ended === 0 && data.responses === 0}
      emptyText="No conversation ended in this range, so nobody was asked yet."
    >
      {(data) => {
        const distribution = ([1, 2, 3, 4, 5] as const).map((s) => ({
          score: s,
          answers: data.distribution[s],
        }));
        const named = (
          groups: typeof data.byAgent,
          list: readonly { id: string; name: string }[],
          none: string,
        ) =>
          groups.map((group) => ({
            name: nameIn(list, group.key, none),
            responses: group.responses,
            averageScore: group.averageScore,
          }));
        return (
          <div className="stack">
            <div className="report-stats">
              <Stat
                label="Average CSAT"
                metric="csat"
                value={score(data.averageScore)}
                detail={`out of 5, from ${data.responses} answers`}
              />
              <Stat
                label="Response rate"
                metric="csat_response_rate"
                value={percent(data.responseRate)}
                detail={`${data.responses} of ${data.ended} ended conversations`}
              />
            </div>
            <figure className="report-chart">
              <ResponsiveContainer width="100%" height={180}>
                <BarChart data={distribution} margin={{ top: 8, right: 8, bottom: 0, left: -16 }}>
                  <CartesianGrid strokeDasharray="3 3" vertical={false} />
                  <XAxis dataKey="score" fontSize={12} />
                  <YAxis allowDecimals={false} fontSize={12} />
                  <Tooltip />
                  <Bar
                    dataKey="answers"
                    name="Answers"
                    fill="var(--success)"
                    isAnimationActive={false}
                  />
                </BarChart>
              </ResponsiveContainer>
              <figcaption className="muted">Answers per score, 1 (worst) to 5 (best).</figcaption>
            </figure>
            <div className="report-tables">
              <ReportTable
                title="CSAT distribution"
                columns={distributionColumns}
                rows={distribution}
                fileName={`csat-distribution-${fileSuffix}`}
              />
              <ReportTable
                title="CSAT by agent"
                columns={groupColumns('Agent')}
                rows={named(data.byAgent, options.agents, 'No agent (bot only)')}
                initialSort={BY_ANSWERS}
                fileName={`csat-by-agent-${fileSuffix}`}
              />
              <ReportTable
                title="CSAT by queue"
                columns={groupColumns('Queue')}
                rows={named(data.byQueue, options.queues, 'No queue (bot only)')}
                initialSort={BY_ANSWERS}
                fileName={`csat-by-queue-${fileSuffix}`}
              />
              <ReportTable
                title="CSAT by bot version"
                columns={groupColumns('Bot version')}
                rows={named(data.byBotVersion, options.botVersions, 'No bot')}
                initialSort={BY_ANSWERS}
                fileName={`csat-by-bot-version-${fileSuffix}`}
              />
            </div>
          </div>
        );
      }}
    </Panel>
  );
}
