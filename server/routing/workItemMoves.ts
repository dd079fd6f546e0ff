import { and, eq, gt, inArray, isNull, or, sql } from 'drizzle-orm';
import type { Db } from '../db/client';
import { agentStates, queues, staffUsers, workItems } from '../db/schema';
import { claimCapacity, releaseCapacity } from './capacity';
import { logDecision } from './decisionLog';
import type { AfterCommit, JoiningAgent, SessionHandover } from './sessionHandover';
import { ClaimLost, type WorkItem } from './workItem';

/**
 * The moves of one work item between queued, offered, accepted and closed. Each is one
 * conditional write on the item (it only happens from the status it expects) with the capacity
 * it takes or gives back, so a move that lost a race changes nothing. Call them inside
 * `atomically`; they return null when the item was no longer where the caller thought.
 */

export function agentById(db: Db, agentId: string): JoiningAgent {
  const row = db
    .select({ id: staffUsers.id, name: staffUsers.name })
    .from(staffUsers)
    .where(eq(staffUsers.id, agentId))
    .get();
  return row ?? { id: agentId, name: 'An agent' };
}

/** Offers a queued item to an agent who has room; null when either is taken meanwhile. */
export function offerItem(
  db: Db,
  item: Pick<WorkItem, 'id'>,
  agentId: string,
  at: Date,
  expiresAt: Date | null,
  newRound: boolean,
): WorkItem | null {
  const offered = db
    .update(workItems)
    .set({
      status: 'offered',
      offeredTo: agentId,
      offeredAt: at,
      offerExpiresAt: expiresAt,
      waitingReason: null,
      ...(newRound ? { passedOverBy: [] } : {}),
    })
    .where(and(eq(workItems.id, item.id), eq(workItems.status, 'queued')))
    .returning()
    .get();
  if (!offered) return null;
  if (!claimCapacity(db, agentId, offered.size, at)) throw new ClaimLost();
  return offered;
}

export function acceptItem(
  db: Db,
  itemId: string,
  agentId: string,
  at: Date,
  replyWithinSeconds: number | null,
  handover: SessionHandover,
): { item: WorkItem; afterCommit: AfterCommit } | null {
  const item = db
    .update(workItems)
    .set({
      status: 'accepted',
      acceptedBy: agentId,
      acceptedAt: at,
      offerExpiresAt: null,
      replyDueAt:
        replyWithinSeconds === null ? null : new Date(at.getTime() + replyWithinSeconds * 1000),
    })
    .where(
      and(
        eq(workItems.id, itemId),
        eq(workItems.status, 'offered'),
        eq(workItems.offeredTo, agentId),
        // Past its time the offer is the sweep's to move on, whether or not it has run yet.
        or(isNull(workItems.offerExpiresAt), gt(workItems.offerExpiresAt, at)),
      ),
    )
    .returning()
    .get();
  if (!item) return null;
  db.update(agentStates).set({ missedOffers: 0 }).where(eq(agentStates.userId, agentId)).run();
  logDecision(db, { orgId: item.orgId, workItemId: item.id, event: 'accepted', agentId, at });
  return { item, afterCommit: handover.agentJoined(db, item, agentById(db, agentId), at) };
}

/**
 * Takes an offer back from the agent it was made to (declined, timed out) so routing passes it
 * on; the agent is not offered it again this round.
 */
export function withdrawOffer(
  db: Db,
  itemId: string,
  agentId: string,
  at: Date,
  onlyIfExpired: boolean,
): WorkItem | null {
  const item = db
    .update(workItems)
    .set({
      status: 'queued',
      offeredTo: null,
      offerExpiresAt: null,
      passedOverBy: sql`json_insert(${workItems.passedOverBy}, '$[#]', ${agentId})`,
    })
    .where(
      and(
        eq(workItems.id, itemId),
        eq(workItems.status, 'offered'),
        eq(workItems.offeredTo, agentId),
        onlyIfExpired ? sql`${workItems.offerExpiresAt} <= ${at.getTime()}` : undefined,
      ),
    )
    .returning()
    .get();
  if (!item) return null;
  releaseCapacity(db, agentId, item.size);
  return item;
}

/**
 * Hands an accepted item back to routing, keeping its place in line: the agent went offline,
 * did not answer in time, or transferred it to a queue.
 */
export function returnAcceptedItem(
  db: Db,
  itemId: string,
  agentId: string,
  at: Date,
  reason: string,
  handover: SessionHandover,
  {
    changes = {},
    passOver = true,
    replyDueBy,
  }: {
    changes?: Partial<Pick<WorkItem, 'queueId' | 'requiredSkills' | 'optionalSkills'>>;
    /** Only while the agent is still overdue: a reply that landed meanwhile keeps the item. */
    replyDueBy?: Date;
    passOver?: boolean;
  } = {},
): { item: WorkItem; afterCommit: AfterCommit } | null {
  const item = db
    .update(workItems)
    .set({
      ...changes,
      status: 'queued',
      offeredTo: null,
      acceptedBy: null,
      acceptedAt: null,
      replyDueAt: null,
      waitingReason: null,
      ...(passOver
        ? { passedOverBy: sql`json_insert(${workItems.passedOverBy}, '$[#]', ${agentId})` }
        : {}),
    })
    .where(
      and(
        eq(workItems.id, itemId),
        eq(workItems.status, 'accepted'),
        eq(workItems.acceptedBy, agentId),
        replyDueBy ? sql`${workItems.replyDueAt} <= ${replyDueBy.getTime()}` : undefined,
      ),
    )
    .returning()
    .get();
  if (!item) return null;
  releaseCapacity(db, agentId, item.size);
  return { item, afterCommit: handover.agentLeft(db, item, agentById(db, agentId), reason, at) };
}

/** Who held each of these items when it closed: the agents with room again. */
export function holdersOf(items: WorkItem[]): string[] {
  return items.flatMap((item) => item.acceptedBy ?? item.offeredTo ?? []);
}

/** The conversation is over, or back with the bot: the item closes and frees what it held. */
export function closeSessionItems(
  db: Db,
  sessionId: string,
  at: Date,
  completedBecause = 'the conversation ended',
): WorkItem[] {
  const closed: WorkItem[] = [];
  for (const item of db
    .select()
    .from(workItems)
    .where(
      and(
        eq(workItems.sessionId, sessionId),
        inArray(workItems.status, ['queued', 'offered', 'accepted']),
      ),
    )
    .all()) {
    const holder = item.status === 'accepted' ? item.acceptedBy : item.offeredTo;
    const done = db
      .update(workItems)
      .set({
        status: item.status === 'accepted' ? 'completed' : 'cancelled',
        completedAt: at,
        offerExpiresAt: null,
        replyDueAt: null,
      })
      .where(and(eq(workItems.id, item.id), eq(workItems.status, item.status)))
      .returning()
      .get();
    if (!done) continue;
    if (holder && item.status !== 'queued') releaseCapacity(db, holder, item.size);
    logDecision(db, {
      orgId: item.orgId,
      workItemId: item.id,
      event: done.status === 'completed' ? 'completed' : 'cancelled',
      agentId: holder,
      reason: done.status === 'completed' ? completedBecause : 'the customer left',
      at,
    });
    closed.push(done);
  }
  return closed;
}

/** The queue a transfer moves an item to, with the skills that queue asks for. */
export function queueForTransfer(db: Db, orgId: string, queueId: string) {
  return db
    .select()
    .from(queues)
    .where(and(eq(queues.id, queueId), eq(queues.orgId, orgId)))
    .get();
}
