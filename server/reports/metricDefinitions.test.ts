import { readFileSync } from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { CONVERSATIONS_IN_REPORT, METRIC_DEFINITIONS } from './metricDefinitions';

const oneLine = (text: string) => text.replace(/\s+/g, ' ');

describe('metric definitions', () => {
  it('are in the README word for word, so the page and the README never disagree', () => {
    const readme = oneLine(readFileSync(path.join(__dirname, '../../README.md'), 'utf8'));
    for (const text of [CONVERSATIONS_IN_REPORT, ...METRIC_DEFINITIONS.map((m) => m.definition)]) {
      expect(readme).toContain(oneLine(text));
    }
  });

  it('have one entry per id', () => {
    const ids = METRIC_DEFINITIONS.map(({ id }) => id);
    expect(new Set(ids).size).toBe(ids.length);
  });
});
