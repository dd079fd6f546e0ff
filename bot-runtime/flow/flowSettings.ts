import { z } from 'zod';
import { identifierSchema } from './identifier';
import { jsonValueSchema } from './json';

export const variableTypes = ['string', 'number', 'boolean', 'date', 'object', 'list'] as const;

export const variableDefinitionSchema = z.object({
  name: identifierSchema,
  type: z.enum(variableTypes).default('string'),
  /** Present from the first turn when set; a variable without a default starts unset. */
  default: jsonValueSchema.optional(),
  description: z.string().default(''),
});
export type VariableDefinition = z.output<typeof variableDefinitionSchema>;

/** An intent that interrupts any question and jumps to its target, e.g. "talk to a human". */
export const globalIntentSchema = z.object({
  intent: z.string().min(1),
  targetNodeId: z.string().min(1),
});
export type GlobalIntent = z.output<typeof globalIntentSchema>;

export const fallbackSettingsSchema = z.object({
  /** Said when an intent node did not understand and has no `fallback` path of its own. */
  message: z.string().default("Sorry, I didn't get that. Could you say it another way?"),
  /** Misunderstood messages in a row before the bot offers a human instead. */
  offerHumanAfter: z.number().int().min(1).default(2),
  /**
   * Customer messages after which the bot offers a human once, whatever it is doing; null never.
   * Catches conversations that go round in circles without a single misunderstanding.
   */
  offerHumanAfterTurns: z.number().int().min(1).nullable().default(null),
  /** Where the bot goes to offer a human; without it, misunderstandings never stop the loop. */
  offerHumanNodeId: z.string().nullable().default(null),
});

export const flowSettingsSchema = z.object({
  variables: z.array(variableDefinitionSchema).default([]),
  /** Below this confidence an utterance is out of scope. */
  nluThreshold: z.number().min(0).max(1).default(0.6),
  /**
   * Whether the bot's model also learns "none of these" from the off-topic background Parley
   * ships (small talk, trivia, jokes...), so such messages get the fallback instead of an intent.
   */
  nluBackground: z.boolean().default(true),
  globalIntents: z.array(globalIntentSchema).default([]),
  fallback: fallbackSettingsSchema.default(fallbackSettingsSchema.parse({})),
  /** What the customer sees when a turn fails inside the bot (loop, broken node). */
  errorMessage: z
    .string()
    .default('Sorry, something went wrong on my side. Could you try that again?'),
  /** Guards against loops: a turn that enters more nodes than this stops. */
  maxStepsPerTurn: z.number().int().min(1).max(1000).default(100),
});
export type FlowSettings = z.output<typeof flowSettingsSchema>;
