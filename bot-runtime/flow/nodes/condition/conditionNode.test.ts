import { describe, expect, it } from 'vitest';
import { buildFlow } from '../../../engine/testing/buildFlow';
import { conversation, textsOf } from '../../../engine/testing/conversation';

function vipFlow(condition: Record<string, unknown>, variables: Record<string, unknown>) {
  return buildFlow({
    nodes: [
      { id: 'start', type: 'start' },
      { id: 'check', type: 'condition', data: condition },
      { id: 'yes', type: 'end', data: { message: 'yes' } },
      { id: 'no', type: 'end', data: { message: 'no' } },
    ],
    edges: [
      ['start', 'next', 'check'],
      ['check', 'true', 'yes'],
      ['check', 'false', 'no'],
    ],
    settings: {
      variables: Object.entries(variables).map(([name, value]) => ({
        name,
        type: 'string' as const,
        default: value as string,
        description: '',
      })),
    },
  });
}

async function branch(condition: Record<string, unknown>, variables: Record<string, unknown>) {
  const result = await conversation(vipFlow(condition, variables)).send({ type: 'start' });
  return textsOf(result)[0];
}

describe('condition node', () => {
  it('takes true when all rules pass and shows each rule in the trace', async () => {
    const chat = conversation(
      vipFlow(
        {
          match: 'all',
          rules: [
            { variable: 'tier', operator: 'equals', value: 'gold' },
            { variable: 'spend', operator: 'greater', value: '{{threshold}}' },
          ],
        },
        { tier: 'Gold', spend: 900, threshold: 500 },
      ),
    );
    const result = await chat.send({ type: 'start' });
    expect(textsOf(result)).toEqual(['yes']);
    const step = result.trace.steps.find((s) => s.nodeId === 'check');
    expect(step?.reasons[0]).toMatchObject({
      kind: 'rules',
      passed: true,
      results: [{ passed: true }, { passed: true, expected: '500' }],
    });
  });

  it('takes false when one of all rules fails, true when any rule passes', async () => {
    const rules = [
      { variable: 'tier', operator: 'equals', value: 'gold' },
      { variable: 'spend', operator: 'less', value: '100' },
    ];
    expect(await branch({ match: 'all', rules }, { tier: 'gold', spend: 900 })).toBe('no');
    expect(await branch({ match: 'any', rules }, { tier: 'gold', spend: 900 })).toBe('yes');
  });

  it('supports contains, matches, is set and is not set', async () => {
    const vars = { email: 'ada@example.com', note: '' };
    expect(
      await branch(
        { rules: [{ variable: 'email', operator: 'contains', value: 'EXAMPLE' }] },
        vars,
      ),
    ).toBe('yes');
    expect(
      await branch({ rules: [{ variable: 'email', operator: 'matches', value: '^ada@' }] }, vars),
    ).toBe('yes');
    expect(await branch({ rules: [{ variable: 'email', operator: 'isSet' }] }, vars)).toBe('yes');
    expect(await branch({ rules: [{ variable: 'note', operator: 'isSet' }] }, vars)).toBe('no');
    expect(await branch({ rules: [{ variable: 'missing', operator: 'isNotSet' }] }, vars)).toBe(
      'yes',
    );
  });

  it('treats a broken pattern as a failed rule instead of crashing the turn', async () => {
    const vars = { email: 'ada@example.com' };
    expect(
      await branch({ rules: [{ variable: 'email', operator: 'matches', value: '([' }] }, vars),
    ).toBe('no');
  });

  it('matches a pattern taken from a variable, ignoring case', async () => {
    const rules = [{ variable: 'code', operator: 'matches', value: '^{{prefix}}-\\d{3}$' }];
    expect(await branch({ rules }, { code: 'vip-042', prefix: 'VIP' })).toBe('yes');
    expect(await branch({ rules }, { code: 'vip-42', prefix: 'VIP' })).toBe('no');
    const whole = [{ variable: 'code', operator: 'matches', value: '{{pattern}}' }];
    expect(await branch({ rules: whole }, { code: 'A1001', pattern: '^[a-z]\\d{4}$' })).toBe('yes');
  });

  it('answers a catastrophic pattern from a variable at once, on a long value', async () => {
    // Backtracking, this would take minutes: each extra "a" doubles the time.
    const rules = [{ variable: 'answer', operator: 'matches', value: '{{pattern}}' }];
    const vars = { answer: 'a'.repeat(5_000), pattern: '(a+)+b' };
    const result = await conversation(vipFlow({ rules }, vars)).send({ type: 'start' });
    expect(textsOf(result)).toEqual(['no']);
    expect(await branch({ rules }, { ...vars, answer: `${vars.answer}b` })).toBe('yes');
  });

  it('fails a rule whose pattern from a variable cannot run, and says why in the trace', async () => {
    const rules = [
      { variable: 'email', operator: 'matches', value: '{{pattern}}' },
      { variable: 'email', operator: 'contains', value: 'example' },
    ];
    for (const pattern of ['(', '(a)\\1', '(?=ada)ada']) {
      const vars = { email: 'ada@example.com', pattern };
      const result = await conversation(vipFlow({ match: 'any', rules }, vars)).send({
        type: 'start',
      });
      expect(textsOf(result)).toEqual(['yes']);
      const step = result.trace.steps.find((s) => s.nodeId === 'check');
      expect(step?.reasons[0]).toMatchObject({
        kind: 'rules',
        results: [
          { passed: false, expected: pattern, error: { code: 'INVALID_PATTERN' } },
          { passed: true },
        ],
      });
    }
  });
});
