export interface RetryDelays {
  /** The first wait after a failure; each further failure doubles it. */
  baseMs: number;
  maxMs: number;
}

export const DEFAULT_RETRY_DELAYS: RetryDelays = { baseMs: 1_000, maxMs: 30_000 };

/**
 * Exponential backoff with jitter: after an outage, thousands of clients must not come back in
 * the same millisecond.
 */
export function retryDelay(attempt: number, delays: RetryDelays): number {
  const capped = Math.min(delays.maxMs, delays.baseMs * 2 ** Math.max(0, attempt - 1));
  return Math.round(capped / 2 + (Math.random() * capped) / 2);
}
