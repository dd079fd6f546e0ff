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

/** How much held-out in-scope accuracy the threshold may cost: half a point. */
const MAX_IN_SCOPE_LOSS = 0.005;
const CANDIDATES = Array.from({ length: 95 }, (_, i) => (i + 1) / 100);

/**
 * The confidence threshold, from held-out predictions only: the highest one that costs at most
 * half a point of in-scope accuracy. It does not need out-of-scope examples, which a new bot rarely
 * has; when they exist, their class already catches part of them and the threshold the rest.
 * On CLINC150 the held-out curve tracks the validation curve within a few tenths of a point.
 */
export function pickThreshold(heldOut: HeldOutPredictions): number {
  const predictions = heldOutPredictions(heldOut);
  const inScope = predictions.filter((prediction) => !prediction.outOfScope);
  const inScopeAccuracy = (threshold: number) =>
    inScope.filter((p) => p.right && p.confidence >= threshold).length /
    Math.max(1, inScope.length);
  const ceiling = inScopeAccuracy(0);
  let chosen = 0;
  for (const threshold of CANDIDATES) {
    if (inScopeAccuracy(threshold) >= ceiling - MAX_IN_SCOPE_LOSS) chosen = threshold;
    else break;
  }
  return chosen;
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
    softmax(margins.subarray(i * classCount, (i + 1) * classCount), scale, probabilities);
    const { intent, confidence } = bestIntent(probabilities, noneClass);
    return { outOfScope: label === noneClass, confidence, right: intent === label };
  });
}
