import { describe, expect, it } from 'vitest';
import { describeNodeMark, heatLevel, toOverlayMarks } from './overlayMarks';

describe('the overlay marks on the canvas', () => {
  it('puts each share of bad endings in one of five even steps', () => {
    expect([0, 0.19, 0.2, 0.5, 0.79, 0.8, 1].map(heatLevel)).toEqual([0, 0, 1, 2, 3, 4, 4]);
    expect(heatLevel(null)).toBeNull();
  });

  it('looks up edge counts and node heat by id, and says them in words', () => {
    const marks = toOverlayMarks({
      edges: [{ edgeId: 'e1', conversations: 3 }],
      nodes: [
        {
          nodeId: 'menu',
          conversations: 3,
          badShare: 2 / 3,
          outcomes: {
            contained: 1,
            escalated: 2,
            abandoned: 0,
            error: 0,
            noAgent: 0,
            inProgress: 0,
          },
        },
      ],
    });
    expect(marks.edgeCounts.get('e1')).toBe(3);
    expect(marks.nodes.get('menu')).toEqual({ conversations: 3, badShare: 2 / 3, heat: 3 });
    expect(describeNodeMark(marks.nodes.get('menu'))).toBe('3 conversations, 67% ended badly');
    expect(describeNodeMark(undefined)).toBe('no conversations');
  });
});
