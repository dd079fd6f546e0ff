import { z } from 'zod';
import { conditionSchema } from '../../conditions/conditionSchema';
import { identifierSchema } from '../../identifier';
import { jsonValueSchema } from '../../json';

export const assignmentSchema = z.discriminatedUnion('from', [
  /** `{{firstName}} {{lastName}}`; a lone placeholder keeps the variable's type. */
  z.object({ variable: identifierSchema, from: z.literal('template'), template: z.string() }),
  /** true or false, from rules over other variables. */
  z.object({ variable: identifierSchema, from: z.literal('rule'), rule: conditionSchema }),
  z.object({ variable: identifierSchema, from: z.literal('value'), value: jsonValueSchema }),
]);
export type Assignment = z.output<typeof assignmentSchema>;

export const setDataSchema = z.object({ assignments: z.array(assignmentSchema).min(1) });
export type SetData = z.output<typeof setDataSchema>;
