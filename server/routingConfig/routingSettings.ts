import { recordAudit } from '../audit/recordAudit';
import type { StaffUser } from '../auth/staffAuth';
import type { Db } from '../db/client';
import { routingSettings } from '../db/schema';
import { loadRoutingSettings, type RoutingSettings } from '../routing/routingSettings';
import { atomically } from '../routing/workItem';
import { type RoutingSettingsInput, routingSettingsInput } from './routingSettingsSchema';
import { validInput } from './validInput';

/** The org's routing switches, the defaults when an admin never saved them. */
export function getRoutingSettings(db: Db, orgId: string): RoutingSettings {
  return loadRoutingSettings(db, orgId);
}

export function updateRoutingSettings(
  db: Db,
  actor: StaffUser,
  input: RoutingSettingsInput,
): RoutingSettings {
  const settings = validInput(routingSettingsInput, input);
  const before = loadRoutingSettings(db, actor.orgId);
  atomically(db, () => {
    const values = { ...settings, updatedAt: new Date() };
    db.insert(routingSettings)
      .values({ orgId: actor.orgId, ...values })
      .onConflictDoUpdate({ target: routingSettings.orgId, set: values })
      .run();
    recordAudit(db, {
      orgId: actor.orgId,
      actorUserId: actor.id,
      action: 'routing_settings.changed',
      targetType: 'routing_settings',
      targetId: actor.orgId,
      details: { from: before, to: settings },
    });
  });
  return loadRoutingSettings(db, actor.orgId);
}
