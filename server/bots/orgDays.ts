import { localDate } from '../reports/timeBuckets';

/**
 * Local days ("YYYY-MM-DD") of an org's time zone as instants: the overlay's roll-ups are kept
 * per local day, and a day's conversations are those that began between two of its midnights.
 */

export { localDate };

export const DAY_MS = 24 * 60 * 60_000;

const DAY_PATTERN = /^\d{4}-\d{2}-\d{2}$/;

/** A real calendar date written "YYYY-MM-DD". */
export function isDay(value: string): boolean {
  if (!DAY_PATTERN.test(value)) return false;
  const parsed = new Date(`${value}T00:00:00Z`);
  return !Number.isNaN(parsed.getTime()) && parsed.toISOString().slice(0, 10) === value;
}

export function addDays(day: string, days: number): string {
  const date = new Date(`${day}T00:00:00Z`);
  date.setUTCDate(date.getUTCDate() + days);
  return date.toISOString().slice(0, 10);
}

/** Days from `from` to `to`, both counted; 0 when `to` is before `from`. */
export function daysBetween(from: string, to: string): number {
  const span = Date.parse(`${to}T00:00:00Z`) - Date.parse(`${from}T00:00:00Z`);
  return Math.max(0, Math.round(span / DAY_MS) + 1);
}

const offsetFormats = new Map<string, Intl.DateTimeFormat>();

/** How far `timeZone`'s wall clock is ahead of UTC at `atMs`. */
function zoneOffsetMs(atMs: number, timeZone: string): number {
  let format = offsetFormats.get(timeZone);
  if (!format) {
    format = new Intl.DateTimeFormat('en-US', {
      timeZone,
      hourCycle: 'h23',
      year: 'numeric',
      month: 'numeric',
      day: 'numeric',
      hour: 'numeric',
      minute: 'numeric',
      second: 'numeric',
    });
    offsetFormats.set(timeZone, format);
  }
  const whole = Math.floor(atMs / 1000) * 1000;
  const parts = format.formatToParts(new Date(whole));
  const part = (type: string) => Number(parts.find((p) => p.type === type)?.value ?? 0);
  const wallClock = Date.UTC(
    part('year'),
    part('month') - 1,
    part('day'),
    part('hour'),
    part('minute'),
    part('second'),
  );
  return wallClock - whole;
}

/**
 * The instant `day` begins in `timeZone`. Offsets are found twice, since the one at UTC
 * midnight may differ from the one at local midnight across a change of offset.
 */
export function dayStartMs(day: string, timeZone: string): number {
  const utcMidnight = Date.parse(`${day}T00:00:00Z`);
  const guess = utcMidnight - zoneOffsetMs(utcMidnight, timeZone);
  return utcMidnight - zoneOffsetMs(guess, timeZone);
}
