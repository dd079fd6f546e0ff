import { z } from 'zod';
import { getActionEndpoints, updateActionEndpoints } from '../deployments/actionEndpoints';
import {
  createDeployment,
  getDeployment,
  listDeployments,
  rotateDeploymentApiKey,
  updateAllowedOrigins,
  updateIdentityVerification,
} from '../deployments/deploymentCatalog';
import {
  createDeploymentInput,
  updateActionEndpointsInput,
  updateAllowedOriginsInput,
  updateIdentityInput,
  updateKnowledgeBaseInput,
  updatePrechatFieldsInput,
} from '../deployments/deploymentSchemas';
import {
  deleteDeploymentSecretInput,
  deploymentSecretsInput,
  setDeploymentSecretInput,
} from '../deployments/deploymentSecretSchemas';
import {
  deleteDeploymentSecret,
  listDeploymentSecrets,
  setDeploymentSecret,
} from '../deployments/deploymentSecrets';
import { getKnowledgeBase, updateKnowledgeBase } from '../deployments/knowledgeBase';
import { getPrechatFields, updatePrechatFields } from '../deployments/prechatFields';
import { deriveSecretsKey } from '../deployments/secretCipher';
import { getEnv } from '../env';
import { pageInput } from '../pagination';
import { ensurePushSettings } from '../push/pushSettings';
import { router, staffProcedure } from './trpc';

// The same session secret the process started with, so the bot runtime decrypts what is set here.
const secretsKey = () => deriveSecretsKey(getEnv().nextAuthSecret);

export const deploymentsRouter = router({
  list: staffProcedure
    .input(pageInput)
    .query(({ ctx, input }) => listDeployments(ctx.db, ctx.user.orgId, input)),
  byId: staffProcedure
    .input(z.object({ id: z.string() }))
    .query(({ ctx, input }) => getDeployment(ctx.db, ctx.user.orgId, input.id)),
  create: staffProcedure.input(createDeploymentInput).mutation(({ ctx, input }) => {
    const created = createDeployment(ctx.db, ctx.user, input);
    ensurePushSettings(ctx.db, secretsKey(), created.deployment.id);
    return created;
  }),
  rotateApiKey: staffProcedure
    .input(z.object({ id: z.string() }))
    .mutation(({ ctx, input }) => rotateDeploymentApiKey(ctx.db, ctx.user, input.id)),
  updateAllowedOrigins: staffProcedure
    .input(updateAllowedOriginsInput)
    .mutation(({ ctx, input }) => updateAllowedOrigins(ctx.db, ctx.user, input)),
  updateIdentity: staffProcedure
    .input(updateIdentityInput)
    .mutation(({ ctx, input }) => updateIdentityVerification(ctx.db, ctx.user, input)),
  prechatFields: staffProcedure
    .input(z.object({ id: z.string() }))
    .query(({ ctx, input }) => getPrechatFields(ctx.db, ctx.user.orgId, input.id)),
  updatePrechatFields: staffProcedure
    .input(updatePrechatFieldsInput)
    .mutation(({ ctx, input }) => updatePrechatFields(ctx.db, ctx.user, input)),
  actionEndpoints: staffProcedure
    .input(z.object({ id: z.string() }))
    .query(({ ctx, input }) => getActionEndpoints(ctx.db, ctx.user.orgId, input.id)),
  updateActionEndpoints: staffProcedure
    .input(updateActionEndpointsInput)
    .mutation(({ ctx, input }) => updateActionEndpoints(ctx.db, ctx.user, input)),
  knowledgeBase: staffProcedure
    .input(z.object({ id: z.string() }))
    .query(({ ctx, input }) => getKnowledgeBase(ctx.db, ctx.user.orgId, input.id)),
  updateKnowledgeBase: staffProcedure
    .input(updateKnowledgeBaseInput)
    .mutation(({ ctx, input }) => updateKnowledgeBase(ctx.db, ctx.user, input)),
  secrets: staffProcedure
    .input(deploymentSecretsInput)
    .query(({ ctx, input }) => listDeploymentSecrets(ctx.db, ctx.user.orgId, input.id)),
  setSecret: staffProcedure
    .input(setDeploymentSecretInput)
    .mutation(({ ctx, input }) => setDeploymentSecret(ctx.db, secretsKey(), ctx.user, input)),
  deleteSecret: staffProcedure
    .input(deleteDeploymentSecretInput)
    .mutation(({ ctx, input }) => deleteDeploymentSecret(ctx.db, ctx.user, input)),
});
