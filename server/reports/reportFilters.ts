import { z } from 'zod';
import { CHANNELS } from '../db/schema';

/**
 * What a report covers: conversations that started in [from, to), narrowed by the optional
 * filters. The org is never part of the input; it comes from the signed-in staff member.
 */
export const reportFiltersSchema = z
  .object({
    from: z.coerce.date(),
    to: z.coerce.date(),
    deploymentId: z.string().min(1).optional(),
    channel: z.enum(CHANNELS).optional(),
    botVersionId: z.string().min(1).optional(),
    /** Conversations with a work item in this queue; queue-level figures count only its items. */
    queueId: z.string().min(1).optional(),
    /** Conversations this agent last accepted. */
    agentId: z.string().min(1).optional(),
  })
  .refine(({ from, to }) => from.getTime() < to.getTime(), {
    message: 'The start of the range must come before its end.',
    path: ['to'],
  });

export type ReportFilters = z.output<typeof reportFiltersSchema>;
