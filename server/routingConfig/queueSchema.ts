import { z } from 'zod';
import { ROUTING_MODELS, WHEN_NONE_ONLINE } from '../db/enums';
import { isKnownTimeZone } from '../routing/businessHours';
import { skillLevel } from './skillSchema';

export const DAY_NAMES = [
  'Sunday',
  'Monday',
  'Tuesday',
  'Wednesday',
  'Thursday',
  'Friday',
  'Saturday',
] as const;

const clockTime = z.string().regex(/^([01]\d|2[0-3]):[0-5]\d$/, 'Use a time such as 09:00.');

/** A real calendar day as YYYY-MM-DD: 2026-02-30 is refused, not rolled into March. */
function isCalendarDate(value: string): boolean {
  if (!/^\d{4}-\d{2}-\d{2}$/.test(value)) return false;
  const date = new Date(`${value}T00:00:00Z`);
  return !Number.isNaN(date.getTime()) && date.toISOString().slice(0, 10) === value;
}

export const businessHoursInput = z
  .object({
    timeZone: z
      .string()
      .refine(isKnownTimeZone, 'Choose a time zone from the list, such as Europe/Paris.'),
    weekly: z
      .array(
        z
          .object({
            day: z.number().int().min(0).max(6),
            open: clockTime,
            close: clockTime,
          })
          .superRefine((slot, ctx) => {
            if (slot.close <= slot.open) {
              ctx.addIssue({
                code: 'custom',
                path: ['close'],
                message: `${DAY_NAMES[slot.day]}: the closing time must be after the opening time.`,
              });
            }
          }),
      )
      .min(1, 'Add opening hours for at least one day, or turn business hours off.')
      .max(28),
    holidays: z
      .array(
        z.object({
          date: z.string().refine(isCalendarDate, 'Enter a real date such as 2026-12-25.'),
          name: z
            .string()
            .trim()
            .min(1, 'Name the holiday.')
            .max(80, 'A holiday name has at most 80 characters.'),
        }),
      )
      .max(366)
      .superRefine((holidays, ctx) => {
        const seen = new Set<string>();
        holidays.forEach((holiday, index) => {
          if (seen.has(holiday.date)) {
            ctx.addIssue({
              code: 'custom',
              path: [index, 'date'],
              message: `${holiday.date} is listed twice.`,
            });
          }
          seen.add(holiday.date);
        });
      }),
  })
  .nullable();

const skillRequirements = z
  .array(z.object({ skill: z.string().trim().min(1, 'Choose a skill.'), minLevel: skillLevel }))
  .max(20)
  .superRefine((skills, ctx) => {
    const seen = new Set<string>();
    skills.forEach(({ skill }, index) => {
      if (seen.has(skill)) {
        ctx.addIssue({
          code: 'custom',
          path: [index, 'skill'],
          message: `${skill} is listed twice.`,
        });
      }
      seen.add(skill);
    });
  });

const seconds = (what: string, min: number, max: number) =>
  z
    .number(`Enter ${what} in seconds.`)
    .int(`Enter ${what} in whole seconds.`)
    .min(min, `${what[0]?.toUpperCase()}${what.slice(1)} is at least ${min} seconds.`)
    .max(
      max,
      `${what[0]?.toUpperCase()}${what.slice(1)} is at most ${max.toLocaleString('en')} seconds.`,
    );

/** Everything an admin sets on a queue, its members included. */
export const queueInput = z
  .object({
    name: z
      .string()
      .trim()
      .min(1, 'Name the queue.')
      .max(80, 'A queue name has at most 80 characters.'),
    routingModel: z.enum(ROUTING_MODELS),
    offerTimeoutSeconds: seconds('the time to accept an offer', 5, 3600),
    priority: z
      .number('Enter the priority as a number.')
      .int('The priority is a whole number.')
      .min(0, 'The priority is from 0 to 99.')
      .max(99, 'The priority is from 0 to 99.'),
    workItemSize: z
      .number('Enter the size as a number.')
      .int('The size is a whole number of capacity units.')
      .min(1, 'A work item uses at least 1 unit of capacity.')
      .max(50, 'A work item uses at most 50 units of capacity.'),
    overflowQueueId: z.string().min(1).nullable(),
    overflowAfterSeconds: seconds('the wait before overflowing', 1, 7 * 86_400).nullable(),
    requiredSkills: skillRequirements,
    optionalSkills: skillRequirements,
    optionalSkillsWaitSeconds: seconds('the wait for optional skills', 1, 86_400).nullable(),
    businessHours: businessHoursInput,
    autoAccept: z.boolean(),
    whenNoneOnline: z.enum(WHEN_NONE_ONLINE),
    memberIds: z
      .array(z.string().min(1))
      .max(1000)
      .refine((ids) => new Set(ids).size === ids.length, 'Each member is listed once.'),
  })
  .superRefine((queue, ctx) => {
    if (queue.overflowQueueId !== null && queue.overflowAfterSeconds === null) {
      ctx.addIssue({
        code: 'custom',
        path: ['overflowAfterSeconds'],
        message: 'Say after how many seconds work moves to the overflow queue.',
      });
    }
    if (queue.overflowQueueId === null && queue.overflowAfterSeconds !== null) {
      ctx.addIssue({
        code: 'custom',
        path: ['overflowQueueId'],
        message: 'Choose the queue work overflows to, or clear the overflow wait.',
      });
    }
    if (queue.optionalSkills.length > 0 && queue.optionalSkillsWaitSeconds === null) {
      ctx.addIssue({
        code: 'custom',
        path: ['optionalSkillsWaitSeconds'],
        message: 'Say how long work waits for agents with the optional skills.',
      });
    }
    const required = new Set(queue.requiredSkills.map(({ skill }) => skill));
    queue.optionalSkills.forEach(({ skill }, index) => {
      if (required.has(skill)) {
        ctx.addIssue({
          code: 'custom',
          path: ['optionalSkills', index, 'skill'],
          message: `${skill} is already required; an optional skill is one that is dropped after a wait.`,
        });
      }
    });
  });

export type QueueInput = z.infer<typeof queueInput>;

/** A new queue as the editor starts it: the schema's defaults, open at all hours. */
export const NEW_QUEUE: QueueInput = {
  name: '',
  routingModel: 'most_available',
  offerTimeoutSeconds: 30,
  priority: 0,
  workItemSize: 1,
  overflowQueueId: null,
  overflowAfterSeconds: null,
  requiredSkills: [],
  optionalSkills: [],
  optionalSkillsWaitSeconds: null,
  businessHours: null,
  autoAccept: false,
  whenNoneOnline: 'wait',
  memberIds: [],
};
