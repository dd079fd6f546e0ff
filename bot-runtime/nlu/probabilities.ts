/** Softmax of `scale * margins`: a temperature turns SVM margins into calibrated confidences. */
export function softmax(
  margins: ArrayLike<number>,
  scale: number,
  into: Float64Array,
): Float64Array {
  let max = Number.NEGATIVE_INFINITY;
  for (let c = 0; c < margins.length; c++) max = Math.max(max, margins[c] as number);
  let sum = 0;
  for (let c = 0; c < margins.length; c++) {
    const e = Math.exp(scale * ((margins[c] as number) - max));
    into[c] = e;
    sum += e;
  }
  for (let c = 0; c < margins.length; c++) into[c] = (into[c] as number) / sum;
  return into;
}

/** Enough held-out rows to pin one number down; more only costs time. */
const MAX_FIT_ROWS = 4_000;

/**
 * The scale that minimises the negative log-likelihood of held-out margins: a golden-section
 * search on the log of the scale (the likelihood is unimodal in the temperature).
 */
export function fitSoftmaxScale(
  margins: Float32Array,
  labels: Int32Array,
  classCount: number,
): number {
  const probabilities = new Float64Array(classCount);
  const stride = Math.max(1, Math.ceil(labels.length / MAX_FIT_ROWS));
  const negativeLogLikelihood = (logScale: number) => {
    const scale = Math.exp(logScale);
    let total = 0;
    for (let i = 0; i < labels.length; i += stride) {
      softmax(margins.subarray(i * classCount, (i + 1) * classCount), scale, probabilities);
      total -= Math.log(Math.max(probabilities[labels[i] as number] as number, 1e-12));
    }
    return total;
  };
  const ratio = (Math.sqrt(5) - 1) / 2;
  let low = Math.log(0.5);
  let high = Math.log(200);
  let left = high - ratio * (high - low);
  let right = low + ratio * (high - low);
  let leftLoss = negativeLogLikelihood(left);
  let rightLoss = negativeLogLikelihood(right);
  for (let step = 0; step < 20; step++) {
    if (leftLoss < rightLoss) {
      high = right;
      right = left;
      rightLoss = leftLoss;
      left = high - ratio * (high - low);
      leftLoss = negativeLogLikelihood(left);
    } else {
      low = left;
      left = right;
      leftLoss = rightLoss;
      right = low + ratio * (high - low);
      rightLoss = negativeLogLikelihood(right);
    }
  }
  return Math.exp((low + high) / 2);
}
