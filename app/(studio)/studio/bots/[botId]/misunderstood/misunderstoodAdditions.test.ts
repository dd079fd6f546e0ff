import { describe, expect, it } from 'vitest';
import { buildFlow } from '@/bot-runtime/engine/testing/buildFlow';
import { addPhrases, editPhrase } from '../intents/nluEdits';
import { type Addition, additionChanges, intentHasPhrase } from './misunderstoodAdditions';

const base = buildFlow({
  nodes: [{ id: 'start', type: 'start' }],
  nlu: {
    intents: [
      { name: 'orderStatus', description: '', phrases: ['where is my order'] },
      { name: 'returnsInfo', description: '', phrases: ['how do I return it'] },
    ],
  },
});

describe('what the inbox tells the server once the draft saved', () => {
  it('marks messages whose phrase the saved draft has, by intent, and nothing else', () => {
    const saved = addPhrases(base, 'orderStatus', ['Parcel  gone?']).flow;
    const additions = new Map<string, Addition>([
      ['a', { intent: 'orderStatus', text: 'parcel gone?', marked: false }],
      ['b', { intent: 'returnsInfo', text: 'send it back', marked: false }],
      ['c', { intent: 'orderStatus', text: 'where is my order', marked: true }],
    ]);
    expect(intentHasPhrase(saved, 'orderStatus', 'PARCEL GONE?')).toBe(true);
    expect(additionChanges(saved, additions)).toEqual({
      mark: new Map([['orderStatus', ['a']]]),
      reopen: [],
    });
  });

  it('reopens a marked message whose phrase an undo (or an edit) took out', () => {
    const additions = new Map<string, Addition>([
      ['a', { intent: 'orderStatus', text: 'parcel gone?', marked: true }],
      ['b', { intent: 'returnsInfo', text: 'how do I return it', marked: true }],
    ]);
    const edited = editPhrase(base, 'returnsInfo', 0, 'how can I return it');
    expect(additionChanges(edited, additions)).toEqual({ mark: new Map(), reopen: ['a', 'b'] });
  });
});
