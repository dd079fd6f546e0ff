import type { BusinessHours } from '../db/schema';

const WEEKDAYS = ['Sun', 'Mon', 'Tue', 'Wed', 'Thu', 'Fri', 'Sat'];

/** The date, weekday and "HH:MM" of `at` on the wall clocks of `timeZone`. */
function wallClock(at: Date, timeZone: string) {
  const parts = Object.fromEntries(
    new Intl.DateTimeFormat('en-US', {
      timeZone,
      year: 'numeric',
      month: '2-digit',
      day: '2-digit',
      weekday: 'short',
      hour: '2-digit',
      minute: '2-digit',
      hourCycle: 'h23',
    })
      .formatToParts(at)
      .map((part) => [part.type, part.value]),
  );
  return {
    date: `${parts.year}-${parts.month}-${parts.day}`,
    day: WEEKDAYS.indexOf(parts.weekday ?? ''),
    time: `${parts.hour}:${parts.minute}`,
  };
}

/** Whether a queue with these hours is open at `at`; a queue without hours is always open. */
export function isOpen(hours: BusinessHours | null, at: Date): boolean {
  if (!hours) return true;
  const now = wallClock(at, hours.timeZone);
  if (hours.holidays.some((holiday) => holiday.date === now.date)) return false;
  return hours.weekly.some(
    (slot) => slot.day === now.day && slot.open <= now.time && now.time < slot.close,
  );
}

/** Whether `timeZone` is one this runtime knows, so a typo is refused when saved, not at 3 a.m. */
export function isKnownTimeZone(timeZone: string): boolean {
  try {
    new Intl.DateTimeFormat('en-US', { timeZone });
    return true;
  } catch {
    return false;
  }
}
