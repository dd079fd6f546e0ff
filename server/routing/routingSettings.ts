import { eq } from 'drizzle-orm';
import type { Db } from '../db/client';
import { routingSettings } from '../db/schema';

export interface RoutingSettings {
  autoAwayAfterMissedOffers: number | null;
  rerouteOnOffline: boolean;
  noReplyReassignSeconds: number | null;
}

export const DEFAULT_ROUTING_SETTINGS: RoutingSettings = {
  autoAwayAfterMissedOffers: null,
  rerouteOnOffline: true,
  noReplyReassignSeconds: null,
};

export function loadRoutingSettings(db: Db, orgId: string): RoutingSettings {
  const row = db.select().from(routingSettings).where(eq(routingSettings.orgId, orgId)).get();
  return row
    ? {
        autoAwayAfterMissedOffers: row.autoAwayAfterMissedOffers,
        rerouteOnOffline: row.rerouteOnOffline,
        noReplyReassignSeconds: row.noReplyReassignSeconds,
      }
    : DEFAULT_ROUTING_SETTINGS;
}
