export interface LabelledPrediction {
  /** The labelled intent, or the out-of-scope label. */
  expected: string;
  /** The intent after the threshold, `null` for "none of these". */
  predicted: string | null;
}

export interface EvaluationReport {
  n: number;
  accuracy: number;
  macroF1: number;
  /** Share of in-scope utterances whose predicted intent is the labelled one (`null` is wrong). */
  inScopeAccuracy: number;
  /** Share of out-of-scope utterances predicted `null`; `null` without an out-of-scope label. */
  oosRecall: number | null;
}

/**
 * Scores predictions the way the benchmarks report them. With an out-of-scope label, `null` counts
 * as that label, for accuracy and for its own F1; without one, `null` is simply wrong.
 */
export function evaluate(
  predictions: LabelledPrediction[],
  oosLabel: string | null,
): EvaluationReport {
  const noneLabel = oosLabel ?? '\u0000none';
  const outcome = predictions.map(({ expected, predicted }) => ({
    expected,
    predicted: predicted ?? noneLabel,
  }));
  const labels = new Set(outcome.map((row) => row.expected));
  let f1Sum = 0;
  for (const label of labels) {
    let truePositives = 0;
    let predictedCount = 0;
    let expectedCount = 0;
    for (const row of outcome) {
      if (row.predicted === label) predictedCount++;
      if (row.expected === label) expectedCount++;
      if (row.predicted === label && row.expected === label) truePositives++;
    }
    const precision = predictedCount === 0 ? 0 : truePositives / predictedCount;
    const recall = truePositives / expectedCount;
    f1Sum += precision + recall === 0 ? 0 : (2 * precision * recall) / (precision + recall);
  }
  const inScope = outcome.filter((row) => row.expected !== oosLabel);
  const outOfScope = outcome.filter((row) => row.expected === oosLabel);
  const share = (rows: typeof outcome) =>
    rows.length === 0
      ? 0
      : rows.filter((row) => row.predicted === row.expected).length / rows.length;
  return {
    n: outcome.length,
    accuracy: share(outcome),
    macroF1: labels.size === 0 ? 0 : f1Sum / labels.size,
    inScopeAccuracy: share(inScope),
    oosRecall: oosLabel === null ? null : share(outOfScope),
  };
}
