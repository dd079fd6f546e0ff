import { and, asc, eq, gte, inArray, isNotNull, isNull, sql } from 'drizzle-orm';
import type { Db } from '../db/client';
import { agentStates, queueMembers, workItems } from '../db/schema';
import type { AfterCommit, SessionHandover } from './sessionHandover';
import { atomically } from './workItem';

/** A customer is told their place at most this often, however fast the line moves. */
export const POSITION_MIN_INTERVAL_MS = 5_000;
/** The handle time assumed for a queue that has closed no conversation in the last day. */
export const DEFAULT_HANDLE_SECONDS = 300;
const HANDLE_TIME_WINDOW_MS = 24 * 60 * 60 * 1000;

/**
 * The estimated wait: ceil(position ÷ agents online in the queue, at least 1) × the queue's
 * average handle time over the last 24 hours (accepted to completed; 5 minutes when none).
 */
export function estimateWaitSeconds(
  position: number,
  agentsOnline: number,
  averageHandleSeconds: number,
): number {
  return Math.ceil(position / Math.max(1, agentsOnline)) * Math.round(averageHandleSeconds);
}

/**
 * Tells each waiting customer of the org their place in their queue (priority, then who asked
 * first) when it has changed, at most once every few seconds per conversation. With `onlyQueues`
 * it looks at those queues and at any queue with a customer not told yet, for whom the line has
 * just formed; the rest wait for the next pass over everything.
 */
export function tellQueuePositions(
  db: Db,
  orgId: string,
  at: Date,
  handover: SessionHandover,
  onlyQueues: ReadonlySet<string> | null,
): AfterCommit[] {
  let scope: string[] | null = null;
  if (onlyQueues) {
    const untold = db
      .selectDistinct({ queueId: workItems.queueId })
      .from(workItems)
      .where(
        and(
          eq(workItems.orgId, orgId),
          eq(workItems.status, 'queued'),
          isNull(workItems.toldPosition),
        ),
      )
      .all();
    scope = [...new Set([...onlyQueues, ...untold.map(({ queueId }) => queueId)])];
    if (scope.length === 0) return [];
  }
  const waiting = db
    .select({
      id: workItems.id,
      queueId: workItems.queueId,
      toldPosition: workItems.toldPosition,
      toldPositionAt: workItems.toldPositionAt,
    })
    .from(workItems)
    .where(
      and(
        eq(workItems.orgId, orgId),
        eq(workItems.status, 'queued'),
        scope === null ? undefined : inArray(workItems.queueId, scope),
      ),
    )
    .orderBy(asc(workItems.priority), asc(workItems.askedAt), asc(workItems.id))
    .all();
  if (waiting.length === 0) return [];
  const queueIds = [...new Set(waiting.map((item) => item.queueId))];
  const online = new Map(
    db
      .select({ queueId: queueMembers.queueId, count: sql<number>`count(*)` })
      .from(queueMembers)
      .innerJoin(agentStates, eq(agentStates.userId, queueMembers.userId))
      .where(and(inArray(queueMembers.queueId, queueIds), eq(agentStates.presence, 'online')))
      .groupBy(queueMembers.queueId)
      .all()
      .map((row) => [row.queueId, row.count]),
  );
  const handle = new Map(
    db
      .select({
        queueId: workItems.queueId,
        seconds: sql<number>`avg((${workItems.completedAt} - ${workItems.acceptedAt}) / 1000.0)`,
      })
      .from(workItems)
      .where(
        and(
          inArray(workItems.queueId, queueIds),
          eq(workItems.status, 'completed'),
          isNotNull(workItems.acceptedAt),
          gte(workItems.completedAt, new Date(at.getTime() - HANDLE_TIME_WINDOW_MS)),
        ),
      )
      .groupBy(workItems.queueId)
      .all()
      .map((row) => [row.queueId, row.seconds]),
  );
  const afterCommit: AfterCommit[] = [];
  const counted = new Map<string, number>();
  for (const item of waiting) {
    const position = (counted.get(item.queueId) ?? 0) + 1;
    counted.set(item.queueId, position);
    const toldRecently =
      item.toldPositionAt !== null &&
      at.getTime() - item.toldPositionAt.getTime() < POSITION_MIN_INTERVAL_MS;
    if (item.toldPosition === position || toldRecently) continue;
    const wait = estimateWaitSeconds(
      position,
      online.get(item.queueId) ?? 0,
      handle.get(item.queueId) ?? DEFAULT_HANDLE_SECONDS,
    );
    atomically(db, () => {
      const claimed = db
        .update(workItems)
        .set({ toldPosition: position, toldPositionAt: at })
        .where(and(eq(workItems.id, item.id), eq(workItems.status, 'queued')))
        .returning()
        .get();
      if (claimed) afterCommit.push(handover.queuePosition(db, claimed, position, wait, at));
    });
  }
  return afterCommit;
}
