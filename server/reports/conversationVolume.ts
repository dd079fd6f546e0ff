import { asc, count, desc, sql } from 'drizzle-orm';
import type { Db } from '../db/client';
import { messagingSessions } from '../db/schema';
import { conversationScope } from './conversationScope';
import { orgTimeZone } from './orgTimeZone';
import type { ReportFilters } from './reportFilters';
import { type Period, periodsOf, QUARTER_HOUR_MS } from './timeBuckets';

export interface PeriodCount {
  /** The local date the day or the ISO week (its Monday) starts on, in the org's zone. */
  period: string;
  conversations: number;
}

export interface KeyCount {
  /** A deployment id, a channel or a bot version id; null for conversations without one. */
  key: string | null;
  conversations: number;
}

/** Conversations per local day or week of the org, oldest first; periods with none are left out. */
export function conversationsByPeriod(
  db: Db,
  orgId: string,
  filters: ReportFilters,
  period: Period,
): PeriodCount[] {
  const timeZone = orgTimeZone(db, orgId);
  // A literal, not a parameter: the driver binds a JavaScript number as a real, and the
  // division would then give each conversation a quarter of its own.
  const quarter = sql<number>`${messagingSessions.createdAt} / ${sql.raw(String(QUARTER_HOUR_MS))}`;
  const quarters = db
    .select({ quarter, conversations: count() })
    .from(messagingSessions)
    .where(conversationScope(db, orgId, filters))
    .groupBy(quarter)
    .orderBy(asc(quarter))
    .all();
  const keys = periodsOf(
    quarters.map((row) => Number(row.quarter) * QUARTER_HOUR_MS),
    timeZone,
    period,
  );
  const totals = new Map<string, number>();
  quarters.forEach((row, index) => {
    const key = keys[index] ?? '';
    totals.set(key, (totals.get(key) ?? 0) + row.conversations);
  });
  return [...totals].map(([key, conversations]) => ({ period: key, conversations }));
}

const BREAKDOWNS = {
  deployment: messagingSessions.deploymentId,
  channel: messagingSessions.channel,
  botVersion: messagingSessions.botVersionId,
} as const;

export type Breakdown = keyof typeof BREAKDOWNS;

/** Conversations per deployment, channel or bot version, most first. */
export function conversationsBy(
  db: Db,
  orgId: string,
  filters: ReportFilters,
  breakdown: Breakdown,
): KeyCount[] {
  const column = BREAKDOWNS[breakdown];
  return db
    .select({ key: column, conversations: count() })
    .from(messagingSessions)
    .where(conversationScope(db, orgId, filters))
    .groupBy(column)
    .orderBy(desc(count()), asc(column))
    .all();
}
