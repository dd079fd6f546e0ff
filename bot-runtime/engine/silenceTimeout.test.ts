import { describe, expect, it } from 'vitest';
import { silenceTimeout } from './silenceTimeout';
import { buildFlow } from './testing/buildFlow';
import { conversation } from './testing/conversation';

function askFlow(noInputAfterMinutes: number, withNoInputPath = true) {
  return buildFlow({
    nodes: [
      { id: 'start', type: 'start' },
      {
        id: 'q',
        type: 'ask',
        data: {
          prompt: 'Email?',
          variable: 'email',
          answerType: 'email',
          noInputAfterMinutes,
        },
      },
      { id: 'done', type: 'end' },
      { id: 'silent', type: 'end', data: { message: 'Still there?' } },
    ],
    edges: [
      ['start', 'next', 'q'],
      ['q', 'next', 'done'],
      ['q', 'invalid', 'done'],
      ...(withNoInputPath ? [['q', 'noInput', 'silent'] as [string, string, string]] : []),
    ],
  });
}

async function waitingAt(flow: ReturnType<typeof askFlow>) {
  const chat = conversation(flow);
  await chat.send({ type: 'start' });
  return chat;
}

describe('silence timeout', () => {
  it('tells the host how long an ask node waits before its No answer path', async () => {
    const flow = askFlow(5);
    const chat = await waitingAt(flow);
    expect(silenceTimeout(flow, chat.state())).toEqual({ wait: 1, afterMs: 5 * 60_000 });
    await chat.send('not an email');
    expect(silenceTimeout(flow, chat.state())).toEqual({ wait: 2, afterMs: 5 * 60_000 });
  });

  it('has none when the ask waits forever or has no No answer path', async () => {
    const forever = askFlow(0);
    expect(silenceTimeout(forever, (await waitingAt(forever)).state())).toBeNull();
    const nowhere = askFlow(5, false);
    expect(silenceTimeout(nowhere, (await waitingAt(nowhere)).state())).toBeNull();
  });

  it('has none once the conversation has ended', async () => {
    const flow = askFlow(5);
    const chat = await waitingAt(flow);
    await chat.send({ type: 'timeout' });
    expect(silenceTimeout(flow, chat.state())).toBeNull();
  });
});
