import { createTextAnalyzer } from './analyzeText';
import { bestIntent } from './bestIntent';
import { createEntityExtractor } from './entities/extractEntities';
import { createFeatureSpace, vectorize } from './featureSpace';
import { type LinearModel, scoreVector } from './linearSvm';
import { type NluModel, nluModelSchema } from './nluModel';
import type { ThresholdEffect } from './pickThreshold';
import { softmax } from './probabilities';
import { decodeFloat32, decodeInt32, decodeUint16 } from './typedArrayBase64';
import type { IntentScore, NluClassifier } from './types';
import type { NluResources, WordVectors } from './wordVectors/wordVectors';

export interface LoadedNlu extends NluClassifier {
  /** The intents it knows, sorted by name. */
  readonly intents: string[];
  /** The threshold picked in training. */
  readonly threshold: number;
  /** What each threshold does on held-out data; empty for models stored before it existed. */
  readonly thresholdCurve: readonly ThresholdEffect[];
}

function wordVectorsOf(model: NluModel, resources: NluResources): WordVectors | null {
  if (model.wordVectors === null) return null;
  const vectors = resources.wordVectorsFor?.(model.language);
  if (vectors?.id !== model.wordVectors) {
    throw new Error(
      `This model was trained with the word vectors ${model.wordVectors}, which this installation does not have: train it again.`,
    );
  }
  return vectors;
}

/** Enough for a designer to see what competed; a full ranking of 150 intents cost more than the rest. */
const RANKING_SIZE = 10;

/**
 * Loads an `NluModel` from `trainNlu` (or its JSON round trip). Throws a ZodError on a malformed
 * model, and an Error when it was trained with word vectors that `resources` does not provide.
 */
export function loadNlu(input: unknown, resources: NluResources = {}): LoadedNlu {
  const model = nluModelSchema.parse(input);
  const idf = decodeFloat32(model.idf);
  const space = createFeatureSpace(
    new Map(model.vocabulary.map((term, position) => [term, position])),
    idf,
    wordVectorsOf(model, resources),
    model.vectorPooling,
  );
  const linear: LinearModel = {
    classCount: model.classes.length,
    rowStart: decodeInt32(model.rowStart),
    classIndex: decodeUint16(model.classIndex),
    weights: decodeFloat32(model.weights),
    bias: decodeFloat32(model.bias),
  };
  const analyze = createTextAnalyzer(model.language);
  const extractEntities = createEntityExtractor(model.entities, model.builtins, model.language);
  const intentClasses = model.classes.flatMap((_, c) => (c === model.noneClass ? [] : [c]));
  const intents = intentClasses.map((c) => model.classes[c] as string);

  return {
    intents,
    threshold: model.threshold,
    thresholdCurve: model.thresholdCurve,
    classify(text, options = {}) {
      const threshold = options.threshold ?? model.threshold;
      const margins = scoreVector(linear, vectorize(space, analyze(text)));
      const probabilities = softmax(margins, model.scale, new Float64Array(margins.length));
      const best = bestIntent(probabilities, model.noneClass);
      const ranking: IntentScore[] = topClasses(probabilities, intentClasses, RANKING_SIZE).map(
        (c) => ({ intent: model.classes[c] as string, confidence: probabilities[c] as number }),
      );
      const recognised = best.intent >= 0 && best.confidence >= threshold;
      return {
        intent: recognised ? (model.classes[best.intent] as string) : null,
        confidence: best.confidence,
        ranking,
        entities: extractEntities(text, options.now ?? new Date()),
      };
    },
  };
}

/** The `count` classes of highest probability, best first, by insertion into a short sorted list. */
function topClasses(probabilities: Float64Array, classes: number[], count: number): number[] {
  const top: number[] = [];
  for (const c of classes) {
    const p = probabilities[c] as number;
    if (top.length === count && p <= (probabilities[top[count - 1] as number] as number)) continue;
    let at = top.length === count ? count - 1 : top.length;
    while (at > 0 && (probabilities[top[at - 1] as number] as number) < p) {
      top[at] = top[at - 1] as number;
      at--;
    }
    top[at] = c;
  }
  return top;
}
