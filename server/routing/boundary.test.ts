import { describe, expect, it } from 'vitest';
import { importOffenders } from '../testing/importOffenders';

// Messaging hands conversations to routing; routing owns the hand-off and its work items, so
// an import the other way would make the two one tangle again.
describe('routing boundary', () => {
  it('never imports server/messaging', () => {
    expect(
      importOffenders(
        'server/routing',
        (_, target) => !(target === 'server/messaging' || target?.startsWith('server/messaging/')),
      ),
    ).toEqual([]);
  });
});
