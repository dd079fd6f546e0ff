import { z } from 'zod';

/** Languages with a stemmer in `natural`; the tokeniser itself is language-neutral. */
export const nluLanguageSchema = z.enum([
  'en',
  'de',
  'es',
  'fr',
  'it',
  'nl',
  'no',
  'pt',
  'ru',
  'sv',
]);
export type NluLanguage = z.infer<typeof nluLanguageSchema>;

export const builtinEntityNames = ['number', 'email', 'phone', 'date'] as const;
export const builtinEntityNameSchema = z.enum(builtinEntityNames);
export type BuiltinEntityName = z.infer<typeof builtinEntityNameSchema>;

/** Entity names become variable names in flows. */
const entityNameSchema = z
  .string()
  .regex(/^[A-Za-z][A-Za-z0-9_]*$/, 'letters, digits and _, starting with a letter');

export const intentDefinitionSchema = z.object({
  name: z.string().trim().min(1).max(100),
  /** Example utterances ("training phrases"). */
  phrases: z.array(z.string().trim().min(1)).min(1),
});
export type IntentDefinition = z.infer<typeof intentDefinitionSchema>;

export const listEntityDefinitionSchema = z.object({
  kind: z.literal('list'),
  name: entityNameSchema,
  values: z
    .array(
      z.object({
        /** The canonical value a flow sees, e.g. `express`. */
        value: z.string().trim().min(1),
        /** Other ways customers say it, e.g. `next day`, `fast shipping`. */
        synonyms: z.array(z.string().trim().min(1)).default([]),
      }),
    )
    .min(1),
});

export const regexEntityDefinitionSchema = z.object({
  kind: z.literal('regex'),
  name: entityNameSchema,
  /** e.g. `\b[A-Z]\d{4}\b` for order numbers like A1001; a capture group, if any, is the value. */
  pattern: z.string().min(1).refine(isValidPattern, 'not a valid regular expression'),
  flags: z
    .string()
    .regex(/^[imsu]*$/, 'only the flags i, m, s and u')
    .default('i'),
});

export const entityDefinitionSchema = z.discriminatedUnion('kind', [
  listEntityDefinitionSchema,
  regexEntityDefinitionSchema,
]);
export type EntityDefinition = z.infer<typeof entityDefinitionSchema>;

export const nluTrainingSetSchema = z
  .object({
    language: nluLanguageSchema.default('en'),
    intents: z.array(intentDefinitionSchema).min(1),
    /** Utterances that belong to none of the intents; they teach the model to say "I don't know". */
    outOfScope: z.array(z.string().trim().min(1)).default([]),
    /**
     * Also learn "none of these" from the off-topic background Parley ships (when the resources
     * give one), minus what is too close to the intents' phrases.
     */
    background: z.boolean().default(true),
    entities: z.array(entityDefinitionSchema).default([]),
    builtins: z.array(builtinEntityNameSchema).default([...builtinEntityNames]),
  })
  .superRefine((trainingSet, context) => {
    const reportDuplicates = (names: string[], path: string, taken: readonly string[] = []) => {
      const seen = new Set<string>(taken);
      names.forEach((name, position) => {
        if (seen.has(name)) {
          const message = `the name "${name}" is already taken`;
          context.addIssue({ code: 'custom', message, path: [path, position, 'name'] });
        }
        seen.add(name);
      });
    };
    reportDuplicates(
      trainingSet.intents.map((intent) => intent.name),
      'intents',
    );
    reportDuplicates(
      trainingSet.entities.map((entity) => entity.name),
      'entities',
      builtinEntityNames,
    );
  });
export type NluTrainingSet = z.input<typeof nluTrainingSetSchema>;

function isValidPattern(pattern: string): boolean {
  try {
    new RegExp(pattern, 'u');
    return true;
  } catch {
    return false;
  }
}
