import { TRPCError } from '@trpc/server';
import { z } from 'zod';
import { agentWorkspace } from '../console/agentWorkspace';
import { consoleEvents } from '../console/consoleEvents';
import type { ConsoleServices } from '../console/consoleServices';
import { earlierEntries, staffConversationView } from '../console/staffConversationView';
import { supervisorOverview } from '../console/supervisorOverview';
import { PRESENCE_STATUSES } from '../db/schema';
import { listQuickTexts } from '../routingConfig/quickTexts';
import { router, staffProcedure, type TrpcContext } from './trpc';

export const MESSAGE_MAX_LENGTH = 4_000;
/** Quick texts the composer's picker lists for one search. */
const QUICK_TEXT_RESULTS = 20;

/** The running process's console services; a context without them is a wiring fault. */
export function servicesOf(ctx: TrpcContext): ConsoleServices {
  if (!ctx.consoleServices) {
    throw new TRPCError({ code: 'INTERNAL_SERVER_ERROR', message: 'Console services missing.' });
  }
  return ctx.consoleServices();
}

const id = z.string().min(1).max(100);
export const presenceChoiceSchema = z.union([
  z.object({ presence: z.enum(PRESENCE_STATUSES) }),
  z.object({ statusId: id }),
]);

/**
 * The agent console: the signed-in agent's own presence, offers and conversations. Every
 * procedure acts as the signed-in user; a supervisor acting on others uses `supervisor.*`.
 */
export const consoleRouter = router({
  workspace: staffProcedure.query(({ ctx }) => agentWorkspace(ctx.db, ctx.user.orgId, ctx.user.id)),

  conversation: staffProcedure
    .input(z.object({ sessionId: id }))
    .query(({ ctx, input }) =>
      staffConversationView(
        ctx.db,
        { id: ctx.user.id, orgId: ctx.user.orgId, seesAll: ctx.user.role !== 'agent' },
        input.sessionId,
      ),
    ),

  earlierEntries: staffProcedure
    .input(z.object({ sessionId: id, beforeSeq: z.number().int().min(1) }))
    .query(({ ctx, input }) =>
      earlierEntries(
        ctx.db,
        { id: ctx.user.id, orgId: ctx.user.orgId, seesAll: ctx.user.role !== 'agent' },
        input.sessionId,
        input.beforeSeq,
      ),
    ),

  setPresence: staffProcedure.input(presenceChoiceSchema).mutation(({ ctx, input }) => {
    servicesOf(ctx).router.setPresence(ctx.user.orgId, ctx.user.id, input, ctx.user.id);
  }),

  accept: staffProcedure.input(z.object({ workItemId: id })).mutation(({ ctx, input }) => {
    const item = servicesOf(ctx).router.accept(ctx.user.orgId, input.workItemId, ctx.user.id);
    return { sessionId: item.sessionId };
  }),

  decline: staffProcedure
    .input(z.object({ workItemId: id, reason: z.string().max(500).default('') }))
    .mutation(({ ctx, input }) => {
      servicesOf(ctx).router.decline(ctx.user.orgId, input.workItemId, ctx.user.id, input.reason);
    }),

  send: staffProcedure
    .input(
      z.object({
        sessionId: id,
        text: z.string().trim().min(1, 'Write a message first.').max(MESSAGE_MAX_LENGTH),
        clientMessageId: z.string().min(1).max(100),
      }),
    )
    .mutation(({ ctx, input }) =>
      servicesOf(ctx).conversations.reply(ctx.user, input.sessionId, {
        text: input.text,
        clientMessageId: input.clientMessageId,
      }),
    ),

  addNote: staffProcedure
    .input(z.object({ sessionId: id, body: z.string().max(10_000) }))
    .mutation(({ ctx, input }) =>
      servicesOf(ctx).conversations.addNote(ctx.user, input.sessionId, input.body),
    ),

  typing: staffProcedure
    .input(z.object({ sessionId: id, isTyping: z.boolean() }))
    .mutation(({ ctx, input }) => {
      servicesOf(ctx).conversations.typing(ctx.user, input.sessionId, input.isTyping);
    }),

  markRead: staffProcedure
    .input(z.object({ sessionId: id, upToSeq: z.number().int().min(0) }))
    .mutation(({ ctx, input }) =>
      servicesOf(ctx).conversations.markRead(ctx.user, input.sessionId, input.upToSeq),
    ),

  end: staffProcedure.input(z.object({ sessionId: id })).mutation(async ({ ctx, input }) => {
    await servicesOf(ctx).conversations.end(ctx.user, input.sessionId);
  }),

  returnToBot: staffProcedure
    .input(z.object({ sessionId: id }))
    .mutation(async ({ ctx, input }) => {
      await servicesOf(ctx).conversations.returnToBot(ctx.user, input.sessionId);
    }),

  transfer: staffProcedure
    .input(
      z.object({
        workItemId: id,
        to: z.union([z.object({ agentId: id }), z.object({ queueId: id })]),
      }),
    )
    .mutation(({ ctx, input }) => {
      const { router: routing } = servicesOf(ctx);
      const held = agentWorkspace(ctx.db, ctx.user.orgId, ctx.user.id).conversations.some(
        (item) => item.workItemId === input.workItemId,
      );
      if (!held) {
        throw new TRPCError({
          code: 'FORBIDDEN',
          message: 'Only the agent holding it can transfer it.',
        });
      }
      if ('agentId' in input.to) {
        routing.transferToAgent(ctx.user.orgId, input.workItemId, input.to.agentId, ctx.user.id);
      } else {
        routing.transferToQueue(ctx.user.orgId, input.workItemId, input.to.queueId, ctx.user.id);
      }
    }),

  transferTargets: staffProcedure.query(({ ctx }) => {
    const overview = supervisorOverview(ctx.db, ctx.user.orgId, new Date());
    return {
      agents: overview.agents
        .filter((agent) => agent.id !== ctx.user.id)
        .map(({ id: agentId, name, presence, statusName, capacity, load }) => ({
          id: agentId,
          name,
          presence,
          statusName,
          free: Math.max(0, capacity - load),
        })),
      queues: overview.queues.map(({ id: queueId, name, waiting, agentsOnline }) => ({
        id: queueId,
        name,
        waiting,
        agentsOnline,
      })),
    };
  }),

  quickTexts: staffProcedure.input(z.object({ search: z.string().max(200).default('') })).query(
    ({ ctx, input }) =>
      listQuickTexts(ctx.db, ctx.user.orgId, {
        search: input.search,
        page: 1,
        pageSize: QUICK_TEXT_RESULTS,
      }).items,
  ),

  events: staffProcedure.subscription(async function* ({ ctx, signal }) {
    const services = servicesOf(ctx);
    yield* consoleEvents(services, ctx.user, signal);
  }),
});
