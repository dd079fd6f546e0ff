import { eq } from 'drizzle-orm';
import type { z } from 'zod';
import type { PrechatField, PrechatForm } from '../../contract/prechat';
import type { StaffUser } from '../auth/staffAuth';
import type { Db } from '../db/client';
import { deployments } from '../db/schema';
import type { updatePrechatFieldsInput } from './deploymentSchemas';
import { changeDeploymentSettings, deploymentSettingsOf } from './deploymentSettings';

/** The pre-chat fields of a deployment in the admin's org. */
export function getPrechatFields(db: Db, orgId: string, id: string): PrechatField[] {
  return deploymentSettingsOf(db, orgId, id).prechatFields ?? [];
}

export function updatePrechatFields(
  db: Db,
  actor: StaffUser,
  input: z.infer<typeof updatePrechatFieldsInput>,
): PrechatField[] {
  changeDeploymentSettings(db, actor, input.id, 'deployment.prechat_changed', (settings) => ({
    settings: { ...settings, prechatFields: input.fields },
    details: { fields: input.fields.map((field) => field.name) },
  }));
  return input.fields;
}

/** What the widget asks before a conversation starts; null when no deployment has that id. */
export function prechatFormOf(db: Db, publicId: string): Pick<PrechatForm, 'fields'> | null {
  const row = db
    .select({ settings: deployments.settings })
    .from(deployments)
    .where(eq(deployments.publicId, publicId))
    .get();
  return row ? { fields: row.settings.prechatFields ?? [] } : null;
}
