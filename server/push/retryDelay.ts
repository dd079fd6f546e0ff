/**
 * The wait before retry number `attempt` (1 for the first): exponential from `baseMs`, capped,
 * with "equal jitter" (half fixed, half random), so devices that failed together do not all
 * come back in the same instant yet none retries much sooner than its schedule.
 */
export function retryDelayMs(
  attempt: number,
  baseMs: number,
  maxMs: number,
  random: () => number = Math.random,
): number {
  const exponential = Math.min(maxMs, baseMs * 2 ** Math.max(0, attempt - 1));
  return Math.round(exponential / 2 + (random() * exponential) / 2);
}
