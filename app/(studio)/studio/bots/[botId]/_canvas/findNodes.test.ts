import { describe, expect, it } from 'vitest';
import { loadFlow } from '@/bot-runtime/flow';
import { findNodes } from './findNodes';

const loaded = loadFlow({
  schemaVersion: 1,
  nodes: [
    { id: 'start', type: 'start' },
    { id: 'greet', type: 'message', label: 'Welcome', data: { text: 'Hi! How can I help?' } },
    { id: 'bye', type: 'end', label: 'Goodbye' },
  ],
});

describe('finding nodes by text', () => {
  it('matches labels, ids and the text inside a node, ignoring case', () => {
    if (!loaded.ok) throw new Error('fixture flow does not load');
    expect(findNodes(loaded.flow, 'how can i')).toEqual(['greet']);
    expect(findNodes(loaded.flow, 'GOODBYE')).toEqual(['bye']);
    expect(findNodes(loaded.flow, 'welcome')).toEqual(['greet']);
    expect(findNodes(loaded.flow, '  ')).toEqual([]);
  });
});
