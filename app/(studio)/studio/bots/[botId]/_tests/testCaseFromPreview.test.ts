import { describe, expect, it } from 'vitest';
import { testCaseSchema } from '@/bot-runtime/botTests/testCase';
import type { PreviewTurn } from '@/server/bots/previewTurn';
import { suggestedCaseName, testCaseFromPreview } from './testCaseFromPreview';

function turn(
  input: PreviewTurn['trace']['input'],
  said: string[],
  path: string[],
  extra: Partial<PreviewTurn> = {},
): PreviewTurn {
  const entry = (actor: 'bot' | 'customer', text: string) => ({
    id: text,
    seq: 1,
    actor: { type: actor, name: actor },
    type: 'text',
    payload: { text },
    createdAt: '2026-01-01T00:00:00.000Z',
    status: 'sent',
  });
  return {
    entries: [
      ...(input.type === 'text' ? [entry('customer', input.text)] : []),
      ...said.map((text) => entry('bot', text)),
    ],
    state: { session: {}, lastSeq: 1 },
    status: 'awaiting_input',
    trace: {
      input,
      steps: path.map((nodeId, step) => ({ step, nodeId })),
      error: null,
      startedAt: 0,
      durationMs: 0,
    },
    currentNodeId: path.at(-1) ?? null,
    handoff: null,
    ...extra,
  } as unknown as PreviewTurn;
}

const greeting = turn({ type: 'start' }, ['Hi! How can I help?'], ['start', 'greet', 'menu']);

describe('saving a preview conversation as a test case', () => {
  it('keeps the inputs, each bot message exactly, the path and the final status', () => {
    const asked = turn(
      { type: 'text', text: 'where is my order A1001' },
      ['Order A1001 is shipped.', 'Anything else?'],
      ['menu', 'lookupOrder', 'orderAnswer', 'anythingElse', 'anythingElse'],
    );
    const testCase = testCaseSchema.parse(
      testCaseFromPreview([greeting, asked], 'where is my order A1001'),
    );
    expect(testCase.name).toBe('where is my order A1001');
    expect(testCase.id).toMatch(/^where-is-my-order-a1001-[a-z0-9]+$/);
    expect(testCase.turns[0]?.input).toEqual({ type: 'start' });
    expect(testCase.turns[0]?.expect.map((e) => e.kind)).toEqual([
      'botSays',
      'visited',
      'visited',
      'visited',
    ]);
    expect(testCase.turns[1]).toEqual({
      input: { type: 'text', text: 'where is my order A1001' },
      expect: [
        { kind: 'botSays', match: 'exact', text: 'Order A1001 is shipped.', ignoreCase: false },
        { kind: 'botSays', match: 'exact', text: 'Anything else?', ignoreCase: false },
        { kind: 'visited', nodeId: 'menu' },
        { kind: 'visited', nodeId: 'lookupOrder' },
        { kind: 'visited', nodeId: 'orderAnswer' },
        { kind: 'visited', nodeId: 'anythingElse' },
        { kind: 'status', status: 'awaiting_input' },
      ],
    });
  });

  it('expects the hand-off queue, without the message said only once someone can come', () => {
    const handedOff = turn(
      { type: 'text', text: 'a person please' },
      ["I'm connecting you with our accounts team."],
      ['humanTriage', 'escalateAccounts'],
      {
        status: 'escalated',
        handoff: {
          queue: 'Accounts',
          skills: [],
          priority: 3,
          details: {},
          said: [
            {
              actorType: 'bot',
              actorName: 'Bot',
              type: 'text',
              payload: { text: "I'm connecting you with our accounts team." },
            },
          ],
        },
      },
    );
    const testCase = testCaseFromPreview([greeting, handedOff], 'person');
    expect(testCase.turns[1]?.expect).toEqual([
      { kind: 'visited', nodeId: 'humanTriage' },
      { kind: 'visited', nodeId: 'escalateAccounts' },
      { kind: 'status', status: 'escalated', queue: 'Accounts' },
    ]);
  });

  it('is named after what the customer first said or tapped', () => {
    const tapped = turn(
      { type: 'choice', value: 'orderStatus', label: 'Where is my order?' },
      [],
      [],
    );
    expect(suggestedCaseName([greeting, tapped])).toBe('Where is my order?');
    expect(suggestedCaseName([greeting])).toBe('Greeting');
  });
});
