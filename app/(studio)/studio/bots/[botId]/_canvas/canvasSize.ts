/**
 * The size of the canvas pane, remembered in a cookie so the server can fit the flow into it
 * and send the canvas already drawn. Without it the first frame is fitted to a guess and
 * refitted once the browser knows the real size.
 */
export interface CanvasSize {
  width: number;
  height: number;
}

export const CANVAS_SIZE_COOKIE = 'parley_canvas_size';

/** The pane of the editor on a 1920×1080 screen, the most common desktop. */
export const DEFAULT_CANVAS_SIZE: CanvasSize = { width: 1120, height: 985 };

const MIN_SIDE = 100;
const MAX_SIDE = 10_000;

/** Anything but two whole numbers of pixels in a sensible range is the default guess. */
export function parseCanvasSize(value: string | undefined): CanvasSize {
  const match = /^(\d{1,5})x(\d{1,5})$/.exec(value ?? '');
  if (!match) return DEFAULT_CANVAS_SIZE;
  const width = Number(match[1]);
  const height = Number(match[2]);
  const inRange = (side: number) => side >= MIN_SIDE && side <= MAX_SIDE;
  return inRange(width) && inRange(height) ? { width, height } : DEFAULT_CANVAS_SIZE;
}

const ONE_YEAR_SECONDS = 365 * 24 * 60 * 60;

/** The `document.cookie` assignment that remembers a size for the studio's pages. */
export function canvasSizeCookie(size: CanvasSize): string {
  const value = `${Math.round(size.width)}x${Math.round(size.height)}`;
  return `${CANVAS_SIZE_COOKIE}=${value}; path=/studio; max-age=${ONE_YEAR_SECONDS}; samesite=lax`;
}
