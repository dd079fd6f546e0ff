import type { z } from 'zod';
import { normaliseHost } from '../../bot-runtime/actions/http/isHostAllowListed';
import { recordAudit } from '../audit/recordAudit';
import type { StaffUser } from '../auth/staffAuth';
import type { Db } from '../db/client';
import type { ActionEndpoints, updateActionEndpointsInput } from './deploymentSchemas';
import { deploymentSettingsOf, saveDeploymentSettings } from './deploymentSettings';

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
  const settings = deploymentSettingsOf(db, actor.orgId, input.id);
  const outboundAllowList = [...new Set(input.outboundAllowList.map(normaliseHost))];
  const actions = {
    ...settings.actions,
    orderStatusUrl: input.orderStatusUrl || undefined,
    passwordResetUrl: input.passwordResetUrl || undefined,
    endpointTokenSecret: input.endpointTokenSecret || undefined,
  };
  saveDeploymentSettings(db, actor.orgId, input.id, { ...settings, actions, outboundAllowList });
  const saved: ActionEndpoints = {
    orderStatusUrl: input.orderStatusUrl,
    passwordResetUrl: input.passwordResetUrl,
    endpointTokenSecret: input.endpointTokenSecret,
    outboundAllowList,
  };
  recordAudit(db, {
    orgId: actor.orgId,
    actorUserId: actor.id,
    action: 'deployment.actions_changed',
    targetType: 'deployment',
    targetId: input.id,
    details: saved,
  });
  return saved;
}
