import { setImmediate as nextIteration } from 'node:timers/promises';
import { describe, expect, it } from 'vitest';
import { TurnPacer } from './turnPacer';

describe('TurnPacer', () => {
  it('starts at most its share of turns in one iteration and the rest later, in order', async () => {
    const pacer = new TurnPacer(2);
    const started: number[] = [];
    const turns = [1, 2, 3, 4, 5].map((turn) => pacer.slot().then(() => started.push(turn)));

    await Promise.resolve();
    expect(started).toEqual([1, 2]);
    await nextIteration();
    expect(started).toEqual([1, 2, 3, 4]);
    await nextIteration();
    expect(started).toEqual([1, 2, 3, 4, 5]);
    await Promise.all(turns);
  });

  it('gives a fresh share to each iteration when nobody is waiting', async () => {
    const pacer = new TurnPacer(1);
    await pacer.slot();
    let second = false;
    const waiting = pacer.slot().then(() => {
      second = true;
    });
    await Promise.resolve();
    expect(second).toBe(false);
    await nextIteration();
    await waiting;
    expect(second).toBe(true);
    await nextIteration();
    let third = false;
    const fresh = pacer.slot().then(() => {
      third = true;
    });
    await Promise.resolve();
    expect(third).toBe(true);
    await fresh;
  });
});
