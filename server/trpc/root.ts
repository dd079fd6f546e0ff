import { botAnalyticsRouter } from './botAnalyticsRouter';
import { botsRouter } from './botsRouter';
import { consoleRouter } from './consoleRouter';
import { deploymentsRouter } from './deploymentsRouter';
import { meRouter } from './meRouter';
import { misunderstoodRouter } from './misunderstoodRouter';
import { pushRouter } from './pushRouter';
import { reportsRouter } from './reportsRouter';
import { routingConfigRouter } from './routingConfigRouter';
import { staffUsersRouter } from './staffUsersRouter';
import { supervisorRouter } from './supervisorRouter';
import { createCallerFactory, router } from './trpc';

export const appRouter = router({
  me: meRouter,
  bots: botsRouter,
  misunderstood: misunderstoodRouter,
  botAnalytics: botAnalyticsRouter,
  staffUsers: staffUsersRouter,
  deployments: deploymentsRouter,
  push: pushRouter,
  console: consoleRouter,
  supervisor: supervisorRouter,
  routingConfig: routingConfigRouter,
  reports: reportsRouter,
});

export type AppRouter = typeof appRouter;

export const createCaller = createCallerFactory(appRouter);
