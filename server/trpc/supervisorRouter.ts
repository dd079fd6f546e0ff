import { z } from 'zod';
import { supervisorOverview, workItemDecisions } from '../console/supervisorOverview';
import { presenceChoiceSchema, servicesOf } from './consoleRouter';
import { router, staffProcedure } from './trpc';

const id = z.string().min(1).max(100);

/** The supervisor's view: queues and agents live, the decision log, presence and reassignment. */
export const supervisorRouter = router({
  overview: staffProcedure.query(({ ctx }) =>
    supervisorOverview(ctx.db, ctx.user.orgId, new Date()),
  ),

  decisions: staffProcedure
    .input(z.object({ workItemId: id }))
    .query(({ ctx, input }) => workItemDecisions(ctx.db, ctx.user.orgId, input.workItemId)),

  setAgentPresence: staffProcedure
    .input(z.object({ agentId: id, choice: presenceChoiceSchema }))
    .mutation(({ ctx, input }) => {
      servicesOf(ctx).router.setPresence(ctx.user.orgId, input.agentId, input.choice, ctx.user.id);
    }),

  reassign: staffProcedure
    .input(
      z.object({
        workItemId: id,
        to: z.union([z.object({ agentId: id }), z.object({ queueId: id })]),
      }),
    )
    .mutation(({ ctx, input }) => {
      const { router: routing } = servicesOf(ctx);
      if ('agentId' in input.to) {
        routing.transferToAgent(ctx.user.orgId, input.workItemId, input.to.agentId, ctx.user.id);
      } else {
        routing.transferToQueue(ctx.user.orgId, input.workItemId, input.to.queueId, ctx.user.id);
      }
    }),
});
