import { describe, expect, it } from 'vitest';
import { fillQuickText } from './fillQuickText';

describe('fillQuickText', () => {
  it('fills the variables it has values for, spaces inside the braces allowed', () => {
    expect(
      fillQuickText('Hi {{contact.name}}, this is {{ agent.name }}.', {
        'contact.name': 'Jamie',
        'agent.name': 'Alice',
      }),
    ).toBe('Hi Jamie, this is Alice.');
  });

  it('leaves a variable without a value as typed, for the agent to see before sending', () => {
    expect(
      fillQuickText('Hi {{contact.name}}, about {{order.number}}', { 'contact.name': null }),
    ).toBe('Hi {{contact.name}}, about {{order.number}}');
  });
});
