import { ActionError } from '../actions/actionError';
import type { ActionDefinition } from '../actions/types';
import type { ActionCatalog, Clock, EngineServices } from '../engine/engineServices';
import { runTurn } from '../engine/runTurn';
import type { SessionState } from '../engine/sessionState';
import type { FlowDocument } from '../flow/flowDocument';
import type { NluClassifier } from '../nlu/types';
import { checkExpectation } from './checkExpectation';
import type { Expectation, MockAnswer, TestCase, TestInput } from './testCase';
import { observeTurn, type TurnObservation } from './turnObservation';

export interface TestCaseFailure {
  /** The turn it broke at, 0 being the opening of the chat. */
  turn: number;
  input: TestInput;
  /** Null when the turn itself failed (a broken flow), before any expectation was read. */
  expectation: Expectation | null;
  expected: string;
  actual: string;
}

export interface TestCaseResult {
  caseId: string;
  name: string;
  passed: boolean;
  /** The first expectation that broke; the case stops there. */
  failure: TestCaseFailure | null;
  /** What each turn played did, up to and including the one that broke. */
  turns: TurnObservation[];
}

export interface TestRunContext {
  flow: FlowDocument;
  /** The model the flow runs with in production, trained from its own intents. */
  nlu: NluClassifier;
  /** The actions the flow may call; each answers from its mock unless the case says otherwise. */
  actions: readonly ActionDefinition[];
}

/**
 * Every test runs at the same instant: relative dates in entities ("tomorrow") and the trace's
 * times then read the same on every run. Mocked actions never wait, so no timer ever fires.
 */
const TEST_CLOCK: Clock = { now: () => Date.UTC(2026, 0, 5, 12), setTimeout: () => () => {} };

/**
 * Plays one test case through the engine, turn by turn, with no database and no network, and
 * checks each turn's expectations in order. Message variations always pick their first wording,
 * so an exact-text expectation cannot pass or fail by chance.
 */
export async function runTestCase(
  context: TestRunContext,
  testCase: TestCase,
): Promise<TestCaseResult> {
  const flow = withStartingVariables(context.flow, testCase.variables);
  const services: EngineServices = {
    clock: TEST_CLOCK,
    random: () => 0,
    actions: mockedCatalog(context.actions, testCase.mocks),
    mockActions: true,
    actionContext: (signal) => ({
      fetch: () =>
        Promise.reject(new ActionError('OUTBOUND_ADDRESS_BLOCKED', 'Tests do not call endpoints.')),
      runScript: async () => ({}),
      secret: () => undefined,
      settings: {},
      signal,
      now: TEST_CLOCK.now,
    }),
  };
  const labelOf = (nodeId: string) => {
    const label = flow.nodes.find((node) => node.id === nodeId)?.label;
    return label ? `"${label}"` : `"${nodeId}"`;
  };
  const turns: TurnObservation[] = [];
  let state: SessionState | null = null;
  let queue: string | null = null;
  const result = (failure: TestCaseFailure | null): TestCaseResult => ({
    caseId: testCase.id,
    name: testCase.name,
    passed: failure === null,
    failure,
    turns,
  });
  for (const [index, turn] of testCase.turns.entries()) {
    const outcome = await runTurn({ flow, nlu: context.nlu, state, input: turn.input, services });
    const observation = observeTurn(turn.input, outcome, queue);
    turns.push(observation);
    if (outcome.trace.error) {
      const { code, message } = outcome.trace.error;
      return result({
        turn: index,
        input: turn.input,
        expectation: null,
        expected: 'the turn runs without an error',
        actual: `${code}: ${message}`,
      });
    }
    for (const expectation of turn.expect) {
      const check = checkExpectation(expectation, observation, labelOf);
      if (!check.passed) {
        const { expected, actual } = check;
        return result({ turn: index, input: turn.input, expectation, expected, actual });
      }
    }
    state = outcome.state;
    queue = observation.handoffQueue;
  }
  return result(null);
}

/** The case's starting values become the variables' defaults, declared or not. */
function withStartingVariables(flow: FlowDocument, values: TestCase['variables']): FlowDocument {
  const names = Object.keys(values);
  if (names.length === 0) return flow;
  const declared = flow.settings.variables.map((variable) =>
    variable.name in values ? { ...variable, default: values[variable.name] } : variable,
  );
  const undeclared = names
    .filter((name) => !flow.settings.variables.some((variable) => variable.name === name))
    .map((name) => ({ name, type: 'string' as const, default: values[name], description: '' }));
  return { ...flow, settings: { ...flow.settings, variables: [...declared, ...undeclared] } };
}

function mockedCatalog(
  actions: readonly ActionDefinition[],
  mocks: Record<string, MockAnswer>,
): ActionCatalog {
  const byName = new Map(actions.map((action) => [action.name, action]));
  for (const [name, answer] of Object.entries(mocks)) {
    const action = byName.get(name);
    if (!action) continue;
    byName.set(name, {
      ...action,
      mock: () => {
        if ('error' in answer) throw new Error(answer.error);
        return answer.output;
      },
    });
  }
  return byName;
}
