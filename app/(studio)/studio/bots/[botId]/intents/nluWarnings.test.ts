import { describe, expect, it } from 'vitest';
import { nluDefinitionSchema } from '@/bot-runtime/flow';
import { nluWarnings, warningsOf } from './nluWarnings';

const five = (stem: string) => [1, 2, 3, 4, 5].map((n) => `${stem} ${n}`);

describe('warnings about training phrases', () => {
  it('warns about an intent with fewer than 5 phrases', () => {
    const nlu = nluDefinitionSchema.parse({
      intents: [
        { name: 'thin', phrases: ['hi', 'hello'] },
        { name: 'solid', phrases: five('order') },
      ],
    });
    const warnings = nluWarnings(nlu);
    expect(warnings).toEqual([
      expect.objectContaining({ kind: 'fewPhrases', intent: 'thin', count: 2 }),
    ]);
    expect(warnings[0]?.message).toContain('add at least 5');
  });

  it('warns about a phrase taught to two intents, whatever its case and spacing', () => {
    const nlu = nluDefinitionSchema.parse({
      intents: [
        { name: 'refund', phrases: [...five('refund'), 'Money  back'] },
        { name: 'returns', phrases: [...five('return'), 'money back'] },
      ],
    });
    const warnings = nluWarnings(nlu);
    expect(warnings).toEqual([
      expect.objectContaining({ kind: 'sharedPhrase', intents: ['refund', 'returns'] }),
    ]);
    expect(warningsOf(warnings, 'returns')).toHaveLength(1);
    expect(warningsOf(warnings, 'other')).toHaveLength(0);
  });
});
