import { describe, expect, it } from 'vitest';
import { formatDuration, secondsLeft } from './countdown';

describe('the offer countdown', () => {
  it('counts whole seconds down to the deadline and stops at zero', () => {
    const deadline = new Date(60_000);
    expect(secondsLeft(deadline, 30_500)).toBe(30);
    expect(secondsLeft(deadline, 59_999)).toBe(1);
    expect(secondsLeft(deadline, 75_000)).toBe(0);
  });

  it('reads as minutes and seconds, with hours only for long waits', () => {
    expect(formatDuration(42)).toBe('0:42');
    expect(formatDuration(725)).toBe('12:05');
    expect(formatDuration(3_725)).toBe('1:02:05');
  });
});
