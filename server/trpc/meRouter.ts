import { router, staffProcedure } from './trpc';

export const meRouter = router({
  get: staffProcedure.query(({ ctx }) => ctx.user),
});
