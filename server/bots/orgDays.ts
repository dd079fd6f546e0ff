import { addDays, dayStartMs, isDay, localDate } from '../reports/timeBuckets';

/**
 * Local days ("YYYY-MM-DD") of an org's time zone as instants: the overlay's roll-ups are kept
 * per local day, and a day's conversations are those that began between two of its midnights.
 */

export { addDays, dayStartMs, isDay, localDate };

export const DAY_MS = 24 * 60 * 60_000;

/** Days from `from` to `to`, both counted; 0 when `to` is before `from`. */
export function daysBetween(from: string, to: string): number {
  const span = Date.parse(`${to}T00:00:00Z`) - Date.parse(`${from}T00:00:00Z`);
  return Math.max(0, Math.round(span / DAY_MS) + 1);
}
