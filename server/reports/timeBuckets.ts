/**
 * Days and weeks in the org's time zone. Every zone's offset from UTC is a whole number of
 * quarter hours, so the database groups by UTC quarter hour (integer division of the stored
 * epoch milliseconds, no date functions of one database) and each quarter is then placed in
 * its local day here, where the zone's rules are known.
 */
export const QUARTER_HOUR_MS = 15 * 60 * 1000;

export type Period = 'day' | 'week';

/** "YYYY-MM-DD": the local date of `at` in `timeZone`. */
export function localDate(at: Date, timeZone: string): string {
  const parts = new Intl.DateTimeFormat('en-CA', {
    timeZone,
    year: 'numeric',
    month: '2-digit',
    day: '2-digit',
  }).formatToParts(at);
  const part = (type: string) => parts.find((p) => p.type === type)?.value ?? '';
  return `${part('year')}-${part('month')}-${part('day')}`;
}

/** The Monday starting the ISO week of a "YYYY-MM-DD" date. */
export function weekStart(date: string): string {
  const day = new Date(`${date}T00:00:00Z`);
  const sinceMonday = (day.getUTCDay() + 6) % 7;
  day.setUTCDate(day.getUTCDate() - sinceMonday);
  return day.toISOString().slice(0, 10);
}

export function periodOf(at: Date, timeZone: string, period: Period): string {
  const date = localDate(at, timeZone);
  return period === 'day' ? date : weekStart(date);
}
