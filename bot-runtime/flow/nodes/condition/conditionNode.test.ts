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
});
