import { z } from 'zod';
import { skillLevel } from './skillSchema';

/** An agent's routing profile: how much work at once, what they master, which queues they serve. */
export const agentInput = z.object({
  capacity: z
    .number('Enter the capacity as a number.')
    .int('Capacity is a whole number of units.')
    .min(1, 'Capacity must be at least 1.')
    .max(50, 'Capacity is at most 50.'),
  skills: z
    .array(z.object({ skillId: z.string().min(1), level: skillLevel }))
    .max(100)
    .refine(
      (skills) => new Set(skills.map((skill) => skill.skillId)).size === skills.length,
      'Each skill is listed once.',
    ),
  queueIds: z
    .array(z.string().min(1))
    .max(200)
    .refine((ids) => new Set(ids).size === ids.length, 'Each queue is listed once.'),
});

export type AgentInput = z.infer<typeof agentInput>;
