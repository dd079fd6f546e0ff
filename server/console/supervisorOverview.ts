import { and, asc, eq, inArray, min, sql } from 'drizzle-orm';
import type { Db } from '../db/client';
import {
  agentStates,
  contacts,
  messagingSessions,
  presenceStatuses,
  queueMembers,
  queues,
  routingDecisions,
  staffUsers,
  workItems,
} from '../db/schema';
import { DomainError } from '../errors';
import { presenceStatusChoices } from './presenceStatusChoices';

/**
 * The supervisor's floor: each queue's waiting count, longest wait and agents online; each
 * agent's presence, load against capacity and open conversations; the items still waiting
 * with the reason routing last gave; the org's own statuses to set agents to.
 */
export function supervisorOverview(db: Db, orgId: string, now: Date) {
  const queueRows = db
    .select({ id: queues.id, name: queues.name })
    .from(queues)
    .where(eq(queues.orgId, orgId))
    .orderBy(asc(queues.name))
    .all();
  const waiting = new Map(
    db
      .select({
        queueId: workItems.queueId,
        count: sql<number>`count(*)`,
        oldest: min(workItems.askedAt),
      })
      .from(workItems)
      .where(and(eq(workItems.orgId, orgId), inArray(workItems.status, ['queued', 'offered'])))
      .groupBy(workItems.queueId)
      .all()
      .map((row) => [row.queueId, row]),
  );
  const online = new Map(
    db
      .select({ queueId: queueMembers.queueId, count: sql<number>`count(*)` })
      .from(queueMembers)
      .innerJoin(agentStates, eq(agentStates.userId, queueMembers.userId))
      .where(and(eq(queueMembers.orgId, orgId), eq(agentStates.presence, 'online')))
      .groupBy(queueMembers.queueId)
      .all()
      .map((row) => [row.queueId, row.count]),
  );
  const agents = db
    .select({
      id: staffUsers.id,
      name: staffUsers.name,
      email: staffUsers.email,
      presence: agentStates.presence,
      presenceStatusId: agentStates.presenceStatusId,
      statusName: presenceStatuses.name,
      capacity: agentStates.capacity,
      load: agentStates.load,
      updatedAt: agentStates.updatedAt,
    })
    .from(agentStates)
    .innerJoin(staffUsers, eq(staffUsers.id, agentStates.userId))
    .leftJoin(presenceStatuses, eq(presenceStatuses.id, agentStates.presenceStatusId))
    .where(and(eq(agentStates.orgId, orgId), eq(staffUsers.active, true)))
    .orderBy(asc(staffUsers.name))
    .all();
  const open = db
    .select({
      workItemId: workItems.id,
      sessionId: workItems.sessionId,
      status: workItems.status,
      agentId: sql<string | null>`coalesce(${workItems.acceptedBy}, ${workItems.offeredTo})`,
      queueName: queues.name,
      customerName: contacts.name,
      priority: workItems.priority,
      askedAt: workItems.askedAt,
      waitingReason: workItems.waitingReason,
    })
    .from(workItems)
    .innerJoin(queues, eq(queues.id, workItems.queueId))
    .innerJoin(messagingSessions, eq(messagingSessions.id, workItems.sessionId))
    .leftJoin(contacts, eq(contacts.id, messagingSessions.contactId))
    .where(
      and(eq(workItems.orgId, orgId), inArray(workItems.status, ['queued', 'offered', 'accepted'])),
    )
    .orderBy(asc(workItems.priority), asc(workItems.askedAt))
    .all();
  return {
    queues: queueRows.map((queue) => {
      const line = waiting.get(queue.id);
      return {
        id: queue.id,
        name: queue.name,
        waiting: line?.count ?? 0,
        longestWaitSeconds: line?.oldest
          ? Math.max(0, Math.round((now.getTime() - line.oldest.getTime()) / 1000))
          : 0,
        agentsOnline: online.get(queue.id) ?? 0,
      };
    }),
    agents: agents.map((agent) => ({
      ...agent,
      conversations: open.filter((item) => item.agentId === agent.id),
    })),
    waitingItems: open.filter((item) => item.status !== 'accepted'),
    /** The org's own statuses, which the supervisor may set an agent to. */
    statuses: presenceStatusChoices(db, orgId),
  };
}

/** A work item's decision log, oldest first: "why did this go to Alice?", "why still waiting?". */
export function workItemDecisions(db: Db, orgId: string, workItemId: string) {
  const item = db
    .select({ id: workItems.id })
    .from(workItems)
    .where(and(eq(workItems.id, workItemId), eq(workItems.orgId, orgId)))
    .get();
  if (!item) throw new DomainError('NOT_FOUND', 'No such work item.');
  return db
    .select({
      id: routingDecisions.id,
      event: routingDecisions.event,
      agentName: staffUsers.name,
      reason: routingDecisions.reason,
      considered: routingDecisions.considered,
      createdAt: routingDecisions.createdAt,
    })
    .from(routingDecisions)
    .leftJoin(staffUsers, eq(staffUsers.id, routingDecisions.agentId))
    .where(eq(routingDecisions.workItemId, workItemId))
    .orderBy(asc(routingDecisions.createdAt), asc(routingDecisions.id))
    .all();
}
