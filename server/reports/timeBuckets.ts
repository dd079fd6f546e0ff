/**
 * Days and weeks in the org's time zone. Every zone's offset from UTC is a whole number of
 * quarter hours, so the database groups by UTC quarter hour (integer division of the stored
 * epoch milliseconds, no date functions of one database) and each quarter is then placed in
 * its local day here, where the zone's rules are known.
 */
export const QUARTER_HOUR_MS = 15 * 60 * 1000;

export type Period = 'day' | 'week';

/**
 * One formatter per zone: building an `Intl.DateTimeFormat` costs about a millisecond, and a
 * year's report places some 35,000 quarter hours.
 */
const formatters = new Map<string, Intl.DateTimeFormat>();

function formatterOf(timeZone: string): Intl.DateTimeFormat {
  let formatter = formatters.get(timeZone);
  if (!formatter) {
    formatter = new Intl.DateTimeFormat('en-CA', {
      timeZone,
      year: 'numeric',
      month: '2-digit',
      day: '2-digit',
    });
    formatters.set(timeZone, formatter);
  }
  return formatter;
}

/** "YYYY-MM-DD": the local date of `at` in `timeZone`. */
export function localDate(at: Date, timeZone: string): string {
  const parts = formatterOf(timeZone).formatToParts(at);
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

const DAY_MS = 24 * 60 * 60 * 1000;
const offsetFormatters = new Map<string, Intl.DateTimeFormat>();

/** How far `timeZone`'s wall clock is ahead of UTC at `atMs`, in milliseconds. */
export function zoneOffsetMs(atMs: number, timeZone: string): number {
  let formatter = offsetFormatters.get(timeZone);
  if (!formatter) {
    formatter = new Intl.DateTimeFormat('en-US', {
      timeZone,
      hourCycle: 'h23',
      year: 'numeric',
      month: 'numeric',
      day: 'numeric',
      hour: 'numeric',
      minute: 'numeric',
      second: 'numeric',
    });
    offsetFormatters.set(timeZone, formatter);
  }
  const whole = Math.floor(atMs / 1000) * 1000;
  const parts: Record<string, number> = {};
  for (const part of formatter.formatToParts(new Date(whole)))
    parts[part.type] = Number(part.value);
  const wall = Date.UTC(
    parts.year ?? 1970,
    (parts.month ?? 1) - 1,
    parts.day ?? 1,
    parts.hour ?? 0,
    parts.minute ?? 0,
    parts.second ?? 0,
  );
  return wall - whole;
}

/** Minutes the zone's wall clock is ahead of UTC at `ms`. */
function offsetAt(ms: number, timeZone: string): number {
  return Math.round(zoneOffsetMs(ms, timeZone) / 60_000);
}

const DAY_PATTERN = /^\d{4}-\d{2}-\d{2}$/;

/** A real calendar date written "YYYY-MM-DD". */
export function isDay(value: string): boolean {
  if (!DAY_PATTERN.test(value)) return false;
  const parsed = new Date(`${value}T00:00:00Z`);
  return !Number.isNaN(parsed.getTime()) && parsed.toISOString().slice(0, 10) === value;
}

/** The calendar day `days` after a "YYYY-MM-DD" day (before, when negative). */
export function addDays(day: string, days: number): string {
  const date = new Date(`${day}T00:00:00Z`);
  date.setUTCDate(date.getUTCDate() + days);
  return date.toISOString().slice(0, 10);
}

/**
 * The instant a local day begins in `timeZone`: its midnight, or the first instant a
 * daylight-saving gap leaves of it. The offset at the first guess may differ from the one at
 * the true instant across a change, so it is looked up twice.
 */
export function dayStartMs(day: string, timeZone: string): number {
  const wall = Date.parse(`${day}T00:00:00Z`);
  const guess = wall - zoneOffsetMs(wall, timeZone);
  const corrected = wall - zoneOffsetMs(guess, timeZone);
  return corrected !== guess && localDate(new Date(corrected), timeZone) === day
    ? corrected
    : guess;
}

/**
 * The period of each of `quarters` (epoch milliseconds of UTC quarter hours, ascending): the
 * same as `periodOf` for each, with a few zone look-ups a day instead of one per quarter (a
 * year has 35,000 quarters). A zone's offset is read at each UTC midnight; where two
 * midnights differ, the change is found by halving the day. That holds because no zone
 * changes its offset twice within one day.
 */
export function periodsOf(quarters: number[], timeZone: string, period: Period): string[] {
  const offsets = new Map<number, number>();
  const offsetAtDay = (dayStart: number) => {
    let offset = offsets.get(dayStart);
    if (offset === undefined) {
      offset = offsetAt(dayStart, timeZone);
      offsets.set(dayStart, offset);
    }
    return offset;
  };
  let changeDay = Number.NaN;
  let changeAt = 0;
  return quarters.map((at) => {
    const dayStart = Math.floor(at / DAY_MS) * DAY_MS;
    const before = offsetAtDay(dayStart);
    const after = offsetAtDay(dayStart + DAY_MS);
    let offset = before;
    if (before !== after) {
      if (changeDay !== dayStart) {
        // The first quarter of the day already on the new offset.
        let low = dayStart;
        let high = dayStart + DAY_MS;
        while (high - low > QUARTER_HOUR_MS) {
          const middle = low + Math.floor((high - low) / 2 / QUARTER_HOUR_MS) * QUARTER_HOUR_MS;
          if (offsetAt(middle, timeZone) === after) high = middle;
          else low = middle;
        }
        changeDay = dayStart;
        changeAt = high;
      }
      if (at >= changeAt) offset = after;
    }
    const date = new Date(at + offset * 60_000).toISOString().slice(0, 10);
    return period === 'day' ? date : weekStart(date);
  });
}
