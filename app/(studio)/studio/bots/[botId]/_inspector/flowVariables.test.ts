import { describe, expect, it } from 'vitest';
import { loadFlow } from '@/bot-runtime/flow';
import { flowVariables } from './flowVariables';

describe('flow variables', () => {
  it('lists declared variables, then the ones nodes set, each once', () => {
    const loaded = loadFlow({
      schemaVersion: 1,
      nodes: [
        { id: 'start', type: 'start' },
        {
          id: 'ask1',
          type: 'ask',
          label: 'Ask email',
          data: { prompt: 'Email?', variable: 'email' },
        },
        { id: 'ask2', type: 'ask', data: { prompt: 'Name?', variable: 'topic' } },
        { id: 'end', type: 'end', data: { csat: { enabled: true } } },
      ],
      settings: { variables: [{ name: 'topic', description: 'What it is about' }] },
    });
    if (!loaded.ok) throw new Error(loaded.error.message);
    expect(flowVariables(loaded.flow)).toEqual([
      { name: 'topic', detail: 'What it is about' },
      { name: 'email', detail: 'set by Ask email' },
      { name: 'csatRating', detail: 'set by end' },
      { name: 'csatComment', detail: 'set by end' },
    ]);
  });
});
