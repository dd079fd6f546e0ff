import { protectedProcedure, router } from './trpc';

export const meRouter = router({
  get: protectedProcedure.query(({ ctx }) => ctx.user),
});
