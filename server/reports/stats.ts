/** Plain statistics over a list of durations or scores; empty lists give null, never NaN. */

export function average(values: number[]): number | null {
  if (values.length === 0) return null;
  return values.reduce((sum, value) => sum + value, 0) / values.length;
}

/**
 * The nearest-rank percentile: the smallest value with at least p% of the values at or below
 * it. Always one of the values, so anyone can find it in a sorted export.
 */
export function percentile(values: number[], p: number): number | null {
  const rank = nearestRank(values.length, p);
  if (rank === null) return null;
  const sorted = [...values].sort((a, b) => a - b);
  return sorted[rank - 1] ?? null;
}

/** The 1-based position of the p-th percentile among `n` sorted values; null when n is 0. */
export function nearestRank(n: number, p: number): number | null {
  if (n === 0) return null;
  return Math.max(1, Math.ceil((p / 100) * n));
}

export function ratio(part: number, whole: number): number | null {
  return whole === 0 ? null : part / whole;
}

export const secondsBetween = (start: Date, end: Date) => (end.getTime() - start.getTime()) / 1000;

/** Largest group first; ties by key, the "none" group (null) after the named ones. */
export function byCountThenKey<T extends { key: string | null }>(count: (group: T) => number) {
  return (a: T, b: T) =>
    count(b) - count(a) ||
    (a.key === null ? 1 : 0) - (b.key === null ? 1 : 0) ||
    (a.key ?? '').localeCompare(b.key ?? '');
}
