import { describe, expect, it } from 'vitest';
import { type FlowDocument, loadFlow } from '../../bot-runtime/flow';
import { DomainError } from '../errors';
import { classifyWithFlowNlu } from './tryNlu';

function flowWith(nlu: unknown, settings: unknown = {}): FlowDocument {
  const loaded = loadFlow({
    schemaVersion: 1,
    nodes: [{ id: 'start', type: 'start' }],
    nlu,
    settings,
  });
  if (!loaded.ok) throw new Error(loaded.error.message);
  return loaded.flow;
}

function refusalOf(attempt: () => unknown): DomainError {
  try {
    attempt();
  } catch (error) {
    if (error instanceof DomainError) return error;
    throw error;
  }
  throw new Error('expected a refusal');
}

const shop = {
  intents: [
    {
      name: 'orderStatus',
      phrases: [
        'where is my order',
        'track my parcel',
        'has my order shipped',
        'when will my package arrive',
        'order status please',
      ],
    },
    {
      name: 'returns',
      phrases: [
        'how do I return an item',
        'I want a refund',
        'send it back',
        'return policy',
        'can I return shoes',
      ],
    },
    { name: 'empty', phrases: [] },
  ],
  entities: [{ kind: 'regex', name: 'orderNumber', pattern: '\\b[A-Z]\\d{4}\\b' }],
};

describe('trying a sentence against the phrases being edited', () => {
  it('ranks the intent whose phrases match first and finds the entities', () => {
    const trial = classifyWithFlowNlu(flowWith(shop), 'where is my order A1234?');
    expect(trial.intent).toBe('orderStatus');
    expect(trial.ranking.map((r) => r.intent)).toEqual(['orderStatus', 'returns']);
    expect(trial.ranking[0]?.confidence).toBeGreaterThan(trial.ranking[1]?.confidence ?? 1);
    expect(trial.entities).toContainEqual(
      expect.objectContaining({ entity: 'orderNumber', value: 'A1234' }),
    );
    expect(trial.trainedOn).toEqual({ intents: 2, phrases: 10 });
  });

  it('says the sentence is out of scope below the flow’s threshold, as the engine would', () => {
    const trial = classifyWithFlowNlu(flowWith(shop, { nluThreshold: 1 }), 'where is my order');
    expect(trial.threshold).toBe(1);
    expect(trial.intent).toBeNull();
    expect(trial.ranking[0]?.intent).toBe('orderStatus');
  });

  it('sends small talk to the fallback and says what the threshold does on held-out data', () => {
    const trial = classifyWithFlowNlu(flowWith(shop, { nluThreshold: 0.5 }), 'tell me a joke');
    expect(trial.intent).toBeNull();
    expect(trial.thresholdEffect?.rejected).toBeGreaterThan(0.8);
    expect(trial.thresholdEffect?.understood).toBeGreaterThan(0);
    expect(trial.suggestedThreshold).toBeGreaterThanOrEqual(0);
    const off = classifyWithFlowNlu(
      flowWith(shop, { nluThreshold: 0.5, nluBackground: false }),
      'tell me a joke',
    );
    // Without the background nothing off-topic was held out, so there is no rejection to show.
    expect(off.thresholdEffect?.rejected).toBeNull();
  });

  it('explains that there is nothing to train on without phrases', () => {
    const refusal = refusalOf(() =>
      classifyWithFlowNlu(flowWith({ intents: [{ name: 'greet' }] }), 'hi'),
    );
    expect(refusal.code).toBe('INVALID_INPUT');
    expect(refusal.message).toMatch(/add training phrases/);
  });

  it('refuses a broken entity pattern already in the draft, naming where it is', () => {
    const loaded = loadFlow({
      schemaVersion: 1,
      nodes: [{ id: 'start', type: 'start' }],
      nlu: { ...shop, entities: [{ kind: 'regex', name: 'code', pattern: '(' }] },
    });
    expect(loaded.ok).toBe(false);
    if (loaded.ok) return;
    expect(loaded.error.issues).toContainEqual({
      path: ['nlu', 'entities', 0, 'pattern'],
      message: 'not a valid regular expression',
    });
  });
});
