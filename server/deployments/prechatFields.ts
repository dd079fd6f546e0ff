import { eq } from 'drizzle-orm';
import type { z } from 'zod';
import { recordAudit } from '../audit/recordAudit';
import type { StaffUser } from '../auth/staffAuth';
import type { Db } from '../db/client';
import { deployments } from '../db/schema';
import type { PrechatField, PrechatForm } from '../http/contract/prechat';
import type { updatePrechatFieldsInput } from './deploymentSchemas';
import { deploymentSettingsOf, saveDeploymentSettings } from './deploymentSettings';

/** The pre-chat fields of a deployment in the admin's org. */
export function getPrechatFields(db: Db, orgId: string, id: string): PrechatField[] {
  return deploymentSettingsOf(db, orgId, id).prechatFields ?? [];
}

export function updatePrechatFields(
  db: Db,
  actor: StaffUser,
  input: z.infer<typeof updatePrechatFieldsInput>,
): PrechatField[] {
  const settings = deploymentSettingsOf(db, actor.orgId, input.id);
  saveDeploymentSettings(db, actor.orgId, input.id, { ...settings, prechatFields: input.fields });
  recordAudit(db, {
    orgId: actor.orgId,
    actorUserId: actor.id,
    action: 'deployment.prechat_changed',
    targetType: 'deployment',
    targetId: input.id,
    details: { fields: input.fields.map((field) => field.name) },
  });
  return input.fields;
}

/** What the widget asks before a conversation starts; null when no deployment has that id. */
export function prechatFormOf(db: Db, publicId: string): PrechatForm | null {
  const row = db
    .select({ settings: deployments.settings })
    .from(deployments)
    .where(eq(deployments.publicId, publicId))
    .get();
  return row ? { fields: row.settings.prechatFields ?? [] } : null;
}
