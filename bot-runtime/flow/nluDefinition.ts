import { z } from 'zod';
import {
  builtinEntityNames,
  type EntityDefinition,
  entityDefinitionSchema,
  nluLanguageSchema,
} from '../nlu/schema';
import { identifierSchema } from './identifier';

/**
 * A bot's intents as the designer keeps them in the draft. Unlike a training set, an intent may
 * have no phrases yet; publishing trains only on what is there.
 */
export const intentDefinitionSchema = z.object({
  name: identifierSchema,
  description: z.string().default(''),
  phrases: z.array(z.string().min(1)).default([]),
});
export type IntentDefinition = z.output<typeof intentDefinitionSchema>;

/** Entities and languages are the NLU's own schemas: one definition for the draft and training. */
export { type EntityDefinition, entityDefinitionSchema };
export const builtInEntities = builtinEntityNames;

/** The bot's language model definition, kept in the flow so a draft is one document. */
export const nluDefinitionSchema = z.object({
  language: nluLanguageSchema.default('en'),
  intents: z.array(intentDefinitionSchema).default([]),
  entities: z.array(entityDefinitionSchema).default([]),
});
export type NluDefinition = z.output<typeof nluDefinitionSchema>;
