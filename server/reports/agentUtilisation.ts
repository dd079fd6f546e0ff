import { and, asc, desc, eq, exists, gt, gte, isNull, lt, lte, or, type SQL } from 'drizzle-orm';
import type { Db } from '../db/client';
import {
  agentPresenceChanges,
  agentStates,
  PRESENCE_STATUSES,
  type Presence,
  queueMembers,
  staffUsers,
  workItems,
} from '../db/schema';
import type { ReportFilters } from './reportFilters';
import { secondsBetween } from './stats';

export interface AgentUtilisation {
  agentId: string;
  name: string;
  /** Seconds in each built-in presence within the range. */
  secondsIn: Record<Presence, number>;
  /** Seconds in each of the org's own statuses (by id), a part of Online or Busy above. */
  secondsInStatus: Record<string, number>;
  capacity: number;
  /** Seconds the agent's accepted work items used all of their current capacity. */
  secondsAtCapacity: number;
}

/**
 * Time per presence status from the presence history, and time at capacity from accepted
 * work items, for each agent of the org within [from, to), cut off at `now` for a range that
 * has not ended. The queue filter keeps the queue's members; the other conversation filters
 * do not apply to agents' time.
 */
export function agentUtilisation(
  db: Db,
  orgId: string,
  filters: ReportFilters,
  now: Date,
): AgentUtilisation[] {
  const from = filters.from;
  const end = new Date(Math.min(filters.to.getTime(), now.getTime()));
  const agents = db
    .select({ agentId: staffUsers.id, name: staffUsers.name, capacity: agentStates.capacity })
    .from(agentStates)
    .innerJoin(staffUsers, eq(staffUsers.id, agentStates.userId))
    .where(
      and(
        eq(agentStates.orgId, orgId),
        filters.agentId ? eq(agentStates.userId, filters.agentId) : undefined,
        filters.queueId ? inQueue(db, filters.queueId) : undefined,
      ),
    )
    .orderBy(asc(staffUsers.name))
    .all();
  if (end <= from) return agents.map((agent) => ({ ...agent, ...nothingYet() }));
  return agents.map((agent) => ({
    ...agent,
    ...presenceTime(db, orgId, agent.agentId, from, end),
    secondsAtCapacity: capacityTime(db, orgId, agent.agentId, agent.capacity, from, end),
  }));
}

function inQueue(db: Db, queueId: string): SQL {
  return exists(
    db
      .select({ userId: queueMembers.userId })
      .from(queueMembers)
      .where(and(eq(queueMembers.queueId, queueId), eq(queueMembers.userId, agentStates.userId))),
  );
}

function nothingYet() {
  return { secondsIn: zeroes(), secondsInStatus: {}, secondsAtCapacity: 0 };
}

function zeroes(): Record<Presence, number> {
  return Object.fromEntries(PRESENCE_STATUSES.map((p) => [p, 0])) as Record<Presence, number>;
}

function presenceTime(db: Db, orgId: string, userId: string, from: Date, end: Date) {
  const ofAgent = and(
    eq(agentPresenceChanges.orgId, orgId),
    eq(agentPresenceChanges.userId, userId),
  );
  const columns = {
    presence: agentPresenceChanges.presence,
    presenceStatusId: agentPresenceChanges.presenceStatusId,
    at: agentPresenceChanges.at,
  };
  // Without a change before the range, the agent had never set a presence: Offline.
  let current = db
    .select(columns)
    .from(agentPresenceChanges)
    .where(and(ofAgent, lte(agentPresenceChanges.at, from)))
    .orderBy(desc(agentPresenceChanges.at), desc(agentPresenceChanges.id))
    .limit(1)
    .get() ?? { presence: 'offline' as Presence, presenceStatusId: null, at: from };
  const changes = db
    .select(columns)
    .from(agentPresenceChanges)
    .where(and(ofAgent, gt(agentPresenceChanges.at, from), lt(agentPresenceChanges.at, end)))
    .orderBy(asc(agentPresenceChanges.at), asc(agentPresenceChanges.id))
    .all();
  const secondsIn = zeroes();
  const secondsInStatus: Record<string, number> = {};
  let since = from;
  for (const next of [...changes, { ...current, at: end }]) {
    const seconds = secondsBetween(since, next.at);
    secondsIn[current.presence] += seconds;
    if (current.presenceStatusId) {
      secondsInStatus[current.presenceStatusId] =
        (secondsInStatus[current.presenceStatusId] ?? 0) + seconds;
    }
    current = next;
    since = next.at;
  }
  return { secondsIn, secondsInStatus };
}

function capacityTime(
  db: Db,
  orgId: string,
  userId: string,
  capacity: number,
  from: Date,
  end: Date,
): number {
  const columns = {
    size: workItems.size,
    acceptedAt: workItems.acceptedAt,
    completedAt: workItems.completedAt,
  };
  const ofAgent = and(eq(workItems.orgId, orgId), eq(workItems.acceptedBy, userId));
  // Two index ranges instead of the agent's whole history: the items accepted within the
  // range, and the earlier ones still open at its start (by when they were completed).
  const items = [
    ...db
      .select(columns)
      .from(workItems)
      .where(and(ofAgent, gte(workItems.acceptedAt, from), lt(workItems.acceptedAt, end)))
      .all(),
    ...db
      .select(columns)
      .from(workItems)
      .where(
        and(
          ofAgent,
          lt(workItems.acceptedAt, from),
          or(isNull(workItems.completedAt), gt(workItems.completedAt, from)),
        ),
      )
      .all(),
  ];
  const steps: { at: number; change: number }[] = [];
  for (const item of items) {
    if (!item.acceptedAt) continue;
    const start = Math.max(item.acceptedAt.getTime(), from.getTime());
    const stop = Math.min(item.completedAt?.getTime() ?? end.getTime(), end.getTime());
    if (stop <= start) continue;
    steps.push({ at: start, change: item.size }, { at: stop, change: -item.size });
  }
  // At one instant, releases go before claims: back-to-back items are not an overlap.
  steps.sort((a, b) => a.at - b.at || a.change - b.change);
  let load = 0;
  let since = 0;
  let milliseconds = 0;
  for (const step of steps) {
    if (load >= capacity) milliseconds += step.at - since;
    load += step.change;
    since = step.at;
  }
  return milliseconds / 1000;
}
