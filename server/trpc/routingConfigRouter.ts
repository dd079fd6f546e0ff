import { z } from 'zod';
import { pageInput } from '../pagination';
import { agentInput } from '../routingConfig/agentSchema';
import { agentOptions, listAgents, updateAgent } from '../routingConfig/agents';
import {
  createPresenceStatus,
  deletePresenceStatus,
  listPresenceStatuses,
  updatePresenceStatus,
} from '../routingConfig/presenceStatuses';
import { presenceStatusInput } from '../routingConfig/presenceStatusSchema';
import { queueInput } from '../routingConfig/queueSchema';
import {
  createQueue,
  deleteQueue,
  getQueue,
  listQueues,
  queueOptions,
  updateQueue,
} from '../routingConfig/queues';
import { quickTextInput } from '../routingConfig/quickTextSchema';
import {
  createQuickText,
  deleteQuickText,
  listQuickTexts,
  updateQuickText,
} from '../routingConfig/quickTexts';
import { getRoutingSettings, updateRoutingSettings } from '../routingConfig/routingSettings';
import { routingSettingsInput } from '../routingConfig/routingSettingsSchema';
import { skillInput } from '../routingConfig/skillSchema';
import {
  createSkill,
  deleteSkill,
  listSkills,
  renameSkill,
  skillOptions,
} from '../routingConfig/skills';
import { router, staffProcedure } from './trpc';

const byId = z.object({ id: z.string() });

const skillsRouter = router({
  list: staffProcedure
    .input(pageInput)
    .query(({ ctx, input }) => listSkills(ctx.db, ctx.user.orgId, input)),
  options: staffProcedure.query(({ ctx }) => skillOptions(ctx.db, ctx.user.orgId)),
  create: staffProcedure
    .input(skillInput)
    .mutation(({ ctx, input }) => createSkill(ctx.db, ctx.user, input)),
  rename: staffProcedure
    .input(skillInput.extend({ id: z.string() }))
    .mutation(({ ctx, input: { id, ...skill } }) => renameSkill(ctx.db, ctx.user, id, skill)),
  delete: staffProcedure
    .input(byId)
    .mutation(({ ctx, input }) => deleteSkill(ctx.db, ctx.user, input.id)),
});

const queuesRouter = router({
  list: staffProcedure
    .input(pageInput)
    .query(({ ctx, input }) => listQueues(ctx.db, ctx.user.orgId, input)),
  options: staffProcedure.query(({ ctx }) => queueOptions(ctx.db, ctx.user.orgId)),
  byId: staffProcedure
    .input(byId)
    .query(({ ctx, input }) => getQueue(ctx.db, ctx.user.orgId, input.id)),
  create: staffProcedure
    .input(queueInput)
    .mutation(({ ctx, input }) => createQueue(ctx.db, ctx.user, input)),
  update: staffProcedure
    .input(z.object({ id: z.string(), queue: queueInput }))
    .mutation(({ ctx, input }) => updateQueue(ctx.db, ctx.user, input.id, input.queue)),
  delete: staffProcedure
    .input(byId)
    .mutation(({ ctx, input }) => deleteQueue(ctx.db, ctx.user, input.id)),
});

const agentsRouter = router({
  list: staffProcedure
    .input(pageInput)
    .query(({ ctx, input }) => listAgents(ctx.db, ctx.user.orgId, input)),
  options: staffProcedure.query(({ ctx }) => agentOptions(ctx.db, ctx.user.orgId)),
  update: staffProcedure
    .input(z.object({ userId: z.string(), agent: agentInput }))
    .mutation(({ ctx, input }) => updateAgent(ctx.db, ctx.user, input.userId, input.agent)),
});

const presenceStatusesRouter = router({
  list: staffProcedure.query(({ ctx }) => listPresenceStatuses(ctx.db, ctx.user.orgId)),
  create: staffProcedure
    .input(presenceStatusInput)
    .mutation(({ ctx, input }) => createPresenceStatus(ctx.db, ctx.user, input)),
  update: staffProcedure
    .input(presenceStatusInput.extend({ id: z.string() }))
    .mutation(({ ctx, input: { id, ...status } }) =>
      updatePresenceStatus(ctx.db, ctx.user, id, status),
    ),
  delete: staffProcedure
    .input(byId)
    .mutation(({ ctx, input }) => deletePresenceStatus(ctx.db, ctx.user, input.id)),
});

const quickTextsRouter = router({
  list: staffProcedure
    .input(pageInput)
    .query(({ ctx, input }) => listQuickTexts(ctx.db, ctx.user.orgId, input)),
  create: staffProcedure
    .input(quickTextInput)
    .mutation(({ ctx, input }) => createQuickText(ctx.db, ctx.user, input)),
  update: staffProcedure
    .input(quickTextInput.extend({ id: z.string() }))
    .mutation(({ ctx, input: { id, ...text } }) => updateQuickText(ctx.db, ctx.user, id, text)),
  delete: staffProcedure
    .input(byId)
    .mutation(({ ctx, input }) => deleteQuickText(ctx.db, ctx.user, input.id)),
});

const settingsRouter = router({
  get: staffProcedure.query(({ ctx }) => getRoutingSettings(ctx.db, ctx.user.orgId)),
  update: staffProcedure
    .input(routingSettingsInput)
    .mutation(({ ctx, input }) => updateRoutingSettings(ctx.db, ctx.user, input)),
});

/** Admin → Routing: what routing reads, configured per org. Presence itself is set elsewhere. */
export const routingConfigRouter = router({
  skills: skillsRouter,
  queues: queuesRouter,
  agents: agentsRouter,
  presenceStatuses: presenceStatusesRouter,
  quickTexts: quickTextsRouter,
  settings: settingsRouter,
});
