import { describe, expect, it } from 'vitest';
import { STICKY_NOTE_MAX_TEXT_LENGTH } from './flowLayout';
import { loadFlow, MAX_FLOW_DEPTH } from './loadFlow';
import { migrateFlow } from './migrations/migrateFlow';

const minimal = {
  schemaVersion: 1,
  nodes: [
    { id: 'start', type: 'start' },
    { id: 'hi', type: 'message', data: { text: 'Hi' } },
  ],
  edges: [{ id: 'e1', sourceNodeId: 'start', sourceOutput: 'next', targetNodeId: 'hi' }],
  layout: {
    nodes: { start: { x: 0, y: 0 } },
    notes: [{ id: 'n1', x: 10, y: 10, text: 'Greeting' }],
  },
};

describe('loadFlow', () => {
  it('fills defaults for settings, node data and sticky notes', () => {
    const loaded = loadFlow(minimal);
    if (!loaded.ok) throw new Error(loaded.error.message);
    expect(loaded.flow.settings).toMatchObject({
      nluThreshold: 0.6,
      fallback: { offerHumanAfter: 2 },
    });
    expect(loaded.flow.nodes[1]?.data).toMatchObject({
      text: 'Hi',
      quickReplies: [],
      typingDelayMs: 0,
    });
    expect(loaded.flow.layout.notes[0]).toMatchObject({ text: 'Greeting', color: 'yellow' });
  });

  it('loads a document saved before notes existed, with no notes', () => {
    const loaded = loadFlow({ ...minimal, layout: { nodes: { start: { x: 0, y: 0 } } } });
    expect(loaded).toMatchObject({ ok: true, flow: { layout: { notes: [] } } });
  });

  it('refuses an over-long note and draws a note of an unknown colour yellow', () => {
    const note = { id: 'n1', x: 0, y: 0, text: 'x'.repeat(STICKY_NOTE_MAX_TEXT_LENGTH + 1) };
    const tooLong = loadFlow({ ...minimal, layout: { notes: [note] } });
    expect(tooLong.ok).toBe(false);
    if (tooLong.ok) return;
    expect(tooLong.error.issues.map((issue) => issue.path.join('.'))).toEqual([
      'layout.notes.0.text',
    ]);

    const purple = loadFlow({
      ...minimal,
      layout: { notes: [{ ...note, text: 'Hi', color: 'purple' }] },
    });
    if (!purple.ok) throw new Error(purple.error.message);
    expect(purple.flow.layout.notes[0]?.color).toBe('yellow');
  });

  it('rejects an unknown node type and invalid node data with their paths', () => {
    const loaded = loadFlow({
      ...minimal,
      nodes: [
        { id: 'x', type: 'teleport' },
        { id: 'q', type: 'ask', data: { prompt: 'Hi?' } },
      ],
    });
    expect(loaded.ok).toBe(false);
    if (loaded.ok) return;
    expect(loaded.error.code).toBe('FLOW_INVALID');
    expect(loaded.error.issues.map((issue) => issue.path.join('.'))).toEqual([
      'nodes.0.type',
      'nodes.1.data.variable',
    ]);
  });

  it('refuses a document from a newer Parley', () => {
    const loaded = loadFlow({ ...minimal, schemaVersion: 99 });
    expect(loaded).toMatchObject({ ok: false, error: { code: 'FLOW_VERSION_TOO_NEW' } });
  });
});

describe('migrateFlow', () => {
  const renameGreeting = {
    name: 'migrateFlowFromV1ToV2',
    from: 1,
    migrate: (doc: Record<string, unknown>) => ({ ...doc, title: doc.name, name: undefined }),
  };

  it('applies named migrations in order up to the target version', () => {
    const result = migrateFlow({ schemaVersion: 1, name: 'Support' }, [renameGreeting], 2);
    expect(result).toEqual({
      ok: true,
      document: { schemaVersion: 2, title: 'Support', name: undefined },
      applied: ['migrateFlowFromV1ToV2'],
    });
  });

  it('leaves a current document as it is', () => {
    expect(migrateFlow({ schemaVersion: 1 })).toEqual({
      ok: true,
      document: { schemaVersion: 1 },
      applied: [],
    });
  });

  it('says which step is missing', () => {
    expect(migrateFlow({ schemaVersion: 1 }, [], 2)).toMatchObject({
      ok: false,
      error: { code: 'FLOW_MIGRATION_MISSING' },
    });
    expect(migrateFlow({ nodes: [] })).toMatchObject({
      ok: false,
      error: { code: 'FLOW_VERSION_MISSING' },
    });
  });

  it('refuses a document nested too deeply, naming where, without overflowing the stack', () => {
    const deep = JSON.parse(`${'['.repeat(100_000)}${']'.repeat(100_000)}`);
    const loaded = loadFlow({
      ...minimal,
      settings: { variables: [{ name: 'deep', type: 'list', default: deep }] },
    });
    if (loaded.ok) throw new Error('a document nested 100,000 deep loaded');
    expect(loaded.error.code).toBe('FLOW_TOO_DEEP');
    expect(loaded.error.issues).toHaveLength(1);
    expect(loaded.error.issues[0]?.path.slice(0, 4)).toEqual([
      'settings',
      'variables',
      0,
      'default',
    ]);
    expect(loaded.error.issues[0]?.path).toHaveLength(MAX_FLOW_DEPTH);
  });

  it('loads a document exactly as deep as allowed', () => {
    let value: unknown = 'bottom';
    for (let level = 0; level < MAX_FLOW_DEPTH - 4; level++) value = [value];
    const loaded = loadFlow({
      ...minimal,
      settings: { variables: [{ name: 'deep', type: 'list', default: value }] },
    });
    expect(loaded.ok).toBe(true);
  });
});
