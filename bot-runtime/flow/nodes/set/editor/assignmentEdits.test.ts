import { describe, expect, it } from 'vitest';
import { setDataSchema } from '../setData';
import { changeAssignmentSource, formatConstant, parseConstant } from './assignmentEdits';

describe('assignment edits', () => {
  it('switches an assignment between template, rule and value with data the set node accepts', () => {
    const start = { variable: 'topic', from: 'value', value: 'orders' } as const;
    for (const from of ['template', 'rule', 'value'] as const) {
      const assignment = changeAssignmentSource(start, from, 'email');
      expect(assignment).toMatchObject({ variable: 'topic', from });
      expect(setDataSchema.safeParse({ assignments: [assignment] }).success).toBe(true);
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
});
