import { beforeAll, describe, expect, it } from 'vitest';
import { builtInActions } from '../actions/builtInActions';
import { loadNlu } from '../nlu';
import { bundledNluResources } from '../nlu/bundledResources';
import { supportTemplateFlow } from '../templates/testing/supportTemplateStubs';
import type { TestRunContext } from './runTestCase';
import { runTestCase } from './runTestCase';
import { runTestSuite } from './runTestSuite';
import { type TestCaseInput, testCaseSchema } from './testCase';
import { trainFlowNlu } from './trainFlowNlu';

/* The demo bot, with the model publishing would train for it and the built-in actions' mocks. */
let context: TestRunContext;

beforeAll(() => {
  const flow = supportTemplateFlow();
  const resources = bundledNluResources;
  context = {
    flow,
    nlu: loadNlu(trainFlowNlu(flow, resources), resources),
    actions: builtInActions,
  };
});

function run(testCase: Omit<TestCaseInput, 'id' | 'name'>) {
  return runTestCase(context, testCaseSchema.parse({ id: 'case', name: 'A case', ...testCase }));
}

const opening = { input: { type: 'start' as const } };

describe('running a test case on the demo bot', () => {
  it('passes when every turn does what the case expects', async () => {
    const result = await run({
      turns: [
        opening,
        {
          input: { type: 'text', text: 'where is my order A1001' },
          expect: [
            { kind: 'intent', intent: 'orderStatus' },
            { kind: 'botSays', match: 'exact', text: 'Order A1001 is shipped.' },
            { kind: 'visited', nodeId: 'lookupOrder' },
          ],
        },
      ],
    });
    expect(result).toMatchObject({ caseId: 'case', passed: true, failure: null });
    expect(result.turns[1]?.messages[0]).toBe('Order A1001 is shipped.');
  });

  it('stops at the first expectation that breaks, with expected against actual', async () => {
    const result = await run({
      turns: [
        opening,
        {
          input: { type: 'text', text: 'where is my order A1001' },
          expect: [
            { kind: 'visited', nodeId: 'lookupOrder' },
            { kind: 'botSays', match: 'exact', text: 'Order A1001 is on its way.' },
            { kind: 'intent', intent: 'passwordReset' },
          ],
        },
        {
          input: { type: 'text', text: 'no thanks' },
          expect: [{ kind: 'status', status: 'ended' }],
        },
      ],
    });
    expect(result.passed).toBe(false);
    expect(result.failure).toEqual({
      turn: 1,
      input: { type: 'text', text: 'where is my order A1001' },
      expectation: {
        kind: 'botSays',
        match: 'exact',
        text: 'Order A1001 is on its way.',
        ignoreCase: false,
      },
      expected: 'bot says exactly "Order A1001 is on its way."',
      actual: 'bot said "Order A1001 is shipped.", "Is there anything else I can help you with?"',
    });
    expect(result.turns).toHaveLength(2);
  });

  it('answers from the mocks unless the case gives an action its own answer', async () => {
    const asked = {
      input: { type: 'text' as const, text: 'How long does shipping take?' },
      expect: [{ kind: 'botSays' as const, match: 'exact' as const, text: 'Two days, always.' }],
    };
    const mocked = await run({ turns: [opening, asked] });
    expect(mocked.failure?.actual).toContain('This is where the best matching answer');
    const answered = await run({
      mocks: {
        faqSearch: {
          output: {
            found: true,
            answer: 'Two days, always.',
            articleId: 'a',
            matchedQuestion: 'q',
            score: 1,
          },
        },
      },
      turns: [opening, asked],
    });
    expect(answered.passed).toBe(true);
  });

  it("takes an action's failure path when the case makes it fail", async () => {
    const result = await run({
      mocks: { orderStatus: { error: 'The order service is down.' } },
      turns: [
        opening,
        {
          input: { type: 'text', text: 'where is my order A1001' },
          expect: [
            { kind: 'visited', nodeId: 'orderMissing' },
            { kind: 'status', status: 'escalated', queue: 'Orders' },
          ],
        },
      ],
    });
    expect(result.failure).toBeNull();
  });

  it('starts from the variables the case sets', async () => {
    const result = await run({
      variables: { topic: 'orders' },
      turns: [
        opening,
        {
          input: { type: 'text', text: 'Can I speak to an agent?' },
          expect: [{ kind: 'status', status: 'escalated', queue: 'Orders' }],
        },
      ],
    });
    expect(result.failure).toBeNull();
  });

  it('plays a tapped quick reply, a misunderstanding and routing finding nobody', async () => {
    const result = await run({
      turns: [
        opening,
        {
          input: { type: 'choice', value: 'talkToHuman', label: 'Talk to a person' },
          expect: [
            { kind: 'intent', intent: 'talkToHuman' },
            { kind: 'status', status: 'escalated', queue: 'Accounts' },
          ],
        },
        {
          input: { type: 'noAgent' },
          expect: [
            { kind: 'noAgent' },
            { kind: 'visited', nodeId: 'agentsBusy' },
            { kind: 'status', status: 'ended' },
          ],
        },
      ],
    });
    expect(result.failure).toBeNull();
    const misunderstood = await run({
      turns: [
        opening,
        {
          input: { type: 'text', text: 'purple elephants dance quietly' },
          expect: [{ kind: 'intent', intent: null }, { kind: 'noAgent' }],
        },
      ],
    });
    expect(misunderstood.failure).toMatchObject({
      expected: 'takes "No agent available"',
      actual: 'did not take "No agent available"',
    });
  });

  it('fails a case whose turn breaks inside the flow, saying why', async () => {
    const flow = supportTemplateFlow();
    const broken = { ...flow, edges: flow.edges.filter((edge) => edge.sourceNodeId !== 'greet') };
    const result = await runTestCase(
      { ...context, flow: broken },
      testCaseSchema.parse({ id: 'case', name: 'Opening', turns: [opening] }),
    );
    expect(result.failure).toMatchObject({
      turn: 0,
      expectation: null,
      expected: 'the turn runs without an error',
      actual: expect.stringContaining('OUTPUT_NOT_CONNECTED'),
    });
  });

  it("counts a suite's passes and failures", async () => {
    const cases = [
      {
        id: 'a',
        name: 'Greets',
        turns: [
          { ...opening, expect: [{ kind: 'botSays', match: 'contains', text: 'How can I help?' }] },
        ],
      },
      {
        id: 'b',
        name: 'Greets in French',
        turns: [{ ...opening, expect: [{ kind: 'botSays', match: 'contains', text: 'Bonjour' }] }],
      },
    ].map((testCase) => testCaseSchema.parse(testCase));
    const suite = await runTestSuite(context, cases);
    expect(suite.results.map((result) => [result.caseId, result.passed])).toEqual([
      ['a', true],
      ['b', false],
    ]);
    expect({ passed: suite.passed, failed: suite.failed }).toEqual({ passed: 1, failed: 1 });
  });
});
