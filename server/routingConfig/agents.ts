import { and, asc, count, eq, inArray, or, sql } from 'drizzle-orm';
import { recordAudit } from '../audit/recordAudit';
import { AREA_ROLES } from '../auth/roles';
import type { StaffUser } from '../auth/staffAuth';
import type { Db } from '../db/client';
import {
  agentSkills,
  agentStates,
  type Presence,
  presenceStatuses,
  queueMembers,
  queues,
  type StaffRole,
  skills,
  staffUsers,
} from '../db/schema';
import { DomainError } from '../errors';
import { likePattern, type Page, type PageInput } from '../pagination';
import { atomically } from '../routing/workItem';
import { type AgentInput, agentInput } from './agentSchema';
import { invalidField, validInput } from './validInput';

/** The staff who can take work: everyone who may open the console and set a presence. */
export const AGENT_ROLES = AREA_ROLES.console;

/** Capacity of an agent who has never been configured, as the schema's default gives them. */
export const DEFAULT_CAPACITY = 3;

export interface AgentRow {
  id: string;
  name: string;
  email: string;
  role: StaffRole;
  active: boolean;
  capacity: number;
  presence: Presence;
  /** The org's own status the agent chose, when they chose one ("Lunch"). */
  presenceStatusName: string | null;
  load: number;
  skills: { skillId: string; name: string; level: number }[];
  queues: { id: string; name: string }[];
}

export function listAgents(db: Db, orgId: string, input: PageInput): Page<AgentRow> {
  const pattern = likePattern(input.search);
  const where = and(
    eq(staffUsers.orgId, orgId),
    inArray(staffUsers.role, AGENT_ROLES),
    input.search
      ? or(
          sql`${staffUsers.name} like ${pattern} escape '\\'`,
          sql`${staffUsers.email} like ${pattern} escape '\\'`,
        )
      : undefined,
  );
  const rows = db
    .select({
      id: staffUsers.id,
      name: staffUsers.name,
      email: staffUsers.email,
      role: staffUsers.role,
      active: staffUsers.active,
      capacity: agentStates.capacity,
      presence: agentStates.presence,
      presenceStatusName: presenceStatuses.name,
      load: agentStates.load,
    })
    .from(staffUsers)
    .leftJoin(agentStates, eq(agentStates.userId, staffUsers.id))
    .leftJoin(presenceStatuses, eq(presenceStatuses.id, agentStates.presenceStatusId))
    .where(where)
    .orderBy(asc(staffUsers.name), asc(staffUsers.id))
    .limit(input.pageSize)
    .offset((input.page - 1) * input.pageSize)
    .all();
  const ids = rows.map((row) => row.id);
  const skillsOf = groupBy(
    ids.length === 0
      ? []
      : db
          .select({
            userId: agentSkills.userId,
            skillId: agentSkills.skillId,
            name: skills.name,
            level: agentSkills.level,
          })
          .from(agentSkills)
          .innerJoin(skills, eq(skills.id, agentSkills.skillId))
          .where(inArray(agentSkills.userId, ids))
          .orderBy(asc(skills.name))
          .all(),
  );
  const queuesOf = groupBy(
    ids.length === 0
      ? []
      : db
          .select({ userId: queueMembers.userId, id: queues.id, name: queues.name })
          .from(queueMembers)
          .innerJoin(queues, eq(queues.id, queueMembers.queueId))
          .where(inArray(queueMembers.userId, ids))
          .orderBy(asc(queues.name))
          .all(),
  );
  const items = rows.map((row) => ({
    ...row,
    capacity: row.capacity ?? DEFAULT_CAPACITY,
    presence: row.presence ?? 'offline',
    load: row.load ?? 0,
    skills: (skillsOf.get(row.id) ?? []).map(({ userId: _, ...skill }) => skill),
    queues: (queuesOf.get(row.id) ?? []).map(({ userId: _, ...queue }) => queue),
  }));
  const total = db.select({ n: count() }).from(staffUsers).where(where).get()?.n ?? 0;
  return { items, total, page: input.page, pageSize: input.pageSize };
}

/** Every agent of the org by name, for the queue editor's member picker. */
export function agentOptions(db: Db, orgId: string) {
  return db
    .select({ id: staffUsers.id, name: staffUsers.name, active: staffUsers.active })
    .from(staffUsers)
    .where(and(eq(staffUsers.orgId, orgId), inArray(staffUsers.role, AGENT_ROLES)))
    .orderBy(asc(staffUsers.name), asc(staffUsers.id))
    .all();
}

/**
 * Sets an agent's capacity, skills with levels and queues, replacing what they had. A capacity
 * below the agent's current load takes effect as their open work finishes: nothing is taken away.
 */
export function updateAgent(db: Db, actor: StaffUser, userId: string, input: AgentInput) {
  const agent = validInput(agentInput, input);
  const user = db
    .select({ id: staffUsers.id, name: staffUsers.name })
    .from(staffUsers)
    .where(
      and(
        eq(staffUsers.id, userId),
        eq(staffUsers.orgId, actor.orgId),
        inArray(staffUsers.role, AGENT_ROLES),
      ),
    )
    .get();
  if (!user) throw new DomainError('NOT_FOUND', 'No such agent in your organisation.');
  const skillNames = namesInOrg(
    db,
    skills,
    actor.orgId,
    agent.skills.map(({ skillId }) => skillId),
  );
  if (skillNames.size !== agent.skills.length) {
    throw invalidField('skills', 'One of the skills no longer exists: reload and choose again.');
  }
  const queueNames = namesInOrg(db, queues, actor.orgId, agent.queueIds);
  if (queueNames.size !== agent.queueIds.length) {
    throw invalidField('queueIds', 'One of the queues no longer exists: reload and choose again.');
  }
  const now = new Date();
  atomically(db, () => {
    db.insert(agentStates)
      .values({ userId, orgId: actor.orgId, capacity: agent.capacity, updatedAt: now })
      .onConflictDoUpdate({
        target: agentStates.userId,
        set: { capacity: agent.capacity, updatedAt: now },
      })
      .run();
    db.delete(agentSkills).where(eq(agentSkills.userId, userId)).run();
    if (agent.skills.length > 0) {
      db.insert(agentSkills)
        .values(agent.skills.map((skill) => ({ orgId: actor.orgId, userId, ...skill })))
        .run();
    }
    db.delete(queueMembers).where(eq(queueMembers.userId, userId)).run();
    if (agent.queueIds.length > 0) {
      db.insert(queueMembers)
        .values(agent.queueIds.map((queueId) => ({ orgId: actor.orgId, userId, queueId })))
        .run();
    }
    recordAudit(db, {
      orgId: actor.orgId,
      actorUserId: actor.id,
      action: 'agent.routing_changed',
      targetType: 'staff_user',
      targetId: userId,
      details: {
        capacity: agent.capacity,
        skills: agent.skills.map(({ skillId, level }) => ({
          skill: skillNames.get(skillId),
          level,
        })),
        queues: agent.queueIds.map((id) => queueNames.get(id)),
      },
    });
  });
  return { id: userId, ...agent };
}

function namesInOrg(db: Db, table: typeof skills | typeof queues, orgId: string, ids: string[]) {
  if (ids.length === 0) return new Map<string, string>();
  return new Map(
    db
      .select({ id: table.id, name: table.name })
      .from(table)
      .where(and(eq(table.orgId, orgId), inArray(table.id, ids)))
      .all()
      .map((row) => [row.id, row.name]),
  );
}

function groupBy<T extends { userId: string }>(rows: T[]): Map<string, T[]> {
  const byUser = new Map<string, T[]>();
  for (const row of rows) byUser.set(row.userId, [...(byUser.get(row.userId) ?? []), row]);
  return byUser;
}
