import { and, eq } from 'drizzle-orm';
import type { Db } from '../db/client';
import { agentSkills, agentStates, queueMembers, queues, skills, staffUsers } from '../db/schema';
import { isOpen } from './businessHours';
import { mergeSkills } from './enqueueHandoff';
import type { Handoff } from './handoff';

export type NoAgentReason = 'NO_QUEUE' | 'NO_CAPABLE_AGENT' | 'CLOSED' | 'NO_AGENT_ONLINE';

export type HandoffRoute =
  | { ok: true; queue: typeof queues.$inferSelect }
  | { ok: false; reason: NoAgentReason; queue: typeof queues.$inferSelect | null };

/**
 * Where a bot's hand-off waits for an agent, or why nobody can come (the bot then hears
 * `noAgent` at once and takes its own path). The rule, as the README states it:
 * - no such queue (a hand-off naming none takes the org's first queue) → NO_QUEUE;
 * - the queue is outside its business hours or on a holiday → CLOSED;
 * - no active member holds every required skill (the hand-off's and the queue's) at its
 *   level → NO_CAPABLE_AGENT;
 * - capable members exist but none is taking work, and the queue says not to wait →
 *   NO_AGENT_ONLINE; by default the item waits for one to come online.
 */
export function routeHandoff(
  db: Db,
  orgId: string,
  handoff: Handoff | undefined,
  at: Date = new Date(),
): HandoffRoute {
  const queue = handoff?.queue
    ? db
        .select()
        .from(queues)
        .where(and(eq(queues.orgId, orgId), eq(queues.name, handoff.queue)))
        .get()
    : db
        .select()
        .from(queues)
        .where(eq(queues.orgId, orgId))
        .orderBy(queues.createdAt, queues.id)
        .get();
  if (!queue) return { ok: false, reason: 'NO_QUEUE', queue: null };
  if (!isOpen(queue.businessHours, at)) return { ok: false, reason: 'CLOSED', queue };
  const held = db
    .select({
      userId: queueMembers.userId,
      presence: agentStates.presence,
      skill: skills.name,
      level: agentSkills.level,
    })
    .from(queueMembers)
    .innerJoin(staffUsers, eq(staffUsers.id, queueMembers.userId))
    .leftJoin(agentStates, eq(agentStates.userId, queueMembers.userId))
    .leftJoin(agentSkills, eq(agentSkills.userId, queueMembers.userId))
    .leftJoin(skills, eq(skills.id, agentSkills.skillId))
    .where(and(eq(queueMembers.queueId, queue.id), eq(staffUsers.active, true)))
    .all();
  const agents = new Map<string, { online: boolean; levels: Map<string, number> }>();
  for (const row of held) {
    const agent = agents.get(row.userId) ?? {
      online: row.presence === 'online',
      levels: new Map<string, number>(),
    };
    if (row.skill !== null && row.level !== null) agent.levels.set(row.skill, row.level);
    agents.set(row.userId, agent);
  }
  const required = mergeSkills(handoff?.skills ?? [], queue.requiredSkills);
  const capable = [...agents.values()].filter(({ levels }) =>
    required.every(({ skill, minLevel }) => (levels.get(skill) ?? 0) >= minLevel),
  );
  if (capable.length === 0) return { ok: false, reason: 'NO_CAPABLE_AGENT', queue };
  if (queue.whenNoneOnline === 'no_agent' && !capable.some(({ online }) => online)) {
    return { ok: false, reason: 'NO_AGENT_ONLINE', queue };
  }
  return { ok: true, queue };
}
