import { z } from 'zod';

export const conditionOperators = [
  'equals',
  'notEquals',
  'contains',
  'greater',
  'less',
  'matches',
  'isSet',
  'isNotSet',
] as const;

export const conditionRuleSchema = z.object({
  variable: z.string().min(1),
  operator: z.enum(conditionOperators),
  /** A template, so a rule can compare with another variable: `{{limit}}`. Unused by isSet. */
  value: z.string().default(''),
});
export type ConditionRule = z.output<typeof conditionRuleSchema>;

/** Rules combined with and (`all`) or or (`any`). */
export const conditionSchema = z.object({
  match: z.enum(['all', 'any']).default('all'),
  rules: z.array(conditionRuleSchema).min(1),
});
export type Condition = z.output<typeof conditionSchema>;
