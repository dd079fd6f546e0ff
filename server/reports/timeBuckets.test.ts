import { describe, expect, it } from 'vitest';
import { periodOf, periodsOf, QUARTER_HOUR_MS } from './timeBuckets';

describe('placing quarter hours in local days and weeks', () => {
  // Zones with summer time (Paris, Santiago across midnight, Lord Howe by half an hour),
  // with quarter-hour offsets (Kathmandu, Chatham) and without either.
  const zones = [
    'Europe/Paris',
    'America/Santiago',
    'Australia/Lord_Howe',
    'Asia/Kathmandu',
    'Pacific/Chatham',
    'UTC',
  ];

  it.each(zones)(
    'gives every quarter of a year in %s the day and week periodOf gives it',
    (zone) => {
      const start = Date.UTC(2029, 11, 25);
      const quarters = Array.from(
        { length: (370 * 24 * 60 * 60 * 1000) / QUARTER_HOUR_MS },
        (_, i) => start + i * QUARTER_HOUR_MS,
      );
      for (const period of ['day', 'week'] as const) {
        const expected = quarters.map((at) => periodOf(new Date(at), zone, period));
        expect(periodsOf(quarters, zone, period)).toEqual(expected);
      }
    },
  );

  it('places quarters that skip days and weeks', () => {
    const quarters = [Date.UTC(2030, 0, 6, 22, 45), Date.UTC(2030, 0, 6, 23), Date.UTC(2030, 5, 1)];
    expect(periodsOf(quarters, 'Europe/Paris', 'day')).toEqual([
      '2030-01-06',
      '2030-01-07',
      '2030-06-01',
    ]);
  });
});
