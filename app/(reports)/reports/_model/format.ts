import type { Channel } from '@/server/db/enums';

/** How report figures read, in the tables, the CSV files and the figures above them. */

export function percent(rate: number | null): string {
  return rate === null ? '—' : `${(rate * 100).toFixed(1)}%`;
}

/** "45s", "3m 20s", "2h 05m": exact enough to compare, short enough to scan. */
export function duration(seconds: number | null): string {
  if (seconds === null) return '—';
  const total = Math.round(seconds);
  if (total < 60) return `${total}s`;
  if (total < 3600) return `${Math.floor(total / 60)}m ${String(total % 60).padStart(2, '0')}s`;
  const minutes = Math.floor(total / 60);
  return `${Math.floor(minutes / 60)}h ${String(minutes % 60).padStart(2, '0')}m`;
}

export function score(average: number | null): string {
  return average === null ? '—' : average.toFixed(2);
}

export function count(n: number): string {
  return n.toLocaleString('en-US');
}

export const CHANNEL_LABELS: Record<Channel, string> = { in_app: 'In-app', web: 'Web' };

/** A record's name from the filter options, for ids the report groups by. */
export function nameIn(
  list: readonly { id: string; name: string }[],
  id: string | null,
  none = 'None',
): string {
  if (id === null) return none;
  return list.find((item) => item.id === id)?.name ?? `Unknown (${id.slice(0, 8)})`;
}
