import { describe, expect, it } from 'vitest';
import { formatIntentsCsv, parseIntentsCsv } from './intentsCsv';

describe('intents as CSV', () => {
  it('round-trips phrases with commas and quotes', () => {
    const intents = [
      { name: 'greet', description: '', phrases: ['hi', 'hello, there'] },
      { name: 'quote', description: '', phrases: ['say "cheese"'] },
    ];
    const csv = formatIntentsCsv(intents);
    expect(csv.split('\r\n')[0]).toBe('intent,phrase');
    expect(parseIntentsCsv(csv)).toEqual({
      rows: [
        { intent: 'greet', phrase: 'hi' },
        { intent: 'greet', phrase: 'hello, there' },
        { intent: 'quote', phrase: 'say "cheese"' },
      ],
      errors: [],
    });
  });

  it('reads a file without a header and names the lines it cannot use', () => {
    const parsed = parseIntentsCsv('greet,hi\n\nnot a name,hello\ngreet,\ngreet,hey,extra\n');
    expect(parsed.rows).toEqual([{ intent: 'greet', phrase: 'hi' }]);
    expect(parsed.errors.map((e) => e.line)).toEqual([3, 4, 5]);
    expect(parsed.errors[0]?.message).toContain('not an intent name');
  });
});
