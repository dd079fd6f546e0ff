import { CHANNELS, type Channel } from '@/server/db/enums';
import { addDays, dayStartMs, isDay, localDate, weekStart } from '@/server/reports/timeBuckets';

/**
 * The Reports page's view as the URL holds it, so a view can be shared: the range (a preset of
 * the org's last days, or chosen days), the filters and the day/week switch. Days are the org's
 * local days, the same the server buckets conversations in.
 */
export const RANGE_PRESETS = [
  { id: '7d', label: 'Last 7 days', days: 7 },
  { id: '30d', label: 'Last 30 days', days: 30 },
  { id: '90d', label: 'Last 90 days', days: 90 },
] as const;

export type RangeChoice = (typeof RANGE_PRESETS)[number]['id'] | 'custom';
export type Period = 'day' | 'week';

const DEFAULT_RANGE: RangeChoice = '30d';
/** Two years and a day: a year compared with the one before, and no chart of a million days. */
export const MAX_RANGE_DAYS = 731;

export interface ReportQuery {
  range: RangeChoice;
  /** First and last day of the range, both included, "YYYY-MM-DD" in the org's zone. */
  fromDay: string;
  toDay: string;
  deploymentId?: string;
  channel?: Channel;
  botVersionId?: string;
  queueId?: string;
  agentId?: string;
  period: Period;
}

/** What the server is asked: the instants [from, to) and the filters that are set. */
export interface ReportFiltersInput {
  from: Date;
  to: Date;
  deploymentId?: string;
  channel?: Channel;
  botVersionId?: string;
  queueId?: string;
  agentId?: string;
}

export type ParsedQuery =
  | { ok: true; query: ReportQuery }
  | { ok: false; problem: string; query: ReportQuery };

const FILTER_PARAMS = {
  deploymentId: 'deployment',
  botVersionId: 'botVersion',
  queueId: 'queue',
  agentId: 'agent',
} as const;

/** Reads the view from the URL; `today` is the org's current local day. */
export function parseReportQuery(params: URLSearchParams, today: string): ParsedQuery {
  const rangeParam = params.get('range');
  const from = params.get('from');
  const to = params.get('to');
  const range: RangeChoice = isRange(rangeParam)
    ? rangeParam
    : from || to
      ? 'custom'
      : DEFAULT_RANGE;
  const channel = params.get('channel');
  const query: ReportQuery = {
    range,
    fromDay: today,
    toDay: today,
    period: params.get('period') === 'week' ? 'week' : 'day',
    ...(CHANNELS.includes(channel as Channel) ? { channel: channel as Channel } : {}),
  };
  for (const [key, param] of Object.entries(FILTER_PARAMS)) {
    const value = params.get(param);
    if (value) query[key as keyof typeof FILTER_PARAMS] = value;
  }
  const preset = RANGE_PRESETS.find((p) => p.id === range);
  if (preset) return { ok: true, query: { ...query, fromDay: addDays(today, 1 - preset.days) } };
  if (!from || !isDay(from) || !to || !isDay(to)) {
    return {
      ok: false,
      problem: 'Choose both the first and the last day of the range.',
      query: { ...query, fromDay: from ?? '', toDay: to ?? '' },
    };
  }
  const custom = { ...query, fromDay: from, toDay: to };
  if (from > to) {
    return { ok: false, problem: 'The first day must not come after the last day.', query: custom };
  }
  if (daysBetween(from, to) + 1 > MAX_RANGE_DAYS) {
    return {
      ok: false,
      problem: `A range can cover at most ${MAX_RANGE_DAYS} days; choose a later first day or an earlier last day.`,
      query: custom,
    };
  }
  return { ok: true, query: custom };
}

/** The URL's query string for a view; the defaults are left out, a preset drops its days. */
export function reportQueryString(query: ReportQuery): string {
  const params = new URLSearchParams();
  if (query.range !== DEFAULT_RANGE) params.set('range', query.range);
  if (query.range === 'custom') {
    params.set('from', query.fromDay);
    params.set('to', query.toDay);
  }
  for (const [key, param] of Object.entries(FILTER_PARAMS)) {
    const value = query[key as keyof typeof FILTER_PARAMS];
    if (value) params.set(param, value);
  }
  if (query.channel) params.set('channel', query.channel);
  if (query.period !== 'day') params.set('period', query.period);
  return params.toString();
}

/** The server's input: local days turned into instants at the org's midnights. */
export function filtersOf(query: ReportQuery, timeZone: string): ReportFiltersInput {
  const filters: ReportFiltersInput = {
    from: zonedMidnight(query.fromDay, timeZone),
    to: zonedMidnight(addDays(query.toDay, 1), timeZone),
  };
  for (const key of [...Object.keys(FILTER_PARAMS), 'channel'] as const) {
    const value = query[key as keyof typeof FILTER_PARAMS | 'channel'];
    if (value) Object.assign(filters, { [key]: value });
  }
  return filters;
}

export function todayIn(timeZone: string, now: Date): string {
  return localDate(now, timeZone);
}

/** The instant a local day starts in `timeZone` (midnight, or the first hour a DST gap leaves). */
export function zonedMidnight(day: string, timeZone: string): Date {
  return new Date(dayStartMs(day, timeZone));
}

function daysBetween(from: string, to: string): number {
  return Math.round((Date.parse(`${to}T00:00:00Z`) - Date.parse(`${from}T00:00:00Z`)) / 86_400_000);
}

function isRange(value: string | null): value is RangeChoice {
  return value === 'custom' || RANGE_PRESETS.some((p) => p.id === value);
}

/**
 * Every day (or week, by its Monday) of the range with its count, none left out, for a chart
 * whose gaps are real zeroes.
 */
export function fillPeriods(
  counts: readonly { period: string; conversations: number }[],
  fromDay: string,
  toDay: string,
  period: Period,
): { period: string; conversations: number }[] {
  const byPeriod = new Map(counts.map((row) => [row.period, row.conversations]));
  const filled: { period: string; conversations: number }[] = [];
  const step = period === 'day' ? 1 : 7;
  for (
    let day = period === 'day' ? fromDay : weekStart(fromDay);
    day <= toDay;
    day = addDays(day, step)
  ) {
    filled.push({ period: day, conversations: byPeriod.get(day) ?? 0 });
  }
  return filled;
}
