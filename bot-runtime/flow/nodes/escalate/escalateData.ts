import { z } from 'zod';
import { identifierSchema } from '../../identifier';

export const escalateDataSchema = z.object({
  queue: z.string().min(1),
  skills: z
    .array(
      z.object({ skill: z.string().min(1), level: z.number().int().min(1).max(10).default(1) }),
    )
    .default([]),
  /** 1 is the most urgent. */
  priority: z.number().int().min(1).max(5).default(3),
  handoffMessage: z.string().default('Let me connect you with someone from our team.'),
  /** Variables the agent sees beside the transcript. */
  variables: z.array(identifierSchema).default([]),
  /** A template written for the agent: `Order {{orderNumber}}: customer asks for a refund`. */
  summary: z.string().default(''),
});
export type EscalateData = z.output<typeof escalateDataSchema>;
