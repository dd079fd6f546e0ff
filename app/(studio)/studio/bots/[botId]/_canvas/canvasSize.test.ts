import { describe, expect, it } from 'vitest';
import {
  CANVAS_SIZE_COOKIE,
  canvasSizeCookie,
  DEFAULT_CANVAS_SIZE,
  parseCanvasSize,
} from './canvasSize';

describe('the remembered canvas size', () => {
  it('reads back what the browser wrote, rounded to whole pixels', () => {
    const cookie = canvasSizeCookie({ width: 1118.4, height: 985.7 });
    expect(cookie).toMatch(new RegExp(`^${CANVAS_SIZE_COOKIE}=1118x986; path=/studio;`));
    const value = cookie.split(';')[0]?.split('=')[1];
    expect(parseCanvasSize(value)).toEqual({ width: 1118, height: 986 });
  });

  it('falls back to the common desktop size for a missing, malformed or absurd value', () => {
    for (const value of [
      undefined,
      '',
      'wide',
      '1200x',
      '-5x700',
      '1200x700x3',
      '50x700',
      '99999x700',
    ]) {
      expect(parseCanvasSize(value)).toEqual(DEFAULT_CANVAS_SIZE);
    }
  });
});
