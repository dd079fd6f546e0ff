import { describe, expect, it } from 'vitest';
import { pickThreshold } from './pickThreshold';
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
