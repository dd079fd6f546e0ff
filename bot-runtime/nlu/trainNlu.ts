import { createTextAnalyzer } from './analyzeText';
import { crossValidatedMargins } from './crossValidate';
import { buildFeatureSpace, extractTerms, featureCount, vectorize } from './featureSpace';
import { intentNamePhrases } from './intentNamePhrases';
import { defaultSvmOptions, trainLinearSvm } from './linearSvm';
import { NLU_MODEL_FORMAT, type NluModel } from './nluModel';
import { pickThreshold } from './pickThreshold';
import { createPrng, shuffleInPlace } from './prng';
import { fitSoftmaxScale } from './probabilities';
import { type NluTrainingSet, nluTrainingSetSchema } from './schema';
import { encodeTypedArray } from './typedArrayBase64';
import { poolingFor } from './vectorPooling';
import type { NluResources } from './wordVectors/wordVectors';

/** The name of the class learned from out-of-scope examples; never returned as an intent. */
export const NONE_CLASS = '__none__';
const SHUFFLE_SEED = 20_240_501;
/**
 * Up to this size, 5-fold cross-validation: each fold keeps more of a small bot's few phrases, and
 * every phrase gets a held-out prediction. Above it, one third held out once is enough and cheaper.
 */
const SMALL_DATA = 2_000;

/**
 * Trains intent recognition: TF-IDF of stems, stem bigrams and character 2-5-grams, plus the mean
 * (and for small training sets the max and min) of the words' pretrained vectors where the
 * language has them, one-vs-rest linear SVMs, a softmax scale and a confidence threshold fitted
 * by cross-validation. Each intent's name counts as one more phrase (see `intentNamePhrases`).
 * Throws a ZodError when the training set is invalid. Without `resources.wordVectorsFor`, no
 * word vectors.
 */
export function trainNlu(input: NluTrainingSet, resources: NluResources = {}): NluModel {
  const trainingSet = nluTrainingSetSchema.parse(input);
  // Sorted, like the examples below: the order the designer typed things in must not matter.
  const intents = [...trainingSet.intents].sort((a, b) => (a.name < b.name ? -1 : 1));
  const classes = intents.map((intent) => intent.name);
  const noneClass = trainingSet.outOfScope.length > 0 ? classes.push(NONE_CLASS) - 1 : -1;
  const namePhrases = intentNamePhrases(intents.map((intent) => intent.name));
  const examples = canonicalExamples([
    ...intents.flatMap((intent, label) => {
      const namePhrase = namePhrases.get(intent.name);
      const phrases = namePhrase ? [...intent.phrases, namePhrase] : intent.phrases;
      return phrases.map((text) => ({ text, label }));
    }),
    ...trainingSet.outOfScope.map((text) => ({ text, label: noneClass })),
  ]);

  const analyze = createTextAnalyzer(trainingSet.language);
  const analyzed = examples.map((example) => analyze(example.text));
  const wordVectors = resources.wordVectorsFor?.(trainingSet.language) ?? null;
  const pooling = poolingFor(examples.length);
  const space = buildFeatureSpace(analyzed.map(extractTerms), wordVectors, pooling);
  const vectors = analyzed.map((text) => vectorize(space, text));
  const labels = Int32Array.from(examples, (example) => example.label);
  const features = featureCount(space);

  const small = examples.length <= SMALL_DATA;
  const heldOut = small
    ? crossValidatedMargins(vectors, labels, classes.length, features, 5, 5)
    : crossValidatedMargins(vectors, labels, classes.length, features, 3, 1);
  const scale = fitSoftmaxScale(heldOut.margins, heldOut.labels, classes.length);
  const threshold = pickThreshold({ ...heldOut, classCount: classes.length, noneClass, scale });
  const linear = trainLinearSvm(
    vectors,
    labels,
    classes.length,
    features,
    defaultSvmOptions,
    heldOut.warmStart,
  );

  return {
    format: NLU_MODEL_FORMAT,
    language: trainingSet.language,
    classes,
    noneClass,
    vocabulary: [...space.index.keys()],
    wordVectors: wordVectors?.id ?? null,
    vectorPooling: pooling,
    idf: encodeTypedArray(space.idf),
    rowStart: encodeTypedArray(linear.rowStart),
    classIndex: encodeTypedArray(linear.classIndex),
    weights: encodeTypedArray(linear.weights),
    bias: encodeTypedArray(linear.bias),
    scale,
    threshold,
    entities: trainingSet.entities,
    builtins: trainingSet.builtins,
  };
}

/**
 * Sorted, de-duplicated, then shuffled with a fixed seed: the model does not depend on the order
 * the designer typed the phrases in, and no class comes in one block (which hurts the solver).
 */
function canonicalExamples(
  examples: { text: string; label: number }[],
): { text: string; label: number }[] {
  const unique = new Map(
    examples.map((example) => [`${example.label}\u0000${example.text}`, example]),
  );
  const sorted = [...unique.entries()]
    .sort(([a], [b]) => (a < b ? -1 : a > b ? 1 : 0))
    .map(([, example]) => example);
  shuffleInPlace(sorted, createPrng(SHUFFLE_SEED));
  return sorted;
}
