import { and, asc, count, eq, inArray, ne, sql } from 'drizzle-orm';
import { recordAudit } from '../audit/recordAudit';
import type { StaffUser } from '../auth/staffAuth';
import type { Db } from '../db/client';
import { agentSkills, queues, type RequiredSkill, skills, workItems } from '../db/schema';
import { DomainError } from '../errors';
import { likePattern, type Page, type PageInput } from '../pagination';
import { atomically } from '../routing/workItem';
import { type SkillInput, skillInput } from './skillSchema';
import { validInput } from './validInput';

export interface SkillRow {
  id: string;
  name: string;
  /** Agents holding the skill at some level. */
  agentCount: number;
  /** Queues that require or prefer it, by name. */
  queueNames: string[];
}

/** Work that still needs an agent: what deleting a skill or a queue must not strand. */
export const OPEN_WORK = ['queued', 'offered', 'accepted'] as const;

export function listSkills(db: Db, orgId: string, input: PageInput): Page<SkillRow> {
  const where = and(
    eq(skills.orgId, orgId),
    input.search ? sql`${skills.name} like ${likePattern(input.search)} escape '\\'` : undefined,
  );
  const rows = db
    .select({
      id: skills.id,
      name: skills.name,
      agentCount: sql<number>`(select count(*) from ${agentSkills} where ${agentSkills.skillId} = ${skills.id})`,
    })
    .from(skills)
    .where(where)
    .orderBy(asc(skills.name), asc(skills.id))
    .limit(input.pageSize)
    .offset((input.page - 1) * input.pageSize)
    .all();
  const queuesBySkill = queueNamesBySkill(db, orgId);
  const items = rows.map((row) => ({ ...row, queueNames: queuesBySkill.get(row.name) ?? [] }));
  const total = db.select({ n: count() }).from(skills).where(where).get()?.n ?? 0;
  return { items, total, page: input.page, pageSize: input.pageSize };
}

/** Every skill of the org by name, for the pickers in the queue and agent editors. */
export function skillOptions(db: Db, orgId: string) {
  return db
    .select({ id: skills.id, name: skills.name })
    .from(skills)
    .where(eq(skills.orgId, orgId))
    .orderBy(asc(skills.name))
    .all();
}

export function createSkill(db: Db, actor: StaffUser, input: SkillInput) {
  const { name } = validInput(skillInput, input);
  refuseTakenName(db, actor.orgId, name);
  const skill = db
    .insert(skills)
    .values({ orgId: actor.orgId, name })
    .returning({ id: skills.id, name: skills.name })
    .get();
  recordAudit(db, {
    orgId: actor.orgId,
    actorUserId: actor.id,
    action: 'skill.created',
    targetType: 'skill',
    targetId: skill.id,
    details: { name },
  });
  return skill;
}

/**
 * Renames a skill, and with it the queues and the open work that ask for it by name. Bots'
 * escalate nodes name skills too; the admin page says to update them.
 */
export function renameSkill(db: Db, actor: StaffUser, id: string, input: SkillInput) {
  const { name } = validInput(skillInput, input);
  const skill = skillInOrg(db, actor.orgId, id);
  if (skill.name === name) return skill;
  refuseTakenName(db, actor.orgId, name, id);
  const rename = (list: RequiredSkill[]) =>
    list.map((entry) => (entry.skill === skill.name ? { ...entry, skill: name } : entry));
  atomically(db, () => {
    db.update(skills).set({ name }).where(eq(skills.id, id)).run();
    for (const queue of queuesUsing(db, actor.orgId, skill.name)) {
      db.update(queues)
        .set({
          requiredSkills: rename(queue.requiredSkills),
          optionalSkills: rename(queue.optionalSkills),
        })
        .where(eq(queues.id, queue.id))
        .run();
    }
    for (const item of openWorkUsing(db, actor.orgId, skill.name)) {
      db.update(workItems)
        .set({
          requiredSkills: rename(item.requiredSkills),
          optionalSkills: rename(item.optionalSkills),
        })
        .where(eq(workItems.id, item.id))
        .run();
    }
    recordAudit(db, {
      orgId: actor.orgId,
      actorUserId: actor.id,
      action: 'skill.renamed',
      targetType: 'skill',
      targetId: id,
      details: { from: skill.name, to: name },
    });
  });
  return { id, name };
}

/**
 * Deletes a skill that no queue and no open work needs; the agents holding it lose it. A queue
 * or a waiting conversation still asking for it would otherwise wait for an agent who cannot
 * exist, so those are refused with what to change first.
 */
export function deleteSkill(db: Db, actor: StaffUser, id: string) {
  const skill = skillInOrg(db, actor.orgId, id);
  const usedBy = queuesUsing(db, actor.orgId, skill.name).map((queue) => queue.name);
  if (usedBy.length > 0) {
    const one = usedBy.length === 1;
    throw new DomainError(
      'CONFLICT',
      `The ${usedBy.join(', ')} ${one ? 'queue uses' : 'queues use'} the skill “${skill.name}”: remove it from ${one ? 'that queue' : 'those queues'} first.`,
    );
  }
  const open = openWorkUsing(db, actor.orgId, skill.name).length;
  if (open > 0) {
    const one = open === 1;
    throw new DomainError(
      'CONFLICT',
      `${open} open ${one ? 'conversation needs' : 'conversations need'} the skill “${skill.name}”: delete it once ${one ? 'it is' : 'they are'} done.`,
    );
  }
  return atomically(db, () => {
    const agentsWhoHeldIt =
      db.select({ n: count() }).from(agentSkills).where(eq(agentSkills.skillId, id)).get()?.n ?? 0;
    db.delete(skills).where(eq(skills.id, id)).run();
    recordAudit(db, {
      orgId: actor.orgId,
      actorUserId: actor.id,
      action: 'skill.deleted',
      targetType: 'skill',
      targetId: id,
      details: { name: skill.name, agentsWhoHeldIt },
    });
    return { id, agentsWhoHeldIt };
  });
}

/** The names of the org's skills among `names` that do not exist. */
export function missingSkillNames(db: Db, orgId: string, names: string[]): string[] {
  if (names.length === 0) return [];
  const known = new Set(
    db
      .select({ name: skills.name })
      .from(skills)
      .where(and(eq(skills.orgId, orgId), inArray(skills.name, names)))
      .all()
      .map((row) => row.name),
  );
  return names.filter((name) => !known.has(name));
}

function skillInOrg(db: Db, orgId: string, id: string) {
  const row = db
    .select({ id: skills.id, name: skills.name })
    .from(skills)
    .where(and(eq(skills.id, id), eq(skills.orgId, orgId)))
    .get();
  if (!row) throw new DomainError('NOT_FOUND', 'No such skill in your organisation.');
  return row;
}

function refuseTakenName(db: Db, orgId: string, name: string, exceptId?: string) {
  const taken = db
    .select({ name: skills.name })
    .from(skills)
    .where(
      and(
        eq(skills.orgId, orgId),
        sql`lower(${skills.name}) = lower(${name})`,
        exceptId ? ne(skills.id, exceptId) : undefined,
      ),
    )
    .get();
  if (taken) {
    throw new DomainError('CONFLICT', `There is already a skill named “${taken.name}”.`, {
      field: 'name',
    });
  }
}

function queuesUsing(db: Db, orgId: string, skillName: string) {
  return db
    .select({
      id: queues.id,
      name: queues.name,
      requiredSkills: queues.requiredSkills,
      optionalSkills: queues.optionalSkills,
    })
    .from(queues)
    .where(eq(queues.orgId, orgId))
    .orderBy(asc(queues.name))
    .all()
    .filter((queue) =>
      [...queue.requiredSkills, ...queue.optionalSkills].some(({ skill }) => skill === skillName),
    );
}

/** Work items still waiting for or with an agent that ask for the skill, required or optional. */
function openWorkUsing(db: Db, orgId: string, skillName: string) {
  return db
    .select({
      id: workItems.id,
      requiredSkills: workItems.requiredSkills,
      optionalSkills: workItems.optionalSkills,
    })
    .from(workItems)
    .where(and(eq(workItems.orgId, orgId), inArray(workItems.status, OPEN_WORK)))
    .all()
    .filter((item) =>
      [...item.requiredSkills, ...item.optionalSkills].some(({ skill }) => skill === skillName),
    );
}

function queueNamesBySkill(db: Db, orgId: string): Map<string, string[]> {
  const bySkill = new Map<string, string[]>();
  for (const queue of db
    .select({
      name: queues.name,
      requiredSkills: queues.requiredSkills,
      optionalSkills: queues.optionalSkills,
    })
    .from(queues)
    .where(eq(queues.orgId, orgId))
    .orderBy(asc(queues.name))
    .all()) {
    for (const { skill } of [...queue.requiredSkills, ...queue.optionalSkills]) {
      const names = bySkill.get(skill) ?? [];
      if (!names.includes(queue.name)) names.push(queue.name);
      bySkill.set(skill, names);
    }
  }
  return bySkill;
}
