import { z } from 'zod';
import { STAFF_ROLES } from '../db/schema';
import { pageInput } from '../pagination';
import {
  changeStaffRole,
  createStaffUser,
  createStaffUserInput,
  listStaffUsers,
  setStaffUserActive,
} from '../staff/staffUsers';
import { router, staffProcedure } from './trpc';

export const staffUsersRouter = router({
  list: staffProcedure
    .input(pageInput)
    .query(({ ctx, input }) => listStaffUsers(ctx.db, ctx.user.orgId, input)),
  create: staffProcedure
    .input(createStaffUserInput)
    .mutation(({ ctx, input }) => createStaffUser(ctx.db, ctx.user, input)),
  changeRole: staffProcedure
    .input(z.object({ userId: z.string(), role: z.enum(STAFF_ROLES) }))
    .mutation(({ ctx, input }) => changeStaffRole(ctx.db, ctx.user, input.userId, input.role)),
  setActive: staffProcedure
    .input(z.object({ userId: z.string(), active: z.boolean() }))
    .mutation(({ ctx, input }) => setStaffUserActive(ctx.db, ctx.user, input.userId, input.active)),
});
