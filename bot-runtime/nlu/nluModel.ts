import { z } from 'zod';
import { builtinEntityNameSchema, entityDefinitionSchema, nluLanguageSchema } from './schema';
import { MEAN_POOLING, vectorPoolingSchema } from './vectorPooling';

export const NLU_MODEL_FORMAT = 'parley-nlu/1';

/** The trained model: plain JSON, stored with a published bot version and loaded by `loadNlu`. */
export const nluModelSchema = z.object({
  format: z.literal(NLU_MODEL_FORMAT),
  language: nluLanguageSchema,
  /** Class names in weight order; the out-of-scope class, when trained, is `noneClass`. */
  classes: z.array(z.string()),
  noneClass: z.number().int(),
  vocabulary: z.array(z.string()),
  /** The word vectors the model was trained with (see `WordVectors.id`); null for none. */
  wordVectors: z.string().nullable().default(null),
  /** How the word vectors were pooled; models stored before it was recorded used the mean alone. */
  vectorPooling: vectorPoolingSchema.default(MEAN_POOLING),
  /** base64 Float32: inverse document frequency per vocabulary term. */
  idf: z.string(),
  /** The linear model, compressed by feature (see `LinearModel`), base64. */
  rowStart: z.string(),
  classIndex: z.string(),
  weights: z.string(),
  /** base64 Float32: one per class. */
  bias: z.string(),
  /** Softmax scale fitted on held-out margins. */
  scale: z.number().positive(),
  /** Threshold picked on held-out predictions; `classify` uses it unless told otherwise. */
  threshold: z.number().min(0).max(1),
  /** What each threshold does on held-out data (see `thresholdCurve`); empty for older models. */
  thresholdCurve: z
    .array(
      z.object({
        threshold: z.number(),
        understood: z.number(),
        rejected: z.number().nullable(),
      }),
    )
    .default([]),
  /** The shipped background's utterances offered to training, and those kept (not too close). */
  background: z
    .object({ offered: z.number().int(), kept: z.number().int() })
    .default({ offered: 0, kept: 0 }),
  entities: z.array(entityDefinitionSchema),
  builtins: z.array(builtinEntityNameSchema),
});
export type NluModel = z.infer<typeof nluModelSchema>;
