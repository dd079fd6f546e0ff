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
    // "order 1" to "order 5" are uniform too; that warning has tests of its own below.
    const warnings = nluWarnings(nlu).filter((warning) => warning.kind !== 'uniformPhrases');
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
    const warnings = nluWarnings(nlu).filter((warning) => warning.kind === 'sharedPhrase');
    expect(warnings).toEqual([
      expect.objectContaining({ kind: 'sharedPhrase', intents: ['refund', 'returns'] }),
    ]);
    expect(warningsOf(warnings, 'returns')).toHaveLength(1);
    expect(warningsOf(warnings, 'other')).toHaveLength(0);
  });
});

describe('warnings that compare phrases', () => {
  const kinds = (nlu: unknown) => nluWarnings(nluDefinitionSchema.parse(nlu)).map((w) => w.kind);

  it('says when an intent’s phrases are rewordings of one sentence, and what to add', () => {
    const warnings = nluWarnings(
      nluDefinitionSchema.parse({
        intents: [
          {
            name: 'orderStatus',
            phrases: [
              'where is my order',
              'where is my order now',
              'where is my order please',
              'where is my order today?',
              'my order, where is it',
            ],
          },
        ],
      }),
    );
    const uniform = warnings.find((w) => w.kind === 'uniformPhrases');
    expect(uniform).toMatchObject({ intent: 'orderStatus' });
    expect(uniform?.kind === 'uniformPhrases' && uniform.reasons).toEqual(
      expect.arrayContaining(['paraphrases', 'oneWord']),
    );
    expect(uniform?.message).toContain('add ones that come at it from another side');
  });

  it('asks for questions when there are none, and statements when there is nothing else', () => {
    const statements = [
      'I forgot my password',
      'reset my login',
      'locked out of the account',
      'the sign in page rejects me',
      'new credentials needed',
    ];
    const questions = [
      'what are your opening hours?',
      'when do you close',
      'are you open on sunday?',
      'how late is the shop open?',
      'can I visit on a holiday?',
    ];
    const reasons = (phrases: string[]) =>
      nluWarnings(nluDefinitionSchema.parse({ intents: [{ name: 'x', phrases }] })).flatMap((w) =>
        w.kind === 'uniformPhrases' ? w.reasons : [],
      );
    expect(reasons(statements)).toEqual(['noQuestions']);
    expect(reasons(questions)).toEqual(['onlyQuestions']);
    expect(reasons([...statements.slice(0, 3), ...questions.slice(0, 3)])).toEqual([]);
  });

  it('warns when two intents overlap', () => {
    const warnings = nluWarnings(
      nluDefinitionSchema.parse({
        intents: [
          {
            name: 'refund',
            phrases: [
              'I want a refund for my order',
              'can I get my money back?',
              'refund my purchase please',
              'how do I get a refund',
              'money back for the item',
            ],
          },
          {
            name: 'refundRequest',
            phrases: [
              'I want my money back for my order',
              'can I get a refund?',
              'refund please',
              'how do I get my refund',
              'please refund the item',
            ],
          },
        ],
      }),
    );
    expect(warnings).toContainEqual(
      expect.objectContaining({ kind: 'overlappingIntents', intents: ['refund', 'refundRequest'] }),
    );
    expect(warnings.find((w) => w.kind === 'overlappingIntents')?.message).toContain('Merge them');
  });

  it('points out a phrase that reads like another intent', () => {
    const warnings = nluWarnings(
      nluDefinitionSchema.parse({
        intents: [
          {
            name: 'orderStatus',
            phrases: [
              'where is my order?',
              'track my parcel',
              'my package has not arrived',
              'when will my delivery come',
              'has my order shipped yet?',
            ],
          },
          {
            name: 'returns',
            phrases: [
              'how do I return an item?',
              'I want to send it back',
              'what is your return policy',
              'refund for a broken product',
              'where is my order?!',
              'exchange for another size',
            ],
          },
        ],
      }),
    );
    expect(warnings).toContainEqual(
      expect.objectContaining({
        kind: 'phraseCloserToOther',
        phrase: 'where is my order?!',
        intents: ['returns', 'orderStatus'],
      }),
    );
    expect(warningsOf(warnings, 'returns').map((w) => w.kind)).toContain('phraseCloserToOther');
  });

  it('finds nothing to say about the demo bot as it ships', async () => {
    const { readFile } = await import('node:fs/promises');
    const template = JSON.parse(
      await readFile('bot-runtime/templates/customer-support.json', 'utf8'),
    ) as { nlu: unknown };
    expect(kinds(template.nlu)).toEqual([]);
  });
});
