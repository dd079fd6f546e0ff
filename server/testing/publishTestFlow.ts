import { eq } from 'drizzle-orm';
import { buildFlow, type FlowSketch } from '../../bot-runtime/engine/testing/buildFlow';
import { publishBotVersion } from '../bots/publishBotVersion';
import type { Db } from '../db/client';
import { deployments } from '../db/schema';

/** Publishes a sketched flow on a deployment's bot and makes it the version new sessions run. */
export function publishTestFlow(db: Db, deploymentPublicId: string, sketch: FlowSketch) {
  const deployment = db
    .select()
    .from(deployments)
    .where(eq(deployments.publicId, deploymentPublicId))
    .get();
  if (!deployment?.botId) throw new Error(`Deployment ${deploymentPublicId} has no bot`);
  const version = publishBotVersion(db, {
    orgId: deployment.orgId,
    botId: deployment.botId,
    document: buildFlow(sketch),
    authorId: null,
    note: 'test flow',
  });
  db.update(deployments)
    .set({ botVersionId: version.id })
    .where(eq(deployments.id, deployment.id))
    .run();
  return version;
}
