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
import { roleProcedure, router } from './trpc';

const admin = roleProcedure('admin');

export const staffUsersRouter = router({
  list: admin
    .input(pageInput)
    .query(({ ctx, input }) => listStaffUsers(ctx.db, ctx.user.orgId, input)),
  create: admin
    .input(createStaffUserInput)
    .mutation(({ ctx, input }) => createStaffUser(ctx.db, ctx.user, input)),
  changeRole: admin
    .input(z.object({ userId: z.string(), role: z.enum(STAFF_ROLES) }))
    .mutation(({ ctx, input }) => changeStaffRole(ctx.db, ctx.user, input.userId, input.role)),
  setActive: admin
    .input(z.object({ userId: z.string(), active: z.boolean() }))
    .mutation(({ ctx, input }) => setStaffUserActive(ctx.db, ctx.user, input.userId, input.active)),
});
