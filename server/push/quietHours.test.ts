import { describe, expect, it } from 'vitest';
import { afterQuietHours } from './quietHours';

const night = { start: '22:00', end: '07:30' };

describe('quiet hours', () => {
  it('holds a reply sent at 23:15 in Berlin until 07:30 Berlin time', () => {
    // 22:15 UTC is 23:15 in Berlin in December (UTC+1).
    const held = afterQuietHours(new Date('2026-12-07T22:15:40Z'), night, 'Europe/Berlin');
    expect(held.toISOString()).toBe('2026-12-08T06:30:00.000Z');
  });

  it('lets a reply through at once outside the quiet hours of the device’s zone', () => {
    // The same instant is 17:15 in New York.
    const at = new Date('2026-12-07T22:15:40Z');
    expect(afterQuietHours(at, night, 'America/New_York')).toEqual(at);
  });

  it('applies hours that do not cross midnight', () => {
    const lunch = { start: '12:00', end: '13:00' };
    const held = afterQuietHours(new Date('2026-12-07T12:20:00Z'), lunch, 'UTC');
    expect(held.toISOString()).toBe('2026-12-07T13:00:00.000Z');
    const after = new Date('2026-12-07T13:00:00Z');
    expect(afterQuietHours(after, lunch, 'UTC')).toEqual(after);
  });

  it('sends at once when the device’s time zone is unknown or no hours are set', () => {
    const at = new Date('2026-12-07T23:00:00Z');
    expect(afterQuietHours(at, night, null)).toEqual(at);
    expect(afterQuietHours(at, null, 'UTC')).toEqual(at);
  });
});
