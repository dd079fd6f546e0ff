import type { StaffUser } from '../auth/staffAuth';
import type { Db } from '../db/client';
import {
  auditLog,
  messagingSessions,
  type RequiredSkill,
  type WorkItemStatus,
  workItems,
} from '../db/schema';
import { createDeployment } from '../deployments/deploymentCatalog';
import { DomainError } from '../errors';
import { NEW_QUEUE, type QueueInput } from '../routingConfig/queueSchema';
import { createOrg, createStaff } from './fixtures';

/** An org with an admin, a supervisor and two agents, as routing's configuration starts. */
export async function routingOrg(db: Db, slug: string) {
  const org = createOrg(db, slug);
  const admin = await createStaff(db, org.id, 'admin');
  const supervisor = await createStaff(db, org.id, 'supervisor');
  const alice = await createStaff(db, org.id, 'agent', `alice@${slug}.example`);
  const bob = await createStaff(db, org.id, 'agent', `bob@${slug}.example`);
  return { org, admin, supervisor, alice, bob };
}

/** A queue's input: the editor's defaults with these changes. */
export function queueWith(changes: Partial<QueueInput>): QueueInput {
  return { ...NEW_QUEUE, ...changes };
}

/** A conversation handed off to `queueId` and still open: waiting, offered or with an agent. */
export function openWorkItem(
  db: Db,
  actor: StaffUser,
  queueId: string,
  options: { status?: WorkItemStatus; requiredSkills?: RequiredSkill[] } = {},
) {
  const { deployment } = createDeployment(db, actor, {
    name: `App ${Math.random().toString(36).slice(2, 8)}`,
    channel: 'in_app',
  });
  const session = db
    .insert(messagingSessions)
    .values({
      orgId: actor.orgId,
      deploymentId: deployment.id,
      channel: 'in_app',
      status: 'waiting',
    })
    .returning()
    .get();
  return db
    .insert(workItems)
    .values({
      orgId: actor.orgId,
      sessionId: session.id,
      queueId,
      status: options.status ?? 'queued',
      requiredSkills: options.requiredSkills ?? [],
    })
    .returning()
    .get();
}

/** The audit log's actions for the org, oldest first. */
export function auditedActions(db: Db, orgId: string) {
  return db
    .select({ action: auditLog.action, orgId: auditLog.orgId, details: auditLog.details })
    .from(auditLog)
    .all()
    .filter((row) => row.orgId === orgId && !row.action.startsWith('deployment.'))
    .map(({ action, details }) => ({ action, details }));
}

/** The DomainError a call threw; fails the test when it returned. */
export function domainRefusal(call: () => unknown): DomainError {
  try {
    call();
  } catch (error) {
    if (error instanceof DomainError) return error;
    throw error;
  }
  throw new Error('expected the call to be refused');
}
