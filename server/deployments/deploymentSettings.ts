import { and, eq } from 'drizzle-orm';
import { recordAudit } from '../audit/recordAudit';
import type { StaffUser } from '../auth/staffAuth';
import type { Db } from '../db/client';
import { type DeploymentSettings, deployments } from '../db/schema';
import { deploymentInOrg } from './deploymentCatalog';

/** The settings of a deployment in the given org; NOT_FOUND for any other deployment. */
export function deploymentSettingsOf(db: Db, orgId: string, id: string): DeploymentSettings {
  return deploymentInOrg(db, orgId, id, { settings: deployments.settings }).settings;
}

/**
 * Changes one part of a deployment's settings in the actor's org and audits it as `action`:
 * `change` gets the stored settings and returns the new ones with the audit details.
 */
export function changeDeploymentSettings(
  db: Db,
  actor: StaffUser,
  id: string,
  action: string,
  change: (settings: DeploymentSettings) => {
    settings: DeploymentSettings;
    details: Record<string, unknown>;
  },
) {
  const { settings, details } = change(deploymentSettingsOf(db, actor.orgId, id));
  db.update(deployments)
    .set({ settings, updatedAt: new Date() })
    .where(and(eq(deployments.id, id), eq(deployments.orgId, actor.orgId)))
    .run();
  recordAudit(db, {
    orgId: actor.orgId,
    actorUserId: actor.id,
    action,
    targetType: 'deployment',
    targetId: id,
    details,
  });
}
