import { describe, expect, it } from 'vitest';
import { nodeRegistry } from '@/bot-runtime/flow';
import {
  changeAssignmentSource,
  formatConstant,
  nextResultMapping,
  parseConstant,
  removeRow,
  setOptional,
  updateRow,
} from './rowEdits';

const field = (name: string) => ({ name, type: 'string', required: true, nullable: false });

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

  it('switches an assignment between template, rule and value with data the set node accepts', () => {
    const setNode = nodeRegistry.get('set');
    const start = { variable: 'topic', from: 'value', value: 'orders' } as const;
    for (const from of ['template', 'rule', 'value'] as const) {
      const assignment = changeAssignmentSource(start, from, 'email');
      expect(assignment).toMatchObject({ variable: 'topic', from });
      expect(setNode?.dataSchema.safeParse({ assignments: [assignment] }).success).toBe(true);
    }
  });

  it('keeps a constant as the type its variable is declared with', () => {
    expect(parseConstant('42', 'number')).toBe(42);
    expect(parseConstant('4x', 'number')).toBe('4x');
    expect(parseConstant('true', 'boolean')).toBe(true);
    expect(parseConstant('["a"]', 'list')).toEqual(['a']);
    expect(parseConstant('42', 'string')).toBe('42');
    expect(formatConstant(['a'])).toBe('["a"]');
    expect(formatConstant(null)).toBe('');
  });

  it('maps the next unmapped result field into a variable of the same name', () => {
    const fields = [field('status'), field('estimatedDelivery'), field('tracking-url')];
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

  it('leaves an emptied optional text out instead of keeping an empty string', () => {
    const button = { label: 'Track', url: 'https://t.example' };
    expect(setOptional(button, 'url', '')).toStrictEqual({ label: 'Track' });
    expect(setOptional(button, 'url', 'https://x.example')).toEqual({
      label: 'Track',
      url: 'https://x.example',
    });
  });
});
