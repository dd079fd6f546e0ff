import { describe, expect, it } from 'vitest';
import type { TraceStep, TurnTrace } from '../../bot-runtime/engine/turnTrace';
import type { TraceReason } from '../../bot-runtime/flow/nodes/traceReason';
import { misunderstoodTurn } from './misunderstoodTurn';

function nlu(text: string, intent: string | null, confidence: number): TraceReason {
  return {
    kind: 'nlu',
    text,
    intent,
    confidence,
    threshold: 0.6,
    ranking: [
      { intent: 'orderStatus', confidence },
      { intent: 'returnsInfo', confidence: confidence / 4 },
    ],
    entities: [],
  };
}

const fallback: TraceReason = {
  kind: 'fallback',
  misunderstandings: 1,
  offerHumanAfter: 2,
  offerHuman: false,
};

function step(nodeType: string, reasons: TraceReason[]): TraceStep {
  return {
    step: 1,
    nodeId: nodeType,
    nodeType,
    nodeLabel: nodeType,
    resumed: true,
    result: 'next',
    output: null,
    nextNodeId: null,
    reasons,
    startedAt: 0,
    durationMs: 0,
  };
}

function trace(input: TurnTrace['input'], steps: TraceStep[]): TurnTrace {
  return { input, steps, error: null, startedAt: 0, durationMs: 1 };
}

describe('which bot turns misunderstood the customer', () => {
  it('a message that fell to the fallback, with the intent it came closest to', () => {
    const turn = trace({ type: 'text', text: ' do you sell gift cards ' }, [
      step('intent', [nlu('do you sell gift cards', null, 0.31), fallback]),
    ]);
    expect(misunderstoodTurn(turn)).toEqual({
      text: 'do you sell gift cards',
      topIntent: 'orderStatus',
      score: 0.31,
    });
  });

  it('a message an intent node scored below the threshold, whatever path it took next', () => {
    const turn = trace({ type: 'text', text: 'parcel?' }, [
      step('intent', [nlu('parcel?', null, 0.5)]),
    ]);
    expect(misunderstoodTurn(turn)).toMatchObject({ topIntent: 'orderStatus', score: 0.5 });
  });

  it('a recognised intent the node did not listen for still fell to the fallback', () => {
    const turn = trace({ type: 'text', text: 'where is my order' }, [
      step('intent', [nlu('where is my order', 'orderStatus', 0.9), fallback]),
    ]);
    expect(misunderstoodTurn(turn)).toMatchObject({ text: 'where is my order', score: 0.9 });
  });

  it('not an understood message', () => {
    const turn = trace({ type: 'text', text: 'where is my order' }, [
      step('intent', [nlu('where is my order', 'orderStatus', 0.9)]),
    ]);
    expect(misunderstoodTurn(turn)).toBeNull();
  });

  it('not an answer an ask node took, though the global-intent check scored it low', () => {
    const turn = trace({ type: 'text', text: 'A1001' }, [
      step('ask', [
        nlu('A1001', null, 0.2),
        { kind: 'input', accepted: true, value: 'A1001', attempt: 1 },
      ]),
    ]);
    expect(misunderstoodTurn(turn)).toBeNull();
  });

  it('not a tap, a timeout or a turn with no classification of the text', () => {
    const tap = trace({ type: 'choice', value: 'x', label: 'X' }, [step('intent', [fallback])]);
    const timeout = trace({ type: 'timeout' }, [step('ask', [fallback])]);
    const unclassified = trace({ type: 'text', text: 'hello' }, [step('ask', [fallback])]);
    expect([tap, timeout, unclassified].map(misunderstoodTurn)).toEqual([null, null, null]);
  });
});
