import { agentTimes } from '../reports/agentTimes';
import { agentUtilisation } from '../reports/agentUtilisation';
import { csat } from '../reports/csat';
import { reportFiltersSchema } from '../reports/reportFilters';
import { reportOptions } from '../reports/reportOptions';
import { botOutcomesReport, volumeReport } from '../reports/reportPanels';
import { waitTimes } from '../reports/waitTimes';
import { router, staffProcedure } from './trpc';

/**
 * The Reports page: one query per panel, so each computes and shows on its own. The org is
 * always the signed-in user's; the filters only narrow it.
 */
export const reportsRouter = router({
  options: staffProcedure.query(({ ctx }) => reportOptions(ctx.db, ctx.user.orgId)),

  volume: staffProcedure
    .input(reportFiltersSchema)
    .query(({ ctx, input }) => volumeReport(ctx.db, ctx.user.orgId, input)),

  botOutcomes: staffProcedure
    .input(reportFiltersSchema)
    .query(({ ctx, input }) => botOutcomesReport(ctx.db, ctx.user.orgId, input)),

  waitTimes: staffProcedure
    .input(reportFiltersSchema)
    .query(({ ctx, input }) => waitTimes(ctx.db, ctx.user.orgId, input)),

  agentTimes: staffProcedure
    .input(reportFiltersSchema)
    .query(({ ctx, input }) => agentTimes(ctx.db, ctx.user.orgId, input)),

  csat: staffProcedure
    .input(reportFiltersSchema)
    .query(({ ctx, input }) => csat(ctx.db, ctx.user.orgId, input)),

  utilisation: staffProcedure
    .input(reportFiltersSchema)
    .query(({ ctx, input }) => agentUtilisation(ctx.db, ctx.user.orgId, input, new Date())),
});
