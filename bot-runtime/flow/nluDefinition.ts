import { z } from 'zod';
import { identifierSchema } from './identifier';

export const intentDefinitionSchema = z.object({
  name: identifierSchema,
  description: z.string().default(''),
  phrases: z.array(z.string().min(1)).default([]),
});
export type IntentDefinition = z.output<typeof intentDefinitionSchema>;

export const listEntityValueSchema = z.object({
  value: z.string().min(1),
  synonyms: z.array(z.string().min(1)).default([]),
});

/** Custom entities; the built-ins `number`, `email`, `phone` and `date` need no definition. */
export const entityDefinitionSchema = z.discriminatedUnion('kind', [
  z.object({ kind: z.literal('regex'), name: identifierSchema, pattern: z.string().min(1) }),
  z.object({
    kind: z.literal('list'),
    name: identifierSchema,
    values: z.array(listEntityValueSchema).min(1),
  }),
]);
export type EntityDefinition = z.output<typeof entityDefinitionSchema>;

export const builtInEntities = ['number', 'email', 'phone', 'date'] as const;

/** The bot's language model definition, kept in the flow so a draft is one document. */
export const nluDefinitionSchema = z.object({
  language: z.string().default('en'),
  intents: z.array(intentDefinitionSchema).default([]),
  entities: z.array(entityDefinitionSchema).default([]),
});
export type NluDefinition = z.output<typeof nluDefinitionSchema>;
