import type { z } from 'zod';
import { normaliseHost } from '../../bot-runtime/actions/http/isHostAllowListed';
import type { StaffUser } from '../auth/staffAuth';
import type { Db } from '../db/client';
import type { ActionEndpoints, updateActionEndpointsInput } from './deploymentSchemas';
import { changeDeploymentSettings, deploymentSettingsOf } from './deploymentSettings';

/** The endpoints the built-in actions of a deployment in the admin's org call. */
export function getActionEndpoints(db: Db, orgId: string, id: string): ActionEndpoints {
  const { actions, outboundAllowList } = deploymentSettingsOf(db, orgId, id);
  return {
    orderStatusUrl: actions.orderStatusUrl ?? '',
    passwordResetUrl: actions.passwordResetUrl ?? '',
    endpointTokenSecret: actions.endpointTokenSecret ?? '',
    outboundAllowList,
  };
}

/** Replaces the endpoints; the rest of the settings, such as the knowledge base, stay. */
export function updateActionEndpoints(
  db: Db,
  actor: StaffUser,
  input: z.infer<typeof updateActionEndpointsInput>,
): ActionEndpoints {
  const saved: ActionEndpoints = {
    orderStatusUrl: input.orderStatusUrl,
    passwordResetUrl: input.passwordResetUrl,
    endpointTokenSecret: input.endpointTokenSecret,
    outboundAllowList: [...new Set(input.outboundAllowList.map(normaliseHost))],
  };
  changeDeploymentSettings(db, actor, input.id, 'deployment.actions_changed', (settings) => ({
    settings: {
      ...settings,
      outboundAllowList: saved.outboundAllowList,
      actions: {
        ...settings.actions,
        orderStatusUrl: saved.orderStatusUrl || undefined,
        passwordResetUrl: saved.passwordResetUrl || undefined,
        endpointTokenSecret: saved.endpointTokenSecret || undefined,
      },
    },
    details: saved,
  }));
  return saved;
}
