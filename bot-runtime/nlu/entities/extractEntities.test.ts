import { describe, expect, it } from 'vitest';
import { builtinEntityNames } from '../schema';
import { createEntityExtractor } from './extractEntities';

const now = new Date('2025-03-14T10:00:00Z'); // a Friday
const extract = createEntityExtractor(
  [
    { kind: 'regex', name: 'orderNumber', pattern: '\\b[A-Z]\\d{4}\\b', flags: 'i' },
    { kind: 'regex', name: 'ticket', pattern: 'ticket #(\\d+)', flags: 'i' },
    {
      kind: 'list',
      name: 'shippingMethod',
      values: [
        { value: 'express', synonyms: ['next day', 'next day delivery', 'overnight'] },
        { value: 'standard', synonyms: ['regular'] },
      ],
    },
  ],
  [...builtinEntityNames],
  'en',
);
const found = (text: string) =>
  extract(text, now).map(({ entity, value, text: said }) => ({ entity, value, said }));

describe('entities', () => {
  it('maps list synonyms to their value, whole words only, ignoring case', () => {
    expect(found('Next Day Delivery please, not regular')).toEqual([
      { entity: 'shippingMethod', value: 'express', said: 'Next Day Delivery' },
      { entity: 'shippingMethod', value: 'standard', said: 'regular' },
    ]);
    expect(found('irregular overnighter')).toEqual([]);
  });

  it('runs a regex entity in linear time, and one it cannot run finds nothing', () => {
    const risky = createEntityExtractor(
      [
        { kind: 'regex', name: 'nested', pattern: '(a+)+b', flags: 'i' },
        { kind: 'regex', name: 'lookahead', pattern: '(?=x)x', flags: 'i' },
      ],
      [],
      'en',
    );
    // Backtracking, `(a+)+b` would take minutes on this message.
    expect(risky(`x ${'a'.repeat(5_000)}`, now)).toEqual([]);
    expect(risky('x aaAB', now)).toEqual([
      { entity: 'nested', value: 'aaA', text: 'aaAB', start: 2, end: 6 },
    ]);
  });

  it('finds regex entities, taking the capture group when there is one', () => {
    expect(found('order A1001 and ticket #778')).toEqual([
      { entity: 'orderNumber', value: 'A1001', said: 'A1001' },
      { entity: 'ticket', value: '778', said: 'ticket #778' },
    ]);
  });

  it('reads numbers in digits and words, not inside other entities', () => {
    expect(found('I want 3 shirts, twelve socks and 1,250.50 worth of A1001')).toEqual([
      { entity: 'number', value: 3, said: '3' },
      { entity: 'number', value: 12, said: 'twelve' },
      { entity: 'number', value: 1250.5, said: '1,250.50' },
      { entity: 'orderNumber', value: 'A1001', said: 'A1001' },
    ]);
  });

  it('reads emails, lower-cased', () => {
    expect(found('mail me at Jane.Doe+shop@Example.co.uk.')).toEqual([
      {
        entity: 'email',
        value: 'jane.doe+shop@example.co.uk',
        said: 'Jane.Doe+shop@Example.co.uk',
      },
    ]);
  });

  it('reads phone numbers as digits, keeping the country code', () => {
    expect(found('call +1 (555) 123-4567 or 020 7946 0958')).toEqual([
      { entity: 'phone', value: '+15551234567', said: '+1 (555) 123-4567' },
      { entity: 'phone', value: '02079460958', said: '020 7946 0958' },
    ]);
  });

  it('reads absolute and relative dates as ISO dates', () => {
    expect(found('2025-04-01, 5/3/2025, 25/12/2025, May 3rd, 7 june 2026')).toEqual([
      { entity: 'date', value: '2025-04-01', said: '2025-04-01' },
      { entity: 'date', value: '2025-05-03', said: '5/3/2025' },
      { entity: 'date', value: '2025-12-25', said: '25/12/2025' },
      { entity: 'date', value: '2025-05-03', said: 'May 3rd' },
      { entity: 'date', value: '2026-06-07', said: '7 june 2026' },
    ]);
    expect(found('tomorrow or next friday, not yesterday')).toEqual([
      { entity: 'date', value: '2025-03-15', said: 'tomorrow' },
      { entity: 'date', value: '2025-03-21', said: 'next friday' },
      { entity: 'date', value: '2025-03-13', said: 'yesterday' },
    ]);
  });

  it('ignores impossible dates and leaves their digits to numbers', () => {
    expect(found('2025-02-30')).not.toContainEqual(expect.objectContaining({ entity: 'date' }));
  });

  it('extracts only the built-ins the bot enabled', () => {
    const onlyEmail = createEntityExtractor([], ['email'], 'en');
    expect(
      onlyEmail('call 555 123 4567 tomorrow, or a@b.io', now).map((match) => match.entity),
    ).toEqual(['email']);
  });
});
