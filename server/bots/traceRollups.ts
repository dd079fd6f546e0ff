import { and, eq, min } from 'drizzle-orm';
import type { Db } from '../db/client';
import { botFlowDailyCounts, botFlowRollupMarks, botTurnTraces } from '../db/schema';
import { orgTimeZone } from '../reports/orgTimeZone';
import { CONVERSATION_OUTCOMES } from './conversationOutcome';
import {
  countFlowPaths,
  mergePathCounts,
  type NodeCounts,
  type VersionPathCounts,
} from './flowPathCounts';
import { addDays, DAY_MS, dayStartMs, localDate } from './orgDays';

/**
 * A day is rolled up once it has been over for this long: most of its conversations have ended
 * by then, so their outcomes are final. One still open counts as "in progress" for good.
 */
export const ROLLUP_AFTER_MS = DAY_MS;

/** Rows per insert statement, well under SQLite's limit on bound values. */
const INSERT_CHUNK = 500;

type DailyRow = typeof botFlowDailyCounts.$inferInsert;

/** The last day of the org that is rolled up, or null when none is. */
export function rolledUpThrough(db: Db, orgId: string): string | null {
  return (
    db
      .select({ day: botFlowRollupMarks.rolledUpThrough })
      .from(botFlowRollupMarks)
      .where(eq(botFlowRollupMarks.orgId, orgId))
      .get()?.day ?? null
  );
}

/**
 * Rolls up, one day at a time and oldest first, every day of the org (in its time zone) that
 * ended at least `ROLLUP_AFTER_MS` ago and is not rolled up yet: per version, the day's counts
 * of conversations on each node and edge, from the raw traces, as `countFlowPaths` makes them.
 * The day's rows and the move of the org's mark are one transaction, and the mark moves only
 * from the day before, so a crash or a second process can neither lose a day nor count it
 * twice. Returns the days rolled up.
 */
export async function rollUpClosedDays(db: Db, orgId: string, now = Date.now()): Promise<number> {
  const timeZone = orgTimeZone(db, orgId);
  const lastDay = addDays(localDate(new Date(now - ROLLUP_AFTER_MS), timeZone), -1);
  let through = rolledUpThrough(db, orgId) ?? startMark(db, orgId, timeZone, lastDay, now);
  if (!through) return 0;
  let rolled = 0;
  while (through < lastDay) {
    const day = addDays(through, 1);
    const rows = dailyRows(
      orgId,
      day,
      await countDay(db, orgId, dayStartMs(day, timeZone), dayStartMs(addDays(day, 1), timeZone)),
    );
    const previous = through;
    const claimed = db.$client
      .transaction(() => {
        const { changes } = db
          .update(botFlowRollupMarks)
          .set({ rolledUpThrough: day, updatedAt: new Date(now) })
          .where(
            and(
              eq(botFlowRollupMarks.orgId, orgId),
              eq(botFlowRollupMarks.rolledUpThrough, previous),
            ),
          )
          .run();
        if (changes === 0) return false;
        for (let i = 0; i < rows.length; i += INSERT_CHUNK) {
          db.insert(botFlowDailyCounts)
            .values(rows.slice(i, i + INSERT_CHUNK))
            .run();
        }
        return true;
      })
      .immediate();
    // Another process rolled this day up meanwhile; it carries on from here.
    if (!claimed) break;
    through = day;
    rolled += 1;
    // One day per turn of the event loop, so customers' messages are not held up.
    await new Promise((resolve) => setImmediate(resolve));
  }
  return rolled;
}

/** Conversations read per synchronous query while a day is counted: an hour of them. */
const COUNT_SLICE_MS = 60 * 60_000;

/**
 * A day's counts, read an hour of conversations at a time with a turn of the event loop in
 * between: a busy day's traces take long enough to parse that customers' messages would
 * otherwise wait for them. Each conversation falls in one slice, by when it began.
 */
async function countDay(db: Db, orgId: string, fromMs: number, toMs: number) {
  const byVersion = new Map<string, VersionPathCounts>();
  for (let sliceFrom = fromMs; sliceFrom < toMs; sliceFrom += COUNT_SLICE_MS) {
    const slice = countFlowPaths(db, orgId, {
      fromMs: sliceFrom,
      toMs: Math.min(toMs, sliceFrom + COUNT_SLICE_MS),
    });
    for (const [versionId, counts] of slice) {
      const into = byVersion.get(versionId);
      if (into) mergePathCounts(into, counts);
      else byVersion.set(versionId, counts);
    }
    await new Promise((resolve) => setImmediate(resolve));
  }
  return byVersion;
}

/**
 * Where an org's roll-ups begin: the day before the one its oldest stored trace was written on
 * (a conversation counts on the day it began, which can be the day before its first bot turn),
 * marked as rolled up through the day before that. Null while it has no traces.
 */
function startMark(db: Db, orgId: string, timeZone: string, lastDay: string, now: number) {
  const oldest = db
    .select({ at: min(botTurnTraces.createdAt) })
    .from(botTurnTraces)
    .where(eq(botTurnTraces.orgId, orgId))
    .get()?.at;
  if (!oldest) return null;
  const firstDay = addDays(localDate(oldest, timeZone), -1);
  if (firstDay > lastDay) return null;
  db.insert(botFlowRollupMarks)
    .values({ orgId, rolledUpThrough: addDays(firstDay, -1), updatedAt: new Date(now) })
    .onConflictDoNothing()
    .run();
  return rolledUpThrough(db, orgId);
}

function dailyRows(orgId: string, day: string, counts: Map<string, VersionPathCounts>) {
  const rows: DailyRow[] = [];
  const withOutcomes = (
    botVersionId: string,
    kind: 'version' | 'node',
    elementId: string,
    n: NodeCounts,
  ): DailyRow => {
    const row: DailyRow = {
      orgId,
      botVersionId,
      day,
      kind,
      elementId,
      conversations: n.conversations,
    };
    for (const outcome of CONVERSATION_OUTCOMES) row[outcome] = n.outcomes[outcome];
    return row;
  };
  for (const [botVersionId, version] of counts) {
    rows.push(withOutcomes(botVersionId, 'version', '', version.total));
    for (const [nodeId, node] of version.nodes) {
      rows.push(withOutcomes(botVersionId, 'node', nodeId, node));
    }
    for (const [edgeId, conversations] of version.edges) {
      rows.push({ orgId, botVersionId, day, kind: 'edge', elementId: edgeId, conversations });
    }
  }
  return rows;
}

/**
 * The instant before which an org's traces may be deleted without losing uncounted days: the
 * end of its last rolled-up day. Every trace before it belongs to a conversation that began on
 * a rolled-up day. Null when no day is rolled up.
 */
export function rolledUpUntilMs(db: Db, orgId: string): number | null {
  const through = rolledUpThrough(db, orgId);
  return through ? dayStartMs(addDays(through, 1), orgTimeZone(db, orgId)) : null;
}
