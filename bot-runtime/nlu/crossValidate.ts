import type { SparseVector } from './featureSpace';
import { type DualSolution, defaultSvmOptions, scoreVector, trainLinearSvm } from './linearSvm';

export interface HeldOutMargins {
  /** Row-major: `labels.length * classCount`. */
  margins: Float32Array;
  labels: Int32Array;
  /** The utterance (index into the training vectors) of each held-out row. */
  rows: Int32Array;
  /**
   * With one fold held out, its model's dual solution laid out over all the utterances (zero for
   * the held-out ones): training on everything starts from there and converges in fewer passes.
   */
  warmStart?: DualSolution;
}

/**
 * Margins of training utterances from models that did not see them (stratified k-fold: the j-th
 * utterance of each class goes to fold j mod k). Confidence scale and threshold are fitted on
 * these, never on margins of utterances a model was trained on, which are overconfident. Only the
 * first `foldsToRun` folds are held out: on large data one fold is plenty and each costs a training.
 */
export function crossValidatedMargins(
  vectors: SparseVector[],
  labels: Int32Array,
  classCount: number,
  featureCount: number,
  folds: number,
  foldsToRun: number,
  weights?: Float32Array,
): HeldOutMargins {
  const fold = new Int32Array(labels.length);
  const seenPerClass = new Int32Array(classCount);
  labels.forEach((label, i) => {
    fold[i] = (seenPerClass[label] as number) % folds;
    seenPerClass[label] = (seenPerClass[label] as number) + 1;
  });
  const heldOutRows = [...labels.keys()].filter((i) => (fold[i] as number) < foldsToRun);
  const margins = new Float32Array(heldOutRows.length * classCount);
  let warmStart: DualSolution | undefined;
  for (let heldOut = 0; heldOut < foldsToRun; heldOut++) {
    const trainRows = [...labels.keys()].filter((i) => fold[i] !== heldOut);
    const model = trainLinearSvm(
      trainRows.map((i) => vectors[i] as SparseVector),
      Int32Array.from(trainRows, (i) => labels[i] as number),
      classCount,
      featureCount,
      // One full pass is enough for calibration and saves a third of the time.
      { ...defaultSvmOptions, maxFullPasses: 1 },
      undefined,
      weights && Float32Array.from(trainRows, (i) => weights[i] as number),
    );
    heldOutRows.forEach((i, position) => {
      if (fold[i] === heldOut) {
        margins.set(scoreVector(model, vectors[i] as SparseVector), position * classCount);
      }
    });
    if (foldsToRun === 1) {
      warmStart = model.dual.map((foldAlpha) => {
        const alpha = new Float64Array(labels.length);
        trainRows.forEach((i, row) => {
          alpha[i] = foldAlpha[row] as number;
        });
        return alpha;
      });
    }
  }
  return {
    margins,
    labels: Int32Array.from(heldOutRows, (i) => labels[i] as number),
    rows: Int32Array.from(heldOutRows),
    warmStart,
  };
}
