import { deriveSecretsKey } from '../deployments/secretCipher';
import { getEnv } from '../env';
import { listPushDeliveries } from '../push/pushDeliveryLog';
import {
  clearPushCredentialsInput,
  pushDeliveriesInput,
  pushSettingsInput,
  setApnsCredentialsInput,
  setFcmCredentialsInput,
  updatePushSettingsInput,
} from '../push/pushSettingSchemas';
import {
  clearApnsCredentials,
  clearFcmCredentials,
  getPushSettings,
  setApnsCredentials,
  setFcmCredentials,
  updatePushSettings,
} from '../push/pushSettings';
import { router, staffProcedure } from './trpc';

// The session secret the process started with, so the push worker opens what is sealed here.
const secretsKey = () => deriveSecretsKey(getEnv().nextAuthSecret);

/** A deployment's notification settings and provider credentials, and the org's deliveries. */
export const pushRouter = router({
  settings: staffProcedure
    .input(pushSettingsInput)
    .query(({ ctx, input }) =>
      getPushSettings(ctx.db, secretsKey(), ctx.user.orgId, input.deploymentId),
    ),
  updateSettings: staffProcedure
    .input(updatePushSettingsInput)
    .mutation(({ ctx, input }) => updatePushSettings(ctx.db, secretsKey(), ctx.user, input)),
  setApns: staffProcedure
    .input(setApnsCredentialsInput)
    .mutation(({ ctx, input }) => setApnsCredentials(ctx.db, secretsKey(), ctx.user, input)),
  clearApns: staffProcedure
    .input(clearPushCredentialsInput)
    .mutation(({ ctx, input }) =>
      clearApnsCredentials(ctx.db, secretsKey(), ctx.user, input.deploymentId),
    ),
  setFcm: staffProcedure
    .input(setFcmCredentialsInput)
    .mutation(({ ctx, input }) => setFcmCredentials(ctx.db, secretsKey(), ctx.user, input)),
  clearFcm: staffProcedure
    .input(clearPushCredentialsInput)
    .mutation(({ ctx, input }) =>
      clearFcmCredentials(ctx.db, secretsKey(), ctx.user, input.deploymentId),
    ),
  deliveries: staffProcedure
    .input(pushDeliveriesInput)
    .query(({ ctx, input }) => listPushDeliveries(ctx.db, ctx.user.orgId, input)),
});
