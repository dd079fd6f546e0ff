import { and, eq } from 'drizzle-orm';
import type { Db } from '../db/client';
import { agentSkills, queueMembers, queues, skills, staffUsers } from '../db/schema';
import type { Handoff } from './handoff';

export type HandoffRoute =
  | { ok: true; queueId: string }
  | { ok: false; reason: 'NO_QUEUE' | 'NO_CAPABLE_AGENT'; queueId: string | null };

/**
 * Where a bot's handoff waits for an agent: the queue it names (the org's first queue when it
 * names none). Nobody can take it when there is no such queue, or when no active member of the
 * queue holds every required skill at its level: the bot then hears `noAgent` and takes its own
 * path instead of leaving the customer waiting for good. Whether an agent is online right now
 * is for assignment to weigh, not this check: a capable agent who signs in later takes the item.
 */
export function routeHandoff(db: Db, orgId: string, handoff: Handoff | undefined): HandoffRoute {
  const queue = handoff?.queue
    ? db
        .select({ id: queues.id })
        .from(queues)
        .where(and(eq(queues.orgId, orgId), eq(queues.name, handoff.queue)))
        .get()
    : db
        .select({ id: queues.id })
        .from(queues)
        .where(eq(queues.orgId, orgId))
        .orderBy(queues.createdAt, queues.id)
        .get();
  if (!queue) return { ok: false, reason: 'NO_QUEUE', queueId: null };

  const held = db
    .select({ userId: queueMembers.userId, skill: skills.name, level: agentSkills.level })
    .from(queueMembers)
    .innerJoin(staffUsers, eq(staffUsers.id, queueMembers.userId))
    .leftJoin(agentSkills, eq(agentSkills.userId, queueMembers.userId))
    .leftJoin(skills, eq(skills.id, agentSkills.skillId))
    .where(and(eq(queueMembers.queueId, queue.id), eq(staffUsers.active, true)))
    .all();
  const levelsByAgent = new Map<string, Map<string, number>>();
  for (const row of held) {
    const levels = levelsByAgent.get(row.userId) ?? new Map<string, number>();
    if (row.skill !== null && row.level !== null) levels.set(row.skill, row.level);
    levelsByAgent.set(row.userId, levels);
  }
  const required = handoff?.skills ?? [];
  const capable = [...levelsByAgent.values()].some((levels) =>
    required.every(({ skill, minLevel }) => (levels.get(skill) ?? 0) >= minLevel),
  );
  return capable
    ? { ok: true, queueId: queue.id }
    : { ok: false, reason: 'NO_CAPABLE_AGENT', queueId: queue.id };
}
