import { describe, expect, it } from 'vitest';
import { duration, nameIn, percent, score } from './format';

describe('how report figures read', () => {
  it('gives durations to the second under an hour, to the minute above', () => {
    expect([0, 45.4, 60, 200, 3599, 3600, 7530, 30 * 3600].map(duration)).toEqual([
      '0s',
      '45s',
      '1m 00s',
      '3m 20s',
      '59m 59s',
      '1h 00m',
      '2h 05m',
      '30h 00m',
    ]);
  });

  it('shows a dash where there is nothing to measure, never NaN', () => {
    expect([duration(null), percent(null), score(null)]).toEqual(['—', '—', '—']);
    expect([percent(1 / 3), percent(1), score(11 / 3)]).toEqual(['33.3%', '100.0%', '3.67']);
  });

  it('names ids from the options, "none" for no id, and says when a record is unknown', () => {
    const list = [{ id: 'q-orders', name: 'Orders' }];
    expect(nameIn(list, 'q-orders')).toBe('Orders');
    expect(nameIn(list, null, 'No queue')).toBe('No queue');
    expect(nameIn(list, '0123456789abcdef')).toBe('Unknown (01234567)');
  });
});
