import { and, asc, count, eq, ne, sql } from 'drizzle-orm';
import { recordAudit } from '../audit/recordAudit';
import type { StaffUser } from '../auth/staffAuth';
import type { Db } from '../db/client';
import { agentStates, presenceStatuses } from '../db/schema';
import { DomainError } from '../errors';
import { recordPresenceChanges } from '../routing/presenceHistory';
import { atomically } from '../routing/workItem';
import { type PresenceStatusInput, presenceStatusInput } from './presenceStatusSchema';
import { validInput } from './validInput';

export interface PresenceStatusRow {
  id: string;
  name: string;
  takesWork: boolean;
  /** Agents in the status right now. */
  agentCount: number;
}

/** The org's own statuses, by name; the built-in four are the same for every org. */
export function listPresenceStatuses(db: Db, orgId: string): PresenceStatusRow[] {
  return db
    .select({
      id: presenceStatuses.id,
      name: presenceStatuses.name,
      takesWork: presenceStatuses.takesWork,
      agentCount: sql<number>`(select count(*) from ${agentStates} where ${agentStates.presenceStatusId} = ${presenceStatuses.id})`,
    })
    .from(presenceStatuses)
    .where(eq(presenceStatuses.orgId, orgId))
    .orderBy(asc(presenceStatuses.name))
    .all();
}

export function createPresenceStatus(db: Db, actor: StaffUser, input: PresenceStatusInput) {
  const status = validInput(presenceStatusInput, input);
  refuseTakenName(db, actor.orgId, status.name);
  return atomically(db, () => {
    const row = db
      .insert(presenceStatuses)
      .values({ orgId: actor.orgId, ...status })
      .returning({
        id: presenceStatuses.id,
        name: presenceStatuses.name,
        takesWork: presenceStatuses.takesWork,
      })
      .get();
    recordAudit(db, {
      orgId: actor.orgId,
      actorUserId: actor.id,
      action: 'presence_status.created',
      targetType: 'presence_status',
      targetId: row.id,
      details: { ...status },
    });
    return row;
  });
}

/**
 * Renames a status or changes whether it takes work. Agents in it now follow at once: routing
 * reads their built-in presence, `online` for a status that takes work and `busy` otherwise.
 */
export function updatePresenceStatus(
  db: Db,
  actor: StaffUser,
  id: string,
  input: PresenceStatusInput,
) {
  const status = validInput(presenceStatusInput, input);
  const before = statusInOrg(db, actor.orgId, id);
  refuseTakenName(db, actor.orgId, status.name, id);
  return atomically(db, () => {
    db.update(presenceStatuses).set(status).where(eq(presenceStatuses.id, id)).run();
    // Agents show the status by its id, so a new name reaches them without a write; their
    // presence is what routing reads, so it is set again from `takesWork`.
    const presence = status.takesWork ? 'online' : 'busy';
    const at = new Date();
    const inIt = db
      .update(agentStates)
      .set({ presence, updatedAt: at })
      .where(and(eq(agentStates.orgId, actor.orgId), eq(agentStates.presenceStatusId, id)))
      .returning({ userId: agentStates.userId })
      .all();
    // A rename leaves everyone's presence as it was: history records only a change of it.
    if (before.takesWork !== status.takesWork) {
      recordPresenceChanges(
        db,
        inIt.map(({ userId }) => ({
          orgId: actor.orgId,
          userId,
          presence,
          presenceStatusId: id,
          at,
        })),
      );
    }
    const agentsInIt = inIt.length;
    recordAudit(db, {
      orgId: actor.orgId,
      actorUserId: actor.id,
      action: 'presence_status.updated',
      targetType: 'presence_status',
      targetId: id,
      details: { from: before, to: status, agentsInIt },
    });
    return { id, ...status };
  });
}

/**
 * Deletes a status. Agents in it keep the built-in presence it stood for (Online or Busy), so
 * nobody starts or stops taking work because an admin tidied the list.
 */
export function deletePresenceStatus(db: Db, actor: StaffUser, id: string) {
  const status = statusInOrg(db, actor.orgId, id);
  return atomically(db, () => {
    const agentsInIt =
      db.select({ n: count() }).from(agentStates).where(eq(agentStates.presenceStatusId, id)).get()
        ?.n ?? 0;
    db.delete(presenceStatuses).where(eq(presenceStatuses.id, id)).run();
    recordAudit(db, {
      orgId: actor.orgId,
      actorUserId: actor.id,
      action: 'presence_status.deleted',
      targetType: 'presence_status',
      targetId: id,
      details: { name: status.name, agentsInIt },
    });
    return { id, agentsInIt };
  });
}

function statusInOrg(db: Db, orgId: string, id: string) {
  const row = db
    .select({ name: presenceStatuses.name, takesWork: presenceStatuses.takesWork })
    .from(presenceStatuses)
    .where(and(eq(presenceStatuses.id, id), eq(presenceStatuses.orgId, orgId)))
    .get();
  if (!row) throw new DomainError('NOT_FOUND', 'No such presence status in your organisation.');
  return row;
}

function refuseTakenName(db: Db, orgId: string, name: string, exceptId?: string) {
  const taken = db
    .select({ name: presenceStatuses.name })
    .from(presenceStatuses)
    .where(
      and(
        eq(presenceStatuses.orgId, orgId),
        sql`lower(${presenceStatuses.name}) = lower(${name})`,
        exceptId ? ne(presenceStatuses.id, exceptId) : undefined,
      ),
    )
    .get();
  if (taken) {
    throw new DomainError('CONFLICT', `There is already a status named “${taken.name}”.`, {
      field: 'name',
    });
  }
}
