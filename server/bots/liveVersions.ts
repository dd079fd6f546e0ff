import { and, asc, eq } from 'drizzle-orm';
import { recordAudit } from '../audit/recordAudit';
import type { StaffUser } from '../auth/staffAuth';
import type { Db } from '../db/client';
import { bots, botVersions, deployments } from '../db/schema';
import { DomainError } from '../errors';
import { getVersion } from './botVersions';

export interface DeploymentLiveVersion {
  id: string;
  name: string;
  channel: string;
  botId: string | null;
  botName: string | null;
  versionId: string | null;
  versionNumber: number | null;
}

/** Every deployment of the org with the bot version it serves now. */
export function listLiveVersions(db: Db, orgId: string): DeploymentLiveVersion[] {
  return db
    .select({
      id: deployments.id,
      name: deployments.name,
      channel: deployments.channel,
      botId: deployments.botId,
      botName: bots.name,
      versionId: deployments.botVersionId,
      versionNumber: botVersions.number,
    })
    .from(deployments)
    .leftJoin(bots, eq(bots.id, deployments.botId))
    .leftJoin(botVersions, eq(botVersions.id, deployments.botVersionId))
    .where(eq(deployments.orgId, orgId))
    .orderBy(asc(deployments.name))
    .all();
}

/**
 * Points a deployment at a published version. New conversations get it; sessions already
 * running stay on the version they started with.
 */
export function setLiveVersion(
  db: Db,
  actor: StaffUser,
  input: { deploymentId: string; botId: string; versionId: string },
): DeploymentLiveVersion {
  const deployment = db
    .select({ id: deployments.id, botVersionId: deployments.botVersionId })
    .from(deployments)
    .where(and(eq(deployments.id, input.deploymentId), eq(deployments.orgId, actor.orgId)))
    .get();
  if (!deployment) throw new DomainError('NOT_FOUND', 'No such deployment in your organisation.');
  const version = getVersion(db, actor.orgId, input.botId, input.versionId);
  db.update(deployments)
    .set({ botId: input.botId, botVersionId: version.id, updatedAt: new Date() })
    .where(eq(deployments.id, deployment.id))
    .run();
  recordAudit(db, {
    orgId: actor.orgId,
    actorUserId: actor.id,
    action: 'deployment.live_version_changed',
    targetType: 'deployment',
    targetId: deployment.id,
    details: {
      fromVersionId: deployment.botVersionId,
      botId: input.botId,
      versionId: version.id,
      version: version.number,
    },
  });
  const live = listLiveVersions(db, actor.orgId).find((d) => d.id === deployment.id);
  if (!live) throw new DomainError('NOT_FOUND', 'No such deployment in your organisation.');
  return live;
}
