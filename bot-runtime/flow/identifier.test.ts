import { describe, expect, it } from 'vitest';
import { identifierSchema } from './identifier';

describe('identifierSchema', () => {
  it('takes names a template can hold', () => {
    expect(identifierSchema.safeParse('order_number').success).toBe(true);
    expect(identifierSchema.safeParse('constructor').success).toBe(true);
  });

  it('refuses __proto__, which a session could never keep a value under', () => {
    const result = identifierSchema.safeParse('__proto__');
    expect(result.success).toBe(false);
    expect(result.error?.issues[0]?.message).toMatch(/reserved/);
  });
});
