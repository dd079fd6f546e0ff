import { and, eq, inArray, sql } from 'drizzle-orm';
import type { Db } from '../db/client';
import {
  agentSkills,
  agentStates,
  queueMembers,
  skills,
  staffUsers,
  workItems,
} from '../db/schema';
import type { AgentSnapshot } from './eligibility';

/** The org's active agents with their presence, load, queues and skills, for one routing pass. */
export function loadAgentSnapshots(db: Db, orgId: string): AgentSnapshot[] {
  const rows = db
    .select({
      id: staffUsers.id,
      name: staffUsers.name,
      presence: agentStates.presence,
      capacity: agentStates.capacity,
      load: agentStates.load,
      lastAssignedAt: agentStates.lastAssignedAt,
    })
    .from(agentStates)
    .innerJoin(staffUsers, eq(staffUsers.id, agentStates.userId))
    .where(and(eq(agentStates.orgId, orgId), eq(staffUsers.active, true)))
    .all();
  const queueIds = new Map<string, Set<string>>();
  for (const row of db
    .select({ userId: queueMembers.userId, queueId: queueMembers.queueId })
    .from(queueMembers)
    .where(eq(queueMembers.orgId, orgId))
    .all()) {
    const set = queueIds.get(row.userId) ?? new Set<string>();
    set.add(row.queueId);
    queueIds.set(row.userId, set);
  }
  const levels = new Map<string, Map<string, number>>();
  for (const row of db
    .select({ userId: agentSkills.userId, skill: skills.name, level: agentSkills.level })
    .from(agentSkills)
    .innerJoin(skills, eq(skills.id, agentSkills.skillId))
    .where(eq(agentSkills.orgId, orgId))
    .all()) {
    const map = levels.get(row.userId) ?? new Map<string, number>();
    map.set(row.skill, row.level);
    levels.set(row.userId, map);
  }
  const open = new Map<string, number>();
  for (const row of db
    .select({
      userId: sql<string>`coalesce(${workItems.acceptedBy}, ${workItems.offeredTo})`,
      count: sql<number>`count(*)`,
    })
    .from(workItems)
    .where(and(eq(workItems.orgId, orgId), inArray(workItems.status, ['offered', 'accepted'])))
    .groupBy(sql`1`)
    .all()) {
    open.set(row.userId, row.count);
  }
  return rows.map((row) => ({
    id: row.id,
    name: row.name,
    takesWork: row.presence === 'online',
    capacity: row.capacity,
    load: row.load,
    openItems: open.get(row.id) ?? 0,
    lastAssignedAt: row.lastAssignedAt?.getTime() ?? null,
    queueIds: queueIds.get(row.id) ?? new Set(),
    skills: levels.get(row.id) ?? new Map(),
  }));
}
