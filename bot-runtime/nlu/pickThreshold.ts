import { bestIntent } from './bestIntent';
import { softmax } from './probabilities';

export interface HeldOutPredictions {
  margins: Float32Array;
  labels: Int32Array;
  classCount: number;
  /** The class of out-of-scope training utterances, or -1 when there were none. */
  noneClass: number;
  scale: number;
}

/** Without out-of-scope examples, how much held-out in-scope accuracy the threshold may cost. */
const MAX_IN_SCOPE_LOSS = 0.005;
/** With them, the most it may cost while it buys out-of-scope recall. */
const MAX_IN_SCOPE_LOSS_WITH_OUT_OF_SCOPE = 0.01;
const CANDIDATES = Array.from({ length: 95 }, (_, i) => (i + 1) / 100);

/**
 * The confidence threshold, from held-out predictions only. Without out-of-scope examples (a new
 * bot rarely has them) nothing tells what a higher threshold would catch, so it takes the highest
 * that costs at most half a point of in-scope accuracy. With them, it takes the one that does best
 * on both together (in-scope accuracy plus out-of-scope recall), within a point of
 * in-scope accuracy. On CLINC150 the held-out curves track the validation curves within a few
 * tenths of a point.
 */
export function pickThreshold(heldOut: HeldOutPredictions): number {
  return pickThresholdFrom(heldOutPredictions(heldOut));
}

function pickThresholdFrom(predictions: HeldOutPrediction[]): number {
  const inScope = predictions.filter((prediction) => !prediction.outOfScope);
  const outOfScope = predictions.filter((prediction) => prediction.outOfScope);
  const inScopeAccuracy = (threshold: number) =>
    inScope.filter((p) => p.right && p.confidence >= threshold).length /
    Math.max(1, inScope.length);
  const ceiling = inScopeAccuracy(0);
  if (outOfScope.length === 0) {
    let chosen = 0;
    for (const threshold of CANDIDATES) {
      if (inScopeAccuracy(threshold) >= ceiling - MAX_IN_SCOPE_LOSS) chosen = threshold;
      else break;
    }
    return chosen;
  }
  const outOfScopeRecall = (threshold: number) =>
    outOfScope.filter((p) => p.right || p.confidence < threshold).length / outOfScope.length;
  let chosen = 0;
  let best = inScopeAccuracy(0) + outOfScopeRecall(0);
  for (const threshold of CANDIDATES) {
    const accuracy = inScopeAccuracy(threshold);
    if (accuracy < ceiling - MAX_IN_SCOPE_LOSS_WITH_OUT_OF_SCOPE) break;
    const score = accuracy + outOfScopeRecall(threshold);
    if (score > best) {
      best = score;
      chosen = threshold;
    }
  }
  return chosen;
}

export interface ThresholdEffect {
  threshold: number;
  /** Share of held-out in-scope phrases recognised as their own intent at this threshold. */
  understood: number;
  /** Share of held-out out-of-scope utterances left unrecognised; null without any. */
  rejected: number | null;
}

/** Every twentieth: what "try it" shows for the bot's threshold, read off the nearest point. */
const CURVE_POINTS = Array.from({ length: 19 }, (_, i) => (i + 1) / 20);

/**
 * What each threshold would do on held-out data: how many of the bot's own phrases it still
 * recognises, how many off-topic utterances it turns away. Stored with the model so that the
 * studio can show the designer the effect of the bot's threshold without training again.
 */
export function thresholdCurve(heldOut: HeldOutPredictions): ThresholdEffect[] {
  const predictions = heldOutPredictions(heldOut);
  const inScope = predictions.filter((prediction) => !prediction.outOfScope);
  const outOfScope = predictions.filter((prediction) => prediction.outOfScope);
  const round = (value: number) => Math.round(value * 1000) / 1000;
  return CURVE_POINTS.map((threshold) => ({
    threshold,
    understood: round(
      inScope.filter((p) => p.right && p.confidence >= threshold).length /
        Math.max(1, inScope.length),
    ),
    rejected:
      outOfScope.length === 0
        ? null
        : round(
            outOfScope.filter((p) => p.right || p.confidence < threshold).length /
              outOfScope.length,
          ),
  }));
}

/** The curve's point nearest to `threshold`; null for a model stored without a curve. */
export function thresholdEffect(
  curve: readonly ThresholdEffect[],
  threshold: number,
): ThresholdEffect | null {
  let nearest: ThresholdEffect | null = null;
  for (const point of curve) {
    if (
      nearest === null ||
      Math.abs(point.threshold - threshold) < Math.abs(nearest.threshold - threshold)
    ) {
      nearest = point;
    }
  }
  return nearest;
}

interface HeldOutPrediction {
  outOfScope: boolean;
  confidence: number;
  right: boolean;
}

function heldOutPredictions(heldOut: HeldOutPredictions): HeldOutPrediction[] {
  const { margins, labels, classCount, noneClass, scale } = heldOut;
  const probabilities = new Float64Array(classCount);
  return [...labels].map((label, i) => {
    const row = margins.subarray(i * classCount, (i + 1) * classCount);
    softmax(row, scale, probabilities);
    const { intent, confidence } = bestIntent(probabilities, noneClass);
    const outOfScope = label === noneClass;
    // For an out-of-scope utterance, right means the out-of-scope class won (`intent` is -1).
    return { outOfScope, confidence, right: outOfScope ? intent === -1 : intent === label };
  });
}
