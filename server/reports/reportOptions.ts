import { and, asc, desc, eq, exists, inArray, or } from 'drizzle-orm';
import { AREA_ROLES } from '../auth/roles';
import type { Db } from '../db/client';
import {
  agentStates,
  bots,
  botVersions,
  CHANNELS,
  type Channel,
  deployments,
  presenceStatuses,
  queues,
  staffUsers,
} from '../db/schema';
import { orgTimeZone } from './orgTimeZone';

export interface ReportOption {
  id: string;
  name: string;
}

export interface ReportOptions {
  /** The zone the org's days and weeks are counted in (`orgs.time_zone`). */
  timeZone: string;
  deployments: (ReportOption & { channel: Channel })[];
  channels: Channel[];
  /** Published versions, newest first within each bot: "Customer support v3". */
  botVersions: ReportOption[];
  queues: ReportOption[];
  /**
   * Staff who take conversations: console roles and anyone with an agent state (a role changed
   * later), inactive ones too, since history names them.
   */
  agents: ReportOption[];
  /** The org's own presence statuses, to name the utilisation table's columns. */
  presenceStatuses: ReportOption[];
}

/** What the Reports page's filters offer, and the names its tables show for ids: one org's. */
export function reportOptions(db: Db, orgId: string): ReportOptions {
  const versions = db
    .select({ id: botVersions.id, botName: bots.name, number: botVersions.number })
    .from(botVersions)
    .innerJoin(bots, eq(bots.id, botVersions.botId))
    .where(eq(botVersions.orgId, orgId))
    .orderBy(asc(bots.name), desc(botVersions.number))
    .all();
  return {
    timeZone: orgTimeZone(db, orgId),
    deployments: db
      .select({ id: deployments.id, name: deployments.name, channel: deployments.channel })
      .from(deployments)
      .where(eq(deployments.orgId, orgId))
      .orderBy(asc(deployments.name))
      .all(),
    channels: [...CHANNELS],
    botVersions: versions.map(({ id, botName, number }) => ({ id, name: `${botName} v${number}` })),
    queues: db
      .select({ id: queues.id, name: queues.name })
      .from(queues)
      .where(eq(queues.orgId, orgId))
      .orderBy(asc(queues.name))
      .all(),
    agents: db
      .select({ id: staffUsers.id, name: staffUsers.name })
      .from(staffUsers)
      .where(
        and(
          eq(staffUsers.orgId, orgId),
          or(
            inArray(staffUsers.role, [...AREA_ROLES.console]),
            exists(
              db
                .select({ one: agentStates.userId })
                .from(agentStates)
                .where(eq(agentStates.userId, staffUsers.id)),
            ),
          ),
        ),
      )
      .orderBy(asc(staffUsers.name))
      .all(),
    presenceStatuses: db
      .select({ id: presenceStatuses.id, name: presenceStatuses.name })
      .from(presenceStatuses)
      .where(eq(presenceStatuses.orgId, orgId))
      .orderBy(asc(presenceStatuses.name))
      .all(),
  };
}
