import { botsRouter } from './botsRouter';
import { deploymentsRouter } from './deploymentsRouter';
import { meRouter } from './meRouter';
import { staffUsersRouter } from './staffUsersRouter';
import { createCallerFactory, router } from './trpc';

export const appRouter = router({
  me: meRouter,
  bots: botsRouter,
  staffUsers: staffUsersRouter,
  deployments: deploymentsRouter,
});

export type AppRouter = typeof appRouter;

export const createCaller = createCallerFactory(appRouter);
