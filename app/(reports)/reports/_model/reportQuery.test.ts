import { describe, expect, it } from 'vitest';
import {
  fillPeriods,
  filtersOf,
  parseReportQuery,
  reportQueryString,
  todayIn,
  zonedMidnight,
} from './reportQuery';

const read = (query: string, today = '2026-03-31') =>
  parseReportQuery(new URLSearchParams(query), today);

describe('the Reports page’s view in its URL', () => {
  it('defaults to the org’s last 30 days, today included, by day', () => {
    expect(read('')).toEqual({
      ok: true,
      query: { range: '30d', fromDay: '2026-03-02', toDay: '2026-03-31', period: 'day' },
    });
    expect(read('range=7d').query).toMatchObject({ fromDay: '2026-03-25', toDay: '2026-03-31' });
  });

  it('reads chosen days and filters, and writes them back the same', () => {
    const text =
      'range=custom&from=2026-01-05&to=2026-01-11&deployment=d1&botVersion=v2&queue=q1&agent=a1&channel=web&period=week';
    const parsed = read(text);
    expect(parsed).toEqual({
      ok: true,
      query: {
        range: 'custom',
        fromDay: '2026-01-05',
        toDay: '2026-01-11',
        deploymentId: 'd1',
        botVersionId: 'v2',
        queueId: 'q1',
        agentId: 'a1',
        channel: 'web',
        period: 'week',
      },
    });
    expect(read(reportQueryString(parsed.query))).toEqual(parsed);
    expect(reportQueryString(read('').query)).toBe('');
  });

  it('says what to fix in a range that cannot be read, and ignores an unknown channel', () => {
    expect(read('from=2026-01-05')).toMatchObject({
      ok: false,
      problem: 'Choose both the first and the last day of the range.',
    });
    expect(read('from=2026-02-30&to=2026-03-01')).toMatchObject({ ok: false });
    expect(read('from=2026-01-09&to=2026-01-05')).toMatchObject({
      ok: false,
      problem: 'The first day must not come after the last day.',
    });
    expect(read('channel=fax').query.channel).toBeUndefined();
    expect(read('from=2024-01-01&to=2025-12-31')).toMatchObject({ ok: true });
    expect(read('from=2024-01-01&to=2026-01-01')).toMatchObject({
      ok: false,
      problem:
        'A range can cover at most 731 days; choose a later first day or an earlier last day.',
    });
  });

  it('asks the server for the org’s midnights, across a change to summer time', () => {
    const parsed = read('from=2026-03-28&to=2026-03-29&channel=in_app');
    expect(filtersOf(parsed.query, 'Europe/Paris')).toEqual({
      from: new Date('2026-03-27T23:00:00Z'),
      // Paris moves to UTC+2 on 29 March: the 30th starts at 22:00 UTC.
      to: new Date('2026-03-29T22:00:00Z'),
      channel: 'in_app',
    });
    expect(zonedMidnight('2026-01-05', 'UTC')).toEqual(new Date('2026-01-05T00:00:00Z'));
    expect(zonedMidnight('2026-07-01', 'America/New_York')).toEqual(
      new Date('2026-07-01T04:00:00Z'),
    );
    expect(zonedMidnight('2026-01-01', 'Asia/Kolkata')).toEqual(new Date('2025-12-31T18:30:00Z'));
    expect(todayIn('Pacific/Auckland', new Date('2026-01-05T12:00:00Z'))).toBe('2026-01-06');
  });
});

describe('the chart’s days and weeks', () => {
  it('lists every day or week of the range, zero where nothing started', () => {
    const counts = [
      { period: '2026-01-06', conversations: 3 },
      { period: '2026-01-12', conversations: 1 },
    ];
    expect(fillPeriods(counts, '2026-01-05', '2026-01-08', 'day')).toEqual([
      { period: '2026-01-05', conversations: 0 },
      { period: '2026-01-06', conversations: 3 },
      { period: '2026-01-07', conversations: 0 },
      { period: '2026-01-08', conversations: 0 },
    ]);
    // Wednesday 7th to Tuesday 13th touches the weeks of Monday 5th and Monday 12th.
    expect(
      fillPeriods(
        [
          { period: '2026-01-05', conversations: 2 },
          { period: '2026-01-12', conversations: 1 },
        ],
        '2026-01-07',
        '2026-01-13',
        'week',
      ),
    ).toEqual([
      { period: '2026-01-05', conversations: 2 },
      { period: '2026-01-12', conversations: 1 },
    ]);
  });
});
