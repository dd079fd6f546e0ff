import { describe, expect, it } from 'vitest';
import {
  completionPrefixAt,
  insertCompletion,
  matchingVariables,
  unknownVariables,
} from './templateCompletion';

const variables = [
  { name: 'orderNumber', detail: 'string' },
  { name: 'orderState', detail: 'string' },
  { name: 'email', detail: 'string' },
  { name: 'reorder', detail: 'set by Ask' },
];

describe('template completion', () => {
  it('finds the placeholder being typed before the caret', () => {
    expect(completionPrefixAt('Hi {{', 5)).toEqual({ start: 3, query: '' });
    expect(completionPrefixAt('Hi {{ ord', 9)).toEqual({ start: 3, query: 'ord' });
    expect(completionPrefixAt('Hi {{order}} there', 18)).toBeNull();
    expect(completionPrefixAt('Hi {', 4)).toBeNull();
  });

  it('offers names starting with what was typed before names that only contain it', () => {
    expect(matchingVariables(variables, 'ORD').map((v) => v.name)).toEqual([
      'orderNumber',
      'orderState',
      'reorder',
    ]);
    expect(matchingVariables(variables, '')).toHaveLength(4);
  });

  it('replaces the typed prefix with the whole placeholder and puts the caret after it', () => {
    const typed = 'Order {{ord is late';
    expect(insertCompletion(typed, 11, { start: 6, query: 'ord' }, 'orderNumber')).toEqual({
      text: 'Order {{orderNumber}} is late',
      caret: 21,
    });
  });

  it('takes in the rest of a name and the braces already after the caret', () => {
    expect(insertCompletion('Hi {{em}}!', 7, { start: 3, query: 'em' }, 'email')).toEqual({
      text: 'Hi {{email}}!',
      caret: 12,
    });
  });

  it('reports variables the flow neither declares nor sets', () => {
    expect(unknownVariables('{{email}} {{orderNumber.id}} {{nope}} {{ nope }}', variables)).toEqual(
      ['nope'],
    );
  });
});
