import { describe, expect, it } from 'vitest';
import customerSupport from '@/bot-runtime/templates/customer-support.json';
import { openingView, openingViewport } from './openingViewport';
import { LABEL_ZOOM, READABLE_ZOOM } from './zoomLevels';

/** The canvas of the editor on a 1440×900 window, beside the palette and the side panel. */
const LAPTOP_PANE = { width: 640, height: 800 };

const box = (x: number, y: number) => ({ x, y, width: 200, height: 110 });

describe('openingViewport', () => {
  it('fits a small flow whole, as React Flow fits it', () => {
    const start = box(0, 0);
    const view = openingViewport(
      { boxes: [start, box(0, 200), box(300, 400)], start },
      LAPTOP_PANE,
    );
    expect(view.zoom).toBeGreaterThanOrEqual(LABEL_ZOOM);
    // The flow's middle (250, 255) is the pane's middle.
    expect(view.x + 250 * view.zoom).toBeCloseTo(LAPTOP_PANE.width / 2);
    expect(view.y + 255 * view.zoom).toBeCloseTo(LAPTOP_PANE.height / 2);
  });

  it('opens a flow too large to fit with labels on its start node, at a zoom where labels read', () => {
    const start = box(1000, 0);
    const boxes = [start, ...Array.from({ length: 40 }, (_, i) => box((i % 8) * 300, 200 * i))];
    const view = openingViewport({ boxes, start }, LAPTOP_PANE);
    expect(view.zoom).toBe(READABLE_ZOOM);
    const startLeft = view.x + start.x * view.zoom;
    const startRight = view.x + (start.x + start.width) * view.zoom;
    expect((startLeft + startRight) / 2).toBeCloseTo(LAPTOP_PANE.width / 2);
    const startTop = view.y + start.y * view.zoom;
    expect(startTop).toBeGreaterThan(0);
    expect(startTop).toBeLessThan(LAPTOP_PANE.height / 4);
  });

  it('draws nothing odd for an empty canvas', () => {
    expect(openingViewport({ boxes: [], start: null }, LAPTOP_PANE)).toEqual({
      x: 0,
      y: 0,
      zoom: 1,
    });
  });
});

describe('openingView of the demo bot', () => {
  const canvasNodes = [
    ...Object.entries(customerSupport.layout.nodes).map(([id, position]) => ({
      id,
      position,
      measured: { width: 200, height: 108 },
    })),
    ...customerSupport.layout.notes.map((note) => ({
      id: `note:${note.id}`,
      position: { x: note.x, y: note.y },
      width: note.width,
      height: note.height,
    })),
  ];

  it('would fit below the label zoom on a laptop, so it opens on the start node instead', () => {
    const view = openingView(canvasNodes, 'start', LAPTOP_PANE);
    expect(view.layout.boxes).toHaveLength(canvasNodes.length);
    expect(view.viewport.zoom).toBe(READABLE_ZOOM);
    expect(view.viewport.x + 100 * READABLE_ZOOM).toBeCloseTo(LAPTOP_PANE.width / 2);
  });

  it('fits whole in a pane large enough to show its labels', () => {
    const view = openingView(canvasNodes, 'start', { width: 2400, height: 2000 });
    expect(view.viewport.zoom).toBeGreaterThanOrEqual(LABEL_ZOOM);
    expect(view.viewport.zoom).not.toBe(READABLE_ZOOM);
  });
});
