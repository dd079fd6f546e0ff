import type { QuietHours } from '../db/schema';

const MINUTES_PER_DAY = 24 * 60;

const minutesOf = (hhmm: string) => {
  const [hours = 0, minutes = 0] = hhmm.split(':').map(Number);
  return hours * 60 + minutes;
};

/** Minutes since local midnight at `at` in `timeZone`. */
function localMinutes(at: Date, timeZone: string): number {
  const parts = new Intl.DateTimeFormat('en-GB', {
    timeZone,
    hour: '2-digit',
    minute: '2-digit',
    hourCycle: 'h23',
  }).formatToParts(at);
  const value = (type: string) => Number(parts.find((part) => part.type === type)?.value ?? 0);
  return value('hour') * 60 + value('minute');
}

/**
 * When a notification due at `at` may go out, given the deployment's quiet hours in the
 * device's time zone: `at` itself outside them, else the minute they end. Without a time zone
 * the customer's night is unknown, so quiet hours do not apply (rather than guess one).
 */
export function afterQuietHours(
  at: Date,
  quietHours: QuietHours | null,
  timeZone: string | null,
): Date {
  if (!quietHours || !timeZone) return at;
  const start = minutesOf(quietHours.start);
  const end = minutesOf(quietHours.end);
  if (start === end) return at;
  const now = localMinutes(at, timeZone);
  const quiet = start < end ? now >= start && now < end : now >= start || now < end;
  if (!quiet) return at;
  const wait = (end - now + MINUTES_PER_DAY) % MINUTES_PER_DAY;
  const ends = new Date(at.getTime() + wait * 60_000);
  ends.setUTCSeconds(0, 0);
  return ends;
}
