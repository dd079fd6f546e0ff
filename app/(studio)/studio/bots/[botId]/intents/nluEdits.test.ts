import { describe, expect, it } from 'vitest';
import { type FlowDocument, loadFlow } from '@/bot-runtime/flow';
import { addPhrases, editPhrase, removeIntent, renameIntent, setGlobalIntent } from './nluEdits';

function supportFlow(): FlowDocument {
  const loaded = loadFlow({
    schemaVersion: 1,
    nodes: [
      { id: 'start', type: 'start' },
      { id: 'menu', type: 'intent', data: { intents: [{ intent: 'refund' }] } },
      { id: 'human', type: 'end' },
    ],
    edges: [
      { id: 'e1', sourceNodeId: 'start', sourceOutput: 'next', targetNodeId: 'menu' },
      { id: 'e2', sourceNodeId: 'menu', sourceOutput: 'refund', targetNodeId: 'human' },
    ],
    settings: { globalIntents: [{ intent: 'refund', targetNodeId: 'human' }] },
    nlu: { intents: [{ name: 'refund', phrases: ['I want my money back'] }] },
  });
  if (!loaded.ok) throw new Error(JSON.stringify(loaded.error));
  return loaded.flow;
}

describe('editing intents', () => {
  it('renames an intent everywhere the flow listens for it', () => {
    const renamed = renameIntent(supportFlow(), 'refund', 'moneyBack');
    expect(renamed.nlu.intents.map((i) => i.name)).toEqual(['moneyBack']);
    expect(renamed.nodes.find((n) => n.id === 'menu')?.data.intents).toEqual([
      { intent: 'moneyBack', slots: [] },
    ]);
    expect(renamed.edges.find((e) => e.id === 'e2')?.sourceOutput).toBe('moneyBack');
    expect(renamed.settings.globalIntents).toEqual([
      { intent: 'moneyBack', targetNodeId: 'human' },
    ]);
  });

  it('renames the intent in a node the designer has not finished, leaving the rest as it is', () => {
    const flow = supportFlow();
    const unfinished: FlowDocument = {
      ...flow,
      nodes: flow.nodes.map((node) =>
        node.id === 'menu'
          ? {
              ...node,
              data: { intents: [{ intent: 'refund', slots: [{ entity: '', variable: '' }] }] },
            }
          : node,
      ),
    };
    const renamed = renameIntent(unfinished, 'refund', 'moneyBack');
    expect(renamed.nodes.find((n) => n.id === 'menu')?.data).toEqual({
      intents: [{ intent: 'moneyBack', slots: [{ entity: '', variable: '' }] }],
    });
    expect(renamed.edges.find((e) => e.id === 'e2')?.sourceOutput).toBe('moneyBack');
  });

  it('adds pasted phrases once each, skipping blanks and ones already there', () => {
    const { flow, added } = addPhrases(supportFlow(), 'refund', [
      'refund please',
      '',
      '  i want my MONEY back ',
      'refund please',
      'can I get a refund',
    ]);
    expect(added).toBe(2);
    expect(flow.nlu.intents[0]?.phrases).toEqual([
      'I want my money back',
      'refund please',
      'can I get a refund',
    ]);
  });

  it('creates the intent when phrases arrive for a new one', () => {
    const { flow } = addPhrases(supportFlow(), 'greeting', ['hello']);
    expect(flow.nlu.intents.map((i) => i.name)).toEqual(['refund', 'greeting']);
  });

  it('removes a phrase emptied while editing it', () => {
    const flow = editPhrase(supportFlow(), 'refund', 0, '   ');
    expect(flow.nlu.intents[0]?.phrases).toEqual([]);
  });

  it('makes an intent global with a target, retargets it, and makes it local again', () => {
    const local = setGlobalIntent(supportFlow(), 'refund', null);
    expect(local.settings.globalIntents).toEqual([]);
    const global = setGlobalIntent(local, 'refund', 'menu');
    expect(global.settings.globalIntents).toEqual([{ intent: 'refund', targetNodeId: 'menu' }]);
  });

  it('drops the global shortcut with the intent', () => {
    const flow = removeIntent(supportFlow(), 'refund');
    expect(flow.nlu.intents).toEqual([]);
    expect(flow.settings.globalIntents).toEqual([]);
  });
});
