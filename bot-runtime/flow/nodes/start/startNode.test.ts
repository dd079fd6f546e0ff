import { describe, expect, it } from 'vitest';
import { buildFlow } from '../../../engine/testing/buildFlow';
import { conversation, textsOf } from '../../../engine/testing/conversation';

describe('start node', () => {
  it('begins every session and leaves through next', async () => {
    const flow = buildFlow({
      nodes: [
        { id: 'hello', type: 'end', data: { message: 'Hello from the start' } },
        { id: 'start', type: 'start' },
      ],
      edges: [['start', 'next', 'hello']],
    });
    const result = await conversation(flow).send({ type: 'start' });
    expect(textsOf(result)).toEqual(['Hello from the start']);
    expect(result.trace.steps[0]).toMatchObject({
      nodeId: 'start',
      output: 'next',
      nextNodeId: 'hello',
    });
  });
});
