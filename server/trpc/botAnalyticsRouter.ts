import { z } from 'zod';
import { addDays, DAY_MS, localDate } from '../bots/orgDays';
import type { Db } from '../db/client';
import { getEnv } from '../env';
import {
  botConversationTranscript,
  botFlowNodeConversations,
  botFlowOverlay,
  OVERLAY_MAX_DAYS,
} from '../reports/botFlowOverlay';
import { orgTimeZone } from '../reports/orgTimeZone';
import { router, staffProcedure } from './trpc';

const id = z.string().min(1).max(100);
const day = z.string().regex(/^\d{4}-\d{2}-\d{2}$/, 'a date written YYYY-MM-DD');

/** Either the last N days up to today in the org's time zone, or two dates. */
const rangeInput = z.union([
  z.object({ lastDays: z.number().int().min(1).max(OVERLAY_MAX_DAYS) }).strict(),
  z.object({ from: day, to: day }).strict(),
]);

const overlayInput = z.object({ botVersionId: id, range: rangeInput });

const nodeConversationsInput = overlayInput.extend({
  nodeId: z.string().min(1).max(200),
  cursor: z.string().max(200).nullish(),
  limit: z.number().int().min(1).max(100).default(20),
});

function resolveRange(db: Db, orgId: string, range: z.infer<typeof rangeInput>) {
  if ('from' in range) return range;
  const to = localDate(new Date(), orgTimeZone(db, orgId));
  return { from: addDays(to, 1 - range.lastDays), to };
}

/**
 * The studio's analytics over published versions (the canvas overlay): for designers and
 * admins, who need no access to the Reports area for it.
 */
export const botAnalyticsRouter = router({
  overlay: staffProcedure.input(overlayInput).query(({ ctx, input }) =>
    botFlowOverlay(ctx.db, ctx.user.orgId, {
      botVersionId: input.botVersionId,
      ...resolveRange(ctx.db, ctx.user.orgId, input.range),
    }),
  ),
  nodeConversations: staffProcedure.input(nodeConversationsInput).query(({ ctx, input }) => {
    const range = resolveRange(ctx.db, ctx.user.orgId, input.range);
    const page = botFlowNodeConversations(
      ctx.db,
      ctx.user.orgId,
      { ...input, ...range },
      Date.now() - getEnv().traceRetentionDays * DAY_MS,
    );
    return { ...page, retentionDays: getEnv().traceRetentionDays };
  }),
  transcript: staffProcedure
    .input(z.object({ sessionId: id }))
    .query(({ ctx, input }) => botConversationTranscript(ctx.db, ctx.user.orgId, input.sessionId)),
});
