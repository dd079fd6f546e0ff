import { and, eq } from 'drizzle-orm';
import type { Db } from '../db/client';
import { type DeploymentSettings, deployments } from '../db/schema';
import { DomainError } from '../errors';

/** The settings of a deployment in the given org; NOT_FOUND for any other deployment. */
export function deploymentSettingsOf(db: Db, orgId: string, id: string): DeploymentSettings {
  const row = db
    .select({ settings: deployments.settings })
    .from(deployments)
    .where(and(eq(deployments.id, id), eq(deployments.orgId, orgId)))
    .get();
  if (!row) throw new DomainError('NOT_FOUND', 'No such deployment in your organisation.');
  return row.settings;
}

/** Stores a deployment's settings; the caller has read them with `deploymentSettingsOf`. */
export function saveDeploymentSettings(
  db: Db,
  orgId: string,
  id: string,
  settings: DeploymentSettings,
) {
  db.update(deployments)
    .set({ settings, updatedAt: new Date() })
    .where(and(eq(deployments.id, id), eq(deployments.orgId, orgId)))
    .run();
}
