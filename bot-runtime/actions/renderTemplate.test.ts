import { describe, expect, it } from 'vitest';
import { renderTemplate } from './renderTemplate';

describe('renderTemplate', () => {
  const variables = { name: 'Ada', order: { number: 'A 1' }, count: 2, tags: ['a'] };

  it('fills variables and dotted paths; a missing one renders empty', () => {
    expect(
      renderTemplate('{{name}} / {{ order.number }} / {{count}} / {{tags}} / {{nope}}', variables),
    ).toBe('Ada / A 1 / 2 / ["a"] / ');
  });

  it('escapes each value, not the text around it', () => {
    expect(renderTemplate('/orders/{{order.number}}?x=1', variables, encodeURIComponent)).toBe(
      '/orders/A%201?x=1',
    );
  });

  it('never reads from prototypes', () => {
    expect(renderTemplate('{{name.constructor}}{{__proto__}}', variables)).toBe('');
  });
});
