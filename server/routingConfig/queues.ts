import { and, asc, count, eq, inArray, ne, or, sql } from 'drizzle-orm';
import { alias } from 'drizzle-orm/sqlite-core';
import { recordAudit } from '../audit/recordAudit';
import type { StaffUser } from '../auth/staffAuth';
import type { Db } from '../db/client';
import { queueMembers, queues, staffUsers, workItems } from '../db/schema';
import { DomainError } from '../errors';
import { likePattern, type Page, type PageInput } from '../pagination';
import { atomically } from '../routing/workItem';
import { AGENT_ROLES } from './agents';
import { type QueueInput, queueInput } from './queueSchema';
import { missingSkillNames, OPEN_WORK } from './skills';
import { invalidField, validInput } from './validInput';

export interface QueueRow {
  id: string;
  name: string;
  routingModel: (typeof queues.$inferSelect)['routingModel'];
  memberCount: number;
  /** Conversations waiting for an agent or with one now. */
  openWork: number;
  hasBusinessHours: boolean;
  overflowQueueName: string | null;
}

export type QueueView = QueueInput & { id: string };

const overflowQueue = alias(queues, 'overflow_queue');

export function listQueues(db: Db, orgId: string, input: PageInput): Page<QueueRow> {
  const where = and(
    eq(queues.orgId, orgId),
    input.search ? sql`${queues.name} like ${likePattern(input.search)} escape '\\'` : undefined,
  );
  const items = db
    .select({
      id: queues.id,
      name: queues.name,
      routingModel: queues.routingModel,
      memberCount: sql<number>`(select count(*) from ${queueMembers} where ${queueMembers.queueId} = ${queues.id})`,
      openWork: sql<number>`(select count(*) from ${workItems} where ${workItems.queueId} = ${queues.id} and ${inArray(workItems.status, OPEN_WORK)})`,
      hasBusinessHours: sql<boolean>`${queues.businessHours} is not null`.mapWith(Boolean),
      overflowQueueName: overflowQueue.name,
    })
    .from(queues)
    .leftJoin(overflowQueue, eq(overflowQueue.id, queues.overflowQueueId))
    .where(where)
    .orderBy(asc(queues.name), asc(queues.id))
    .limit(input.pageSize)
    .offset((input.page - 1) * input.pageSize)
    .all();
  const total = db.select({ n: count() }).from(queues).where(where).get()?.n ?? 0;
  return { items, total, page: input.page, pageSize: input.pageSize };
}

/** Every queue of the org by name, for the overflow and membership pickers. */
export function queueOptions(db: Db, orgId: string) {
  return db
    .select({ id: queues.id, name: queues.name })
    .from(queues)
    .where(eq(queues.orgId, orgId))
    .orderBy(asc(queues.name))
    .all();
}

/** A queue as its editor shows it, members included; another org's answers NOT_FOUND. */
export function getQueue(db: Db, orgId: string, id: string): QueueView {
  const { orgId: _org, createdAt: _created, ...queue } = queueInOrg(db, orgId, id);
  const memberIds = db
    .select({ userId: queueMembers.userId })
    .from(queueMembers)
    .innerJoin(staffUsers, eq(staffUsers.id, queueMembers.userId))
    .where(eq(queueMembers.queueId, id))
    .orderBy(asc(staffUsers.name), asc(staffUsers.id))
    .all()
    .map((row) => row.userId);
  return { ...queue, memberIds };
}

export function createQueue(db: Db, actor: StaffUser, input: QueueInput): QueueView {
  const queue = validInput(queueInput, input);
  checkReferences(db, actor.orgId, queue, null);
  const id = atomically(db, () => {
    const { memberIds, ...columns } = queue;
    const row = db
      .insert(queues)
      .values({ ...columns, orgId: actor.orgId })
      .returning({ id: queues.id })
      .get();
    replaceMembers(db, actor.orgId, row.id, memberIds);
    recordAudit(db, {
      orgId: actor.orgId,
      actorUserId: actor.id,
      action: 'queue.created',
      targetType: 'queue',
      targetId: row.id,
      details: { ...queue },
    });
    return row.id;
  });
  return getQueue(db, actor.orgId, id);
}

export function updateQueue(db: Db, actor: StaffUser, id: string, input: QueueInput): QueueView {
  const queue = validInput(queueInput, input);
  const before = getQueue(db, actor.orgId, id);
  checkReferences(db, actor.orgId, queue, id);
  atomically(db, () => {
    const { memberIds, ...columns } = queue;
    db.update(queues).set(columns).where(eq(queues.id, id)).run();
    replaceMembers(db, actor.orgId, id, memberIds);
    recordAudit(db, {
      orgId: actor.orgId,
      actorUserId: actor.id,
      action: 'queue.updated',
      targetType: 'queue',
      targetId: id,
      details: { changed: changedFields(before, queue) },
    });
  });
  return getQueue(db, actor.orgId, id);
}

/**
 * Deletes a queue nothing depends on. Refused, saying what to do, while conversations are open
 * in it, while another queue overflows into it, and once it has handled any: the reports keep
 * that history, which names the queue.
 */
export function deleteQueue(db: Db, actor: StaffUser, id: string) {
  const queue = queueInOrg(db, actor.orgId, id);
  const inQueue = or(eq(workItems.queueId, id), eq(workItems.overflowQueueId, id));
  const open =
    db
      .select({ n: count() })
      .from(workItems)
      .where(and(inQueue, inArray(workItems.status, OPEN_WORK)))
      .get()?.n ?? 0;
  if (open > 0) {
    throw new DomainError(
      'CONFLICT',
      `${open} ${open === 1 ? 'conversation is' : 'conversations are'} waiting in ${queue.name} or with its agents. Delete the queue once ${open === 1 ? 'it is' : 'they are'} done.`,
    );
  }
  const feeders = db
    .select({ name: queues.name })
    .from(queues)
    .where(and(eq(queues.orgId, actor.orgId), eq(queues.overflowQueueId, id)))
    .orderBy(asc(queues.name))
    .all()
    .map((row) => row.name);
  if (feeders.length > 0) {
    throw new DomainError(
      'CONFLICT',
      `${feeders.join(', ')} ${feeders.length === 1 ? 'overflows' : 'overflow'} into ${queue.name}: choose another overflow queue there first.`,
    );
  }
  const handled = db.select({ n: count() }).from(workItems).where(inQueue).get()?.n ?? 0;
  if (handled > 0) {
    throw new DomainError(
      'CONFLICT',
      `${queue.name} has handled ${handled} ${handled === 1 ? 'conversation' : 'conversations'}, which reports keep, so it cannot be deleted. To stop it taking work, remove its members.`,
    );
  }
  atomically(db, () => {
    db.delete(queues).where(eq(queues.id, id)).run();
    recordAudit(db, {
      orgId: actor.orgId,
      actorUserId: actor.id,
      action: 'queue.deleted',
      targetType: 'queue',
      targetId: id,
      details: { name: queue.name },
    });
  });
  return { id };
}

function checkReferences(db: Db, orgId: string, queue: QueueInput, id: string | null) {
  const taken = db
    .select({ name: queues.name })
    .from(queues)
    .where(
      and(
        eq(queues.orgId, orgId),
        sql`lower(${queues.name}) = lower(${queue.name})`,
        id ? ne(queues.id, id) : undefined,
      ),
    )
    .get();
  if (taken) {
    throw new DomainError('CONFLICT', `There is already a queue named “${taken.name}”.`, {
      field: 'name',
    });
  }
  if (queue.overflowQueueId !== null) {
    if (queue.overflowQueueId === id) {
      throw invalidField('overflowQueueId', 'A queue cannot overflow into itself.');
    }
    const target = db
      .select({ id: queues.id })
      .from(queues)
      .where(and(eq(queues.id, queue.overflowQueueId), eq(queues.orgId, orgId)))
      .get();
    if (!target) {
      throw invalidField('overflowQueueId', 'Choose one of your own queues to overflow to.');
    }
  }
  for (const field of ['requiredSkills', 'optionalSkills'] as const) {
    const [missing] = missingSkillNames(
      db,
      orgId,
      queue[field].map(({ skill }) => skill),
    );
    if (missing !== undefined) {
      throw invalidField(field, `There is no skill named “${missing}”: add it under Skills first.`);
    }
  }
  if (queue.memberIds.length > 0) {
    const found = db
      .select({ id: staffUsers.id })
      .from(staffUsers)
      .where(
        and(
          eq(staffUsers.orgId, orgId),
          inArray(staffUsers.id, queue.memberIds),
          inArray(staffUsers.role, AGENT_ROLES),
        ),
      )
      .all().length;
    if (found !== queue.memberIds.length) {
      throw invalidField(
        'memberIds',
        'Members are agents, supervisors or admins of your organisation.',
      );
    }
  }
}

function replaceMembers(db: Db, orgId: string, queueId: string, memberIds: string[]) {
  db.delete(queueMembers).where(eq(queueMembers.queueId, queueId)).run();
  if (memberIds.length === 0) return;
  db.insert(queueMembers)
    .values(memberIds.map((userId) => ({ orgId, queueId, userId })))
    .run();
}

function queueInOrg(db: Db, orgId: string, id: string) {
  const row = db
    .select()
    .from(queues)
    .where(and(eq(queues.id, id), eq(queues.orgId, orgId)))
    .get();
  if (!row) throw new DomainError('NOT_FOUND', 'No such queue in your organisation.');
  return row;
}

/** Each changed setting with its old and new value, for the audit log. */
function changedFields(before: QueueView, after: QueueInput) {
  const changed: Record<string, { from: unknown; to: unknown }> = {};
  for (const key of Object.keys(after) as (keyof QueueInput)[]) {
    const from = key === 'memberIds' ? [...before.memberIds].sort() : before[key];
    const to = key === 'memberIds' ? [...after.memberIds].sort() : after[key];
    if (JSON.stringify(from) !== JSON.stringify(to)) changed[key] = { from, to };
  }
  return changed;
}
