import {
  ignoreMisunderstood,
  listMisunderstoodGroups,
  markMisunderstoodAdded,
  openMisunderstoodCounts,
  reopenMisunderstood,
} from '../bots/misunderstood';
import {
  markMisunderstoodAddedInput,
  misunderstoodActionInput,
  misunderstoodGroupsInput,
} from '../bots/misunderstoodSchemas';
import { router, staffProcedure } from './trpc';

/** The misunderstood inbox: customer messages a bot did not understand, for its designers. */
export const misunderstoodRouter = router({
  groups: staffProcedure
    .input(misunderstoodGroupsInput)
    .query(({ ctx, input }) => listMisunderstoodGroups(ctx.db, ctx.user.orgId, input.botId, input)),
  openCounts: staffProcedure.query(({ ctx }) => openMisunderstoodCounts(ctx.db, ctx.user.orgId)),
  markAdded: staffProcedure
    .input(markMisunderstoodAddedInput)
    .mutation(({ ctx, input }) => markMisunderstoodAdded(ctx.db, ctx.user, input)),
  ignore: staffProcedure
    .input(misunderstoodActionInput)
    .mutation(({ ctx, input }) => ignoreMisunderstood(ctx.db, ctx.user, input)),
  reopen: staffProcedure
    .input(misunderstoodActionInput)
    .mutation(({ ctx, input }) => reopenMisunderstood(ctx.db, ctx.user, input)),
});
