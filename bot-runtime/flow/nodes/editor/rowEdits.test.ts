import { describe, expect, it } from 'vitest';
import { removeRow, updateRow } from './rowEdits';

describe('row edits', () => {
  it('changes and removes one row, leaving the others alone', () => {
    const rows = [
      { skill: 'orders', level: 1 },
      { skill: 'billing', level: 2 },
    ];
    expect(updateRow(rows, 1, { level: 5 })).toEqual([
      { skill: 'orders', level: 1 },
      { skill: 'billing', level: 5 },
    ]);
    expect(removeRow(rows, 0)).toEqual([{ skill: 'billing', level: 2 }]);
  });
});
