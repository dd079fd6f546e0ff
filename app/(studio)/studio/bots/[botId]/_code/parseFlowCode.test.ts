import { describe, expect, it } from 'vitest';
import { type FlowDocument, loadFlow } from '@/bot-runtime/flow';
import { flowCode, parseFlowCode } from './parseFlowCode';

const loaded = loadFlow({
  schemaVersion: 1,
  nodes: [
    { id: 'start', type: 'start' },
    { id: 'hello', type: 'message', data: { text: 'Hi' } },
  ],
});
if (!loaded.ok) throw new Error('fixture flow does not load');
const flow = loaded.flow;

describe('reading the code view', () => {
  it('applies an edited document as a flow', () => {
    const parsed = parseFlowCode(flowCode(flow).replace('"Hi"', '"Hello there"'));
    expect(parsed.ok && parsed.flow.nodes[1]?.data.text).toBe('Hello there');
  });

  it('keeps sticky notes, and names a note too long to keep', () => {
    const annotated = {
      ...flow,
      layout: {
        ...flow.layout,
        notes: [{ id: 'n1', x: 0, y: 0, width: 200, height: 120, text: 'Why', color: 'blue' }],
      },
    } satisfies FlowDocument;
    const parsed = parseFlowCode(flowCode(annotated));
    expect(parsed.ok && parsed.flow.layout.notes).toEqual(annotated.layout.notes);

    const tooLong = parseFlowCode(flowCode(annotated).replace('"Why"', `"${'x'.repeat(2001)}"`));
    expect(tooLong.ok).toBe(false);
    if (tooLong.ok) return;
    expect(tooLong.problems[0]?.message).toBe(
      'layout.notes.0.text: A note holds at most 2000 characters.',
    );
  });

  it('rejects text that is not JSON, saying so', () => {
    const parsed = parseFlowCode('{\n  "schemaVersion": 1,\n  "nodes": [,]\n}');
    expect(parsed.ok).toBe(false);
    if (parsed.ok) return;
    expect(parsed.problems[0]?.message).toMatch(/^Not valid JSON: /);
  });

  it('rejects a document the schema refuses, naming the field and the node’s line', () => {
    const parsed = parseFlowCode(flowCode(flow).replace('"type": "message"', '"type": "nope"'));
    expect(parsed.ok).toBe(false);
    if (parsed.ok) return;
    expect(parsed.problems[0]?.message).toBe('nodes.1.type: Unknown node type "nope".');
    expect(parsed.problems[0]?.line).toBe(
      flowCode(flow)
        .split('\n')
        .findIndex((l) => l.includes('"id": "hello"')) + 1,
    );
  });
});
