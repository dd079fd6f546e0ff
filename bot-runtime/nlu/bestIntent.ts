/**
 * The best in-scope class and its probability; `intent` is -1 when the out-of-scope class wins,
 * since then the customer asked for none of them whatever the threshold.
 */
export function bestIntent(
  probabilities: Float64Array,
  noneClass: number,
): { intent: number; confidence: number } {
  let intent = -1;
  let confidence = 0;
  for (let c = 0; c < probabilities.length; c++) {
    if (c !== noneClass && (probabilities[c] as number) > confidence) {
      intent = c;
      confidence = probabilities[c] as number;
    }
  }
  if (noneClass >= 0 && (probabilities[noneClass] as number) > confidence) intent = -1;
  return { intent, confidence };
}
