'use client';

import { useStoreApi } from '@xyflow/react';
import { useEffect, useRef, useState } from 'react';

/** Dots every 20 flow units, as far apart as that stays readable. */
const GRID_GAP = 20;
/** Closer dots than this on screen are noise. */
const MIN_SCREEN_GAP = 12;

/** The distance between dots on screen at a zoom: the grid's, doubled until they are apart. */
function screenGap(zoom: number): number {
  const gap = GRID_GAP * zoom;
  return gap * 2 ** Math.max(0, Math.ceil(Math.log2(MIN_SCREEN_GAP / gap)));
}

type Transform = [number, number, number];

/** Where the grid layer goes: one gap beyond the pane's corner, shifted by the pan within a gap. */
function placement([x, y, zoom]: Transform) {
  const gap = screenGap(zoom);
  const within = (offset: number) => ((offset % gap) + gap) % gap;
  return { gap, transform: `translate(${within(x) - gap}px, ${within(y) - gap}px)` };
}

/**
 * The dot grid behind the flow. It is painted once per zoom, one gap larger than the pane on
 * every side, and panning only shifts it by less than a gap, which the compositor does without
 * painting. React Flow's own background repainted the whole pane on every pan frame, and without
 * a GPU that took about half of a frame.
 */
export function DotGrid() {
  const store = useStoreApi();
  const ref = useRef<HTMLDivElement>(null);
  // The server's render and the first one in the browser place it from the same fitted view.
  const [initial] = useState(() => placement(store.getState().transform));
  useEffect(() => {
    let lastTransform: Transform | null = null;
    let lastGap = initial.gap;
    const follow = (transform: Transform) => {
      const element = ref.current;
      if (!element || transform === lastTransform) return;
      lastTransform = transform;
      const { gap, transform: shift } = placement(transform);
      if (gap !== lastGap) element.style.setProperty('--dot-gap', `${gap}px`);
      lastGap = gap;
      element.style.transform = shift;
    };
    follow(store.getState().transform);
    return store.subscribe((state) => follow(state.transform));
  }, [store, initial]);
  return (
    <div
      ref={ref}
      className="dot-grid"
      aria-hidden="true"
      style={{ ['--dot-gap' as string]: `${initial.gap}px`, transform: initial.transform }}
    />
  );
}
