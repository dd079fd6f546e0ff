import { z } from 'zod';

/** What an admin enters for a skill; shared by the admin pages and the server. */
export const skillInput = z.object({
  name: z
    .string()
    .trim()
    .min(1, 'Name the skill.')
    .max(60, 'A skill name has at most 60 characters.'),
});

export type SkillInput = z.infer<typeof skillInput>;

/** How well an agent masters a skill, or how well a queue needs it mastered. */
export const skillLevel = z
  .number('A level is a number from 1 to 10.')
  .int('A level is a whole number from 1 to 10.')
  .min(1, 'A level is from 1 to 10.')
  .max(10, 'A level is from 1 to 10.');
