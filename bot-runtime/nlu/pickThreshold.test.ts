import { describe, expect, it } from 'vitest';
import { pickThreshold, thresholdCurve, thresholdEffect } from './pickThreshold';
import { fitSoftmaxScale, softmax } from './probabilities';

/** Two classes; each row's margins favour `winner` by `gap`. */
function heldOut(rows: { label: number; winner: number; gap: number }[]) {
  const margins = new Float32Array(rows.length * 2);
  rows.forEach(({ winner, gap }, i) => {
    margins[i * 2 + winner] = gap;
  });
  return { margins, labels: Int32Array.from(rows, (row) => row.label) };
}

describe('calibration on held-out predictions', () => {
  it('fits a larger softmax scale when the margins are reliable', () => {
    const reliable = heldOut(
      Array.from({ length: 40 }, (_, i) => ({ label: i % 2, winner: i % 2, gap: 1 })),
    );
    const noisy = heldOut(
      Array.from({ length: 40 }, (_, i) => ({
        label: i % 2,
        winner: i % 4 === 0 ? 1 - (i % 2) : i % 2,
        gap: 1,
      })),
    );
    expect(fitSoftmaxScale(reliable.margins, reliable.labels, 2)).toBeGreaterThan(
      fitSoftmaxScale(noisy.margins, noisy.labels, 2),
    );
  });

  it('picks the highest threshold that keeps the right answers', () => {
    // Right answers are confident (gap 3), wrong ones are not (gap 0.2).
    const { margins, labels } = heldOut(
      Array.from({ length: 200 }, (_, i) => ({
        label: 0,
        winner: i % 10 === 0 ? 1 : 0,
        gap: i % 10 === 0 ? 0.2 : 3,
      })),
    );
    const threshold = pickThreshold({ margins, labels, classCount: 2, noneClass: -1, scale: 1 });
    const rightConfidence = softmax([3, 0], 1, new Float64Array(2))[0] as number;
    expect(threshold).toBeLessThanOrEqual(rightConfidence);
    expect(threshold).toBeGreaterThan(rightConfidence - 0.02);
  });

  it('with out-of-scope examples, raises the threshold above them while in-scope answers survive', () => {
    // Class 1 is "none of these". In-scope answers are confident (gap 3); out-of-scope utterances
    // are wrongly given to class 0 with little confidence (gap 0.5).
    const rows = [
      ...Array.from({ length: 180 }, () => ({ label: 0, winner: 0, gap: 3 })),
      ...Array.from({ length: 20 }, () => ({ label: 1, winner: 0, gap: 0.5 })),
    ];
    const { margins, labels } = heldOut(rows);
    const threshold = pickThreshold({ margins, labels, classCount: 2, noneClass: 1, scale: 1 });
    const outOfScopeConfidence = softmax([0.5, 0], 1, new Float64Array(2))[0] as number;
    const rightConfidence = softmax([3, 0], 1, new Float64Array(2))[0] as number;
    expect(threshold).toBeGreaterThan(outOfScopeConfidence);
    expect(threshold).toBeLessThanOrEqual(rightConfidence);
  });
});

describe('the effect of a threshold on held-out data', () => {
  // Class 1 is "none of these". 90 in-scope answers: 80 right and confident (gap 3), 10 right but
  // unsure (gap 0.3); 20 out-of-scope utterances wrongly given to class 0 with little confidence
  // (gap 0.5), and 20 caught by the out-of-scope class.
  const rows = [
    ...Array.from({ length: 80 }, () => ({ label: 0, winner: 0, gap: 3 })),
    ...Array.from({ length: 10 }, () => ({ label: 0, winner: 0, gap: 0.3 })),
    ...Array.from({ length: 20 }, () => ({ label: 1, winner: 0, gap: 0.5 })),
    ...Array.from({ length: 20 }, () => ({ label: 1, winner: 1, gap: 2 })),
  ];
  const { margins, labels } = heldOut(rows);
  const curve = thresholdCurve({ margins, labels, classCount: 2, noneClass: 1, scale: 1 });
  const unsure = softmax([0.3, 0], 1, new Float64Array(2))[0] as number; // 0.574
  const outOfScope = softmax([0.5, 0], 1, new Float64Array(2))[0] as number; // 0.622
  const right = softmax([3, 0], 1, new Float64Array(2))[0] as number; // 0.953

  it('counts what each threshold understands and rejects', () => {
    expect(curve.map((point) => point.threshold)).toEqual(
      Array.from({ length: 19 }, (_, i) => (i + 1) / 20),
    );
    const at = (threshold: number) => thresholdEffect(curve, threshold);
    // Low: every in-scope answer counts; only the out-of-scope class's own catches are rejected.
    expect(at(0.5)).toEqual({ threshold: 0.5, understood: 1, rejected: 0.5 });
    // Between the unsure and the out-of-scope confidences: the unsure answers are lost.
    expect(unsure).toBeLessThan(0.6);
    expect(at(0.6)).toEqual({ threshold: 0.6, understood: 0.889, rejected: 0.5 });
    // Above the out-of-scope confidence, below the right ones: all of those are rejected.
    expect(outOfScope).toBeLessThan(0.65);
    expect(at(0.66)).toEqual({ threshold: 0.65, understood: 0.889, rejected: 1 });
    // The highest point still keeps the confident answers (0.953).
    expect(right).toBeGreaterThan(0.95);
    expect(at(0.95)).toEqual({ threshold: 0.95, understood: 0.889, rejected: 1 });
  });

  it('reads the nearest point, and nothing from a model stored without a curve', () => {
    expect(thresholdEffect(curve, 0.62)?.threshold).toBe(0.6);
    expect(thresholdEffect([], 0.6)).toBeNull();
  });

  it('says nothing of rejection without out-of-scope rows', () => {
    const inScope = heldOut(rows.slice(0, 90));
    const onlyInScope = thresholdCurve({ ...inScope, classCount: 2, noneClass: -1, scale: 1 });
    expect(onlyInScope.every((point) => point.rejected === null)).toBe(true);
  });
});
