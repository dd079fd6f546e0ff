/** Whole seconds from `now` until `until`, never below zero. */
export function secondsLeft(until: Date, now: number): number {
  return Math.max(0, Math.ceil((until.getTime() - now) / 1000));
}

/** "0:42", "12:05": a duration as a person reads it on a timer. */
export function formatDuration(totalSeconds: number): string {
  const seconds = Math.max(0, Math.round(totalSeconds));
  const hours = Math.floor(seconds / 3600);
  const minutes = Math.floor((seconds % 3600) / 60);
  const rest = String(seconds % 60).padStart(2, '0');
  return hours > 0 ? `${hours}:${String(minutes).padStart(2, '0')}:${rest}` : `${minutes}:${rest}`;
}
