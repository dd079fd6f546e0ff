import { describe, expect, it } from 'vitest';
import { buildFlow } from '../../../engine/testing/buildFlow';
import { conversation, textsOf } from '../../../engine/testing/conversation';
import { keywordClassifier } from '../../../engine/testing/keywordClassifier';

const flow = buildFlow({
  nodes: [
    { id: 'start', type: 'start' },
    { id: 'menu', type: 'intent', data: { intents: [{ intent: 'refund' }] } },
    {
      id: 'human',
      type: 'escalate',
      data: {
        queue: 'Billing',
        skills: [{ skill: 'refunds', level: 3 }],
        priority: 2,
        handoffMessage: 'Connecting you to billing.',
        variables: ['plan'],
        summary: 'Refund request on the {{plan}} plan',
      },
    },
    { id: 'busy', type: 'end', data: { message: 'Everyone is busy; we will email you.' } },
  ],
  edges: [
    ['start', 'next', 'menu'],
    ['menu', 'refund', 'human'],
    ['human', 'noAgent', 'busy'],
  ],
  settings: { variables: [{ name: 'plan', type: 'string', default: 'Pro', description: '' }] },
});
const nlu = keywordClassifier({ intents: { refund: ['refund'] } });

async function escalated() {
  const chat = conversation(flow, { nlu });
  await chat.send({ type: 'start' });
  return { chat, result: await chat.send('I want a refund') };
}

describe('escalate node', () => {
  it('hands off with queue, skills, priority, summary, intent, its own node and variables', async () => {
    const { result } = await escalated();
    expect(result.status).toBe('escalated');
    expect(result.outputs).toEqual([
      {
        type: 'handoff',
        handoff: {
          queue: 'Billing',
          skills: [{ skill: 'refunds', level: 3 }],
          priority: 2,
          summary: 'Refund request on the Pro plan',
          intent: 'refund',
          intentConfidence: 0.9,
          nodeId: 'human',
          variables: { plan: 'Pro' },
          message: 'Connecting you to billing.',
        },
      },
    ]);
  });

  it('stays escalated and silent while the customer waits for an agent', async () => {
    const { chat } = await escalated();
    const result = await chat.send('hello?');
    expect(result).toMatchObject({ outputs: [], status: 'escalated' });
  });

  it('leaves through noAgent when routing finds nobody', async () => {
    const { chat } = await escalated();
    const result = await chat.send({ type: 'noAgent' });
    expect(textsOf(result)).toEqual(['Everyone is busy; we will email you.']);
    expect(result.status).toBe('ended');
  });

  it('goes on through "Back from an agent" when an agent hands the conversation back', async () => {
    const withReturn = buildFlow({
      nodes: [
        ...flow.nodes,
        { id: 'welcomeBack', type: 'message', data: { text: 'You are back with the assistant.' } },
        { id: 'more', type: 'ask', data: { prompt: 'Anything else?', variable: 'more' } },
      ],
      edges: [
        ['start', 'next', 'menu'],
        ['menu', 'refund', 'human'],
        ['human', 'noAgent', 'busy'],
        ['human', 'returned', 'welcomeBack'],
        ['welcomeBack', 'next', 'more'],
      ],
      settings: flow.settings,
    });
    const chat = conversation(withReturn, { nlu });
    await chat.send({ type: 'start' });
    await chat.send('I want a refund');
    const result = await chat.send({ type: 'returned' });
    expect(textsOf(result)).toEqual(['You are back with the assistant.', 'Anything else?']);
    expect(result.status).toBe('awaiting_input');
  });

  it('starts the flow over when "Back from an agent" leads nowhere', async () => {
    const { chat } = await escalated();
    const result = await chat.send({ type: 'returned' });
    expect(result.status).toBe('awaiting_input');
    expect(result.state.currentNodeId).toBe('menu');
    const again = await chat.send('a refund please');
    expect(again.status).toBe('escalated');
  });
});
