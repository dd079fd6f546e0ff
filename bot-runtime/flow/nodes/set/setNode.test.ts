import { describe, expect, it } from 'vitest';
import { buildFlow } from '../../../engine/testing/buildFlow';
import { conversation } from '../../../engine/testing/conversation';

describe('set node', () => {
  it('assigns from a template, a rule and a constant, then leaves through next', async () => {
    const flow = buildFlow({
      nodes: [
        { id: 'start', type: 'start' },
        {
          id: 'set',
          type: 'set',
          data: {
            assignments: [
              { variable: 'fullName', from: 'template', template: '{{first}} {{last}}' },
              { variable: 'copy', from: 'template', template: '{{count}}' },
              {
                variable: 'isBig',
                from: 'rule',
                rule: { rules: [{ variable: 'count', operator: 'greater', value: '10' }] },
              },
              { variable: 'topic', from: 'value', value: 'billing' },
            ],
          },
        },
        { id: 'bye', type: 'end', data: { message: '' } },
      ],
      edges: [
        ['start', 'next', 'set'],
        ['set', 'next', 'bye'],
      ],
      settings: {
        variables: [
          { name: 'first', type: 'string', default: 'Ada', description: '' },
          { name: 'last', type: 'string', default: 'Lovelace', description: '' },
          { name: 'count', type: 'number', default: 12, description: '' },
        ],
      },
    });
    const chat = conversation(flow);
    const result = await chat.send({ type: 'start' });
    expect(chat.state()?.variables).toMatchObject({
      fullName: 'Ada Lovelace',
      copy: 12,
      isBig: true,
      topic: 'billing',
    });
    expect(result.trace.steps[1]?.output).toBe('next');
  });
});
