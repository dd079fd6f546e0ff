import type { Db } from '../db/client';
import { deflection, escalations } from './botOutcomes';
import { conversationsBy, conversationsByPeriod } from './conversationVolume';
import { orgTimeZone } from './orgTimeZone';
import type { ReportFilters } from './reportFilters';

/**
 * The figures of the Reports page's panels that combine several metric queries. Each panel
 * loads on its own, so a slow one never holds up the others.
 */

/** Conversations in the report: the total, per local day and week, and per breakdown. */
export function volumeReport(db: Db, orgId: string, filters: ReportFilters) {
  const days = conversationsByPeriod(db, orgId, filters, 'day');
  return {
    /** The zone `days` and `weeks` are local to. */
    timeZone: orgTimeZone(db, orgId),
    total: days.reduce((sum, day) => sum + day.conversations, 0),
    days,
    weeks: conversationsByPeriod(db, orgId, filters, 'week'),
    byDeployment: conversationsBy(db, orgId, filters, 'deployment'),
    byChannel: conversationsBy(db, orgId, filters, 'channel'),
    byBotVersion: conversationsBy(db, orgId, filters, 'botVersion'),
  };
}

/** How conversations left the bot: contained, abandoned in it, or escalated (and why). */
export function botOutcomesReport(db: Db, orgId: string, filters: ReportFilters) {
  return {
    deflection: deflection(db, orgId, filters),
    escalations: escalations(db, orgId, filters),
  };
}
