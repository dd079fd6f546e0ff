import { describe, expect, it } from 'vitest';
import { intentNamePhrases } from './intentNamePhrases';

describe('intent names read as phrases', () => {
  it('splits snake case, kebab case, camel case and acronyms into lower-case words', () => {
    const phrases = intentNamePhrases([
      'improve_credit_score',
      'talk-to-human',
      'BookRestaurant',
      'getPTORequest',
      'order status',
      'w2',
    ]);
    expect(Object.fromEntries(phrases)).toEqual({
      improve_credit_score: 'improve credit score',
      'talk-to-human': 'talk to human',
      BookRestaurant: 'book restaurant',
      getPTORequest: 'get pto request',
      'order status': 'order status',
      w2: 'w2',
    });
  });

  it('keeps letters beyond ASCII', () => {
    expect(intentNamePhrases(['änderung_bestätigen']).get('änderung_bestätigen')).toBe(
      'änderung bestätigen',
    );
  });

  it('leaves out names without a word and names that come to the same phrase', () => {
    const phrases = intentNamePhrases(['q_7', '42', 'label_1', 'label_2', 'refund']);
    expect([...phrases.keys()]).toEqual(['refund']);
  });
});
