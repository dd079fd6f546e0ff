import { describe, expect, it } from 'vitest';
import { nextResultMapping } from './nextResultMapping';

describe('next result mapping', () => {
  it('maps the next unmapped result field into a variable of the same name', () => {
    const fields = [{ name: 'status' }, { name: 'estimatedDelivery' }, { name: 'tracking-url' }];
    expect(nextResultMapping([{ path: 'status', variable: 'orderState' }], fields)).toEqual({
      path: 'estimatedDelivery',
      variable: 'estimatedDelivery',
    });
    expect(
      nextResultMapping(
        [
          { path: 'status', variable: 'a' },
          { path: 'estimatedDelivery', variable: 'b' },
        ],
        fields,
      ),
    ).toEqual({
      path: 'tracking-url',
      variable: 'result',
    });
    expect(nextResultMapping([], [])).toBeNull();
  });
});
