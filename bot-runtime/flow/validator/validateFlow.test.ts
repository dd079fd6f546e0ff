import { describe, expect, it } from 'vitest';
import { buildFlow, type FlowSketch } from '../../engine/testing/buildFlow';
import type { VariableDefinition } from '../flowSettings';
import type { JsonValue } from '../json';
import { validateFlow } from './validateFlow';
import { validateFlowDocument } from './validateFlowDocument';

const knownActions = ['orderStatus'];

/** After the answer, a question asked again and again whatever the customer says. */
function withEndlessQuestion(sketch: FlowSketch): FlowSketch {
  sketch.nodes.push(
    { id: 'again', type: 'ask', data: { prompt: 'Again?', variable: 'x' } },
    { id: 'back', type: 'jump', data: { targetNodeId: 'again' } },
  );
  sketch.edges = sketch.edges?.map((edge) =>
    edge[0] === 'answer' ? ['answer', 'next', 'again'] : edge,
  );
  sketch.edges?.push(['again', 'next', 'back'], ['again', 'invalid', 'back']);
  return sketch;
}

/** Start → greeting → menu; "order" looks the order up; everything ends or hands off. */
function supportSketch(): FlowSketch {
  return {
    nodes: [
      { id: 'start', type: 'start' },
      { id: 'hello', type: 'message', data: { text: 'Hi! How can I help?' } },
      {
        id: 'menu',
        type: 'intent',
        label: 'Menu',
        data: {
          intents: [
            { intent: 'orderStatus', slots: [{ entity: 'orderNumber', variable: 'orderNumber' }] },
          ],
        },
      },
      {
        id: 'lookup',
        type: 'action',
        data: {
          action: 'orderStatus',
          inputs: [{ name: 'orderNumber', value: '{{orderNumber}}' }],
          results: [{ path: 'status', variable: 'orderState' }],
        },
      },
      { id: 'answer', type: 'message', data: { text: 'Your order is {{orderState}}.' } },
      { id: 'human', type: 'escalate', data: { queue: 'Orders' } },
      { id: 'bye', type: 'end' },
    ],
    edges: [
      ['start', 'next', 'hello'],
      ['hello', 'next', 'menu'],
      ['menu', 'orderStatus', 'lookup'],
      ['lookup', 'success', 'answer'],
      ['lookup', 'failure', 'human'],
      ['answer', 'next', 'bye'],
      ['human', 'noAgent', 'bye'],
    ],
    nlu: {
      intents: [{ name: 'orderStatus', description: '', phrases: ['where is my order'] }],
      entities: [{ kind: 'regex', name: 'orderNumber', pattern: '[A-Z]\\d{4}', flags: 'i' }],
    },
  };
}

function issuesOf(sketch: FlowSketch) {
  return validateFlow(buildFlow(sketch), { knownActions });
}

function codes(sketch: FlowSketch) {
  return issuesOf(sketch).map((issue) => issue.code);
}

describe('validateFlow', () => {
  it('finds nothing wrong in a complete support flow', () => {
    expect(issuesOf(supportSketch())).toEqual([]);
  });

  it('pays no attention to sticky notes, whatever they say', () => {
    const flow = buildFlow(supportSketch());
    const annotated = {
      ...flow,
      layout: {
        ...flow.layout,
        notes: [{ id: 'start', x: 0, y: 0, width: 200, height: 120, text: 'ghost', color: 'pink' }],
      },
    } satisfies typeof flow;
    expect(validateFlow(annotated, { knownActions })).toEqual([]);
  });

  it('asks for a start node when there is none', () => {
    const sketch = supportSketch();
    sketch.nodes = sketch.nodes.filter((node) => node.id !== 'start');
    sketch.edges = sketch.edges?.filter(([source]) => source !== 'start');
    const [issue] = issuesOf(sketch).filter((i) => i.code === 'NO_START');
    expect(issue).toMatchObject({
      severity: 'error',
      message: expect.stringContaining('Add a Start'),
    });
  });

  it('points at the second start node', () => {
    const sketch = supportSketch();
    sketch.nodes.push({ id: 'start2', type: 'start' });
    sketch.edges?.push(['start2', 'next', 'hello']);
    expect(issuesOf(sketch)).toContainEqual(
      expect.objectContaining({ code: 'MULTIPLE_STARTS', severity: 'error', nodeId: 'start2' }),
    );
  });

  it('reports an edge to a deleted node and an edge from an output the node no longer has', () => {
    const sketch = supportSketch();
    sketch.edges?.push(['answer', 'next', 'ghost'], ['hello', 'maybe', 'bye']);
    const dangling = issuesOf(sketch).filter((i) => i.code === 'DANGLING_EDGE');
    expect(dangling.map((i) => i.edgeId)).toEqual(['e8', 'e9']);
    expect(dangling[1]?.message).toContain('no "maybe" output');
  });

  it('reports two connections from the same output', () => {
    const sketch = supportSketch();
    sketch.edges?.push(['answer', 'next', 'human']);
    expect(issuesOf(sketch)).toContainEqual(
      expect.objectContaining({ code: 'DUPLICATE_EDGE', edgeId: 'e8', nodeId: 'answer' }),
    );
  });

  it('warns about a node nothing leads to', () => {
    const sketch = supportSketch();
    sketch.nodes.push({ id: 'orphan', type: 'message', data: { text: 'Nobody sees me' } });
    sketch.edges?.push(['orphan', 'next', 'bye']);
    expect(issuesOf(sketch)).toContainEqual(
      expect.objectContaining({ code: 'UNREACHABLE_NODE', severity: 'warning', nodeId: 'orphan' }),
    );
  });

  it('requires every required output to be connected', () => {
    const sketch = supportSketch();
    sketch.edges = sketch.edges?.filter(
      ([source, output]) => !(source === 'lookup' && output === 'failure'),
    );
    const issue = issuesOf(sketch).find((i) => i.code === 'OUTPUT_NOT_CONNECTED');
    expect(issue).toMatchObject({ severity: 'error', nodeId: 'lookup' });
    expect(issue?.message).toContain('"Failure"');
  });

  it('reports an intent the NLU does not define', () => {
    const sketch = supportSketch();
    sketch.nlu = { ...sketch.nlu, intents: [] };
    expect(issuesOf(sketch)).toContainEqual(
      expect.objectContaining({ code: 'UNKNOWN_INTENT', nodeId: 'menu', severity: 'error' }),
    );
  });

  it('reports a slot entity the NLU does not define', () => {
    const sketch = supportSketch();
    sketch.nlu = { ...sketch.nlu, entities: [] };
    expect(codes(sketch)).toContain('UNKNOWN_ENTITY');
  });

  it('warns when a variable is read where no path has set it', () => {
    const sketch = supportSketch();
    const hello = sketch.nodes.find((node) => node.id === 'hello');
    if (hello) hello.data = { text: 'Hi {{firstName}}!' };
    const issue = issuesOf(sketch).find((i) => i.code === 'VARIABLE_READ_BEFORE_SET');
    expect(issue).toMatchObject({ severity: 'warning', nodeId: 'hello' });
    expect(issue?.message).toContain('{{firstName}}');
  });

  it.each([
    ['a quick reply', 'hello', { text: 'Hi!', quickReplies: [{ label: 'Track {{parcel}}' }] }],
    ['an image', 'hello', { text: 'Hi!', image: { url: 'https://cdn.example/{{parcel}}.png' } }],
    ['the rating question', 'bye', { csat: { enabled: true, question: 'Rate {{parcel}}?' } }],
    ['the thanks', 'bye', { csat: { enabled: true, thanks: 'Thanks, {{parcel}}!' } }],
  ])('warns about a variable read in %s before any path sets it', (_, nodeId, data) => {
    const sketch = supportSketch();
    const node = sketch.nodes.find((candidate) => candidate.id === nodeId);
    if (node) node.data = data;
    const issue = issuesOf(sketch).find((i) => i.code === 'VARIABLE_READ_BEFORE_SET');
    expect(issue).toMatchObject({ severity: 'warning', nodeId });
    expect(issue?.message).toContain('{{parcel}}');
  });

  it('does not read the CSAT texts of an end node that asks for no rating', () => {
    const sketch = supportSketch();
    const bye = sketch.nodes.find((node) => node.id === 'bye');
    if (bye) bye.data = { csat: { enabled: false, question: 'Rate {{parcel}}?' } };
    expect(codes(sketch)).not.toContain('VARIABLE_READ_BEFORE_SET');
  });

  it('does not warn about a variable that has a default', () => {
    const sketch = supportSketch();
    const hello = sketch.nodes.find((node) => node.id === 'hello');
    if (hello) hello.data = { text: 'Hi {{firstName}}!' };
    sketch.settings = {
      variables: [{ name: 'firstName', type: 'string', default: 'there', description: '' }],
    };
    expect(codes(sketch)).not.toContain('VARIABLE_READ_BEFORE_SET');
  });

  it.each<[VariableDefinition['type'], JsonValue]>([
    ['number', '5'],
    ['boolean', 'yes'],
    ['date', 'next friday'],
    ['date', '2025-02-30'],
    ['list', 'a, b'],
    ['object', [1]],
    ['string', 5],
  ])('refuses a %s variable whose default is %j', (type, value) => {
    const sketch = supportSketch();
    sketch.settings = { variables: [{ name: 'limit', type, default: value, description: '' }] };
    const issue = issuesOf(sketch).find((i) => i.code === 'VARIABLE_DEFAULT_TYPE');
    expect(issue).toMatchObject({ severity: 'error' });
    expect(issue?.message).toContain(`not a ${type}`);
  });

  it('accepts defaults of their declared type, and null for any type', () => {
    const sketch = supportSketch();
    sketch.settings = {
      variables: [
        { name: 'limit', type: 'number', default: 5, description: '' },
        { name: 'vip', type: 'boolean', default: false, description: '' },
        { name: 'due', type: 'date', default: '2025-01-31', description: '' },
        { name: 'tags', type: 'list', default: ['a'], description: '' },
        { name: 'address', type: 'object', default: { city: 'Oslo' }, description: '' },
        { name: 'nickname', type: 'string', default: null, description: '' },
      ],
    };
    expect(codes(sketch)).not.toContain('VARIABLE_DEFAULT_TYPE');
  });

  it('requires an invalid path for an ask', () => {
    const sketch = supportSketch();
    sketch.nodes.push({
      id: 'email',
      type: 'ask',
      data: { prompt: 'Email?', variable: 'email', answerType: 'email' },
    });
    sketch.edges = sketch.edges?.map((edge) =>
      edge[0] === 'answer' ? ['answer', 'next', 'email'] : edge,
    );
    sketch.edges?.push(['email', 'next', 'bye']);
    const issue = issuesOf(sketch).find((i) => i.code === 'ASK_WITHOUT_INVALID_PATH');
    expect(issue).toMatchObject({ severity: 'error', nodeId: 'email' });
    expect(issue?.message).toContain('answers wrongly 3 times');
  });

  it('requires a "No answer" path for an ask that stops waiting after a while', () => {
    const sketch = supportSketch();
    sketch.nodes.push({
      id: 'email',
      type: 'ask',
      data: { prompt: 'Email?', variable: 'email', answerType: 'email', noInputAfterMinutes: 5 },
    });
    sketch.edges = sketch.edges?.map((edge) =>
      edge[0] === 'answer' ? ['answer', 'next', 'email'] : edge,
    );
    sketch.edges?.push(['email', 'next', 'bye'], ['email', 'invalid', 'bye']);
    const issue = issuesOf(sketch).find((i) => i.code === 'ASK_TIMEOUT_WITHOUT_PATH');
    expect(issue).toMatchObject({ severity: 'error', nodeId: 'email' });
    expect(issue?.message).toContain('waits 5 minutes');

    sketch.edges?.push(['email', 'noInput', 'bye']);
    expect(codes(sketch)).not.toContain('ASK_TIMEOUT_WITHOUT_PATH');
  });

  it('reports an action this deployment does not have', () => {
    const flow = buildFlow(supportSketch());
    expect(validateFlow(flow, { knownActions: [] })).toContainEqual(
      expect.objectContaining({ code: 'UNKNOWN_ACTION', nodeId: 'lookup' }),
    );
  });

  it('warns about a loop the customer cannot leave', () => {
    const sketch = withEndlessQuestion(supportSketch());
    const stuck = issuesOf(sketch).filter((i) => i.code === 'NO_WAY_OUT');
    expect(stuck.map((i) => i.nodeId).sort()).toEqual(['again', 'answer', 'back']);
    expect(stuck[0]?.severity).toBe('warning');
  });

  it('sees the way out a turn limit gives a loop that waits for the customer', () => {
    const sketch = withEndlessQuestion(supportSketch());
    sketch.settings = { fallback: { offerHumanAfterTurns: 8, offerHumanNodeId: 'human' } };
    expect(codes(sketch)).not.toContain('NO_WAY_OUT');
  });

  it('warns about a turn limit with no node to offer a human', () => {
    const sketch = supportSketch();
    sketch.settings = { fallback: { offerHumanAfterTurns: 8 } };
    expect(issuesOf(sketch)).toContainEqual(
      expect.objectContaining({ code: 'TURN_LIMIT_WITHOUT_TARGET', severity: 'warning' }),
    );
  });

  it('reports a jump to a node that does not exist', () => {
    const sketch = supportSketch();
    sketch.nodes.push({ id: 'back', type: 'jump', data: { targetNodeId: 'gone' } });
    sketch.edges = sketch.edges?.map((edge) =>
      edge[0] === 'answer' ? ['answer', 'next', 'back'] : edge,
    );
    expect(issuesOf(sketch)).toContainEqual(
      expect.objectContaining({ code: 'UNKNOWN_TARGET', nodeId: 'back' }),
    );
  });

  it('reports two nodes with the same id', () => {
    const sketch = supportSketch();
    sketch.nodes.push({ id: 'bye', type: 'end' });
    expect(codes(sketch)).toContain('DUPLICATE_NODE_ID');
  });

  it('reports an answer pattern the linear-time engine cannot run', () => {
    const sketch = supportSketch();
    sketch.nodes.push(
      {
        id: 'code',
        type: 'ask',
        label: 'Ask code',
        data: { variable: 'code', answerType: 'regex', pattern: '(?=A)[A-Z]\\d{4}' },
      },
      { id: 'plain', type: 'ask', data: { variable: 'other', pattern: '(?=A)' } },
    );
    const issues = issuesOf(sketch).filter((i) => i.code === 'INVALID_PATTERN');
    expect(issues).toEqual([
      {
        code: 'INVALID_PATTERN',
        severity: 'error',
        nodeId: 'code',
        message: expect.stringMatching(/^"Ask code" matches the answer against .*lookahead/),
      },
    ]);
  });

  it('reports an answer pattern left empty', () => {
    const sketch = supportSketch();
    sketch.nodes.push({ id: 'code', type: 'ask', data: { variable: 'code', answerType: 'regex' } });
    const issue = issuesOf(sketch).find((i) => i.code === 'INVALID_PATTERN');
    expect(issue).toMatchObject({ severity: 'error', nodeId: 'code' });
    expect(issue?.message).toContain('against an empty pattern');
  });

  it('reports a written condition pattern it cannot run, not one filled from a variable', () => {
    const sketch = supportSketch();
    const rules = [
      { variable: 'orderNumber', operator: 'matches', value: '([A-Z])\\1' },
      { variable: 'orderNumber', operator: 'matches', value: '{{orderPattern}}' },
      { variable: 'orderNumber', operator: 'matches', value: '^[a-z]\\d{4}$' },
    ];
    sketch.nodes.push({ id: 'check', type: 'condition', data: { rules } });
    const issues = issuesOf(sketch).filter((i) => i.code === 'INVALID_PATTERN');
    expect(issues).toHaveLength(1);
    expect(issues[0]).toMatchObject({ nodeId: 'check', severity: 'error' });
    expect(issues[0]?.message).toContain('matches orderNumber against "([A-Z])\\1"');
    expect(issues[0]?.message).toContain('backreferences');
  });

  it('reports a pattern it cannot run in a set node rule', () => {
    const sketch = supportSketch();
    const rule = { rules: [{ variable: 'orderNumber', operator: 'matches', value: '(?=A)A' }] };
    sketch.nodes.push({
      id: 'flag',
      type: 'set',
      data: { assignments: [{ variable: 'isA', from: 'rule', rule }] },
    });
    const issue = issuesOf(sketch).find((i) => i.code === 'INVALID_PATTERN');
    expect(issue).toMatchObject({ nodeId: 'flag', severity: 'error' });
    expect(issue?.message).toContain('lookahead');
  });

  it('reports a regex entity whose pattern it cannot run', () => {
    const sketch = supportSketch();
    sketch.nlu = {
      ...sketch.nlu,
      entities: [
        { kind: 'regex', name: 'orderNumber', pattern: '(?<![A-Z])[A-Z]\\d{4}', flags: 'i' },
      ],
    };
    const issues = issuesOf(sketch).filter((i) => i.code === 'INVALID_PATTERN');
    expect(issues).toEqual([
      expect.objectContaining({
        severity: 'error',
        message: expect.stringContaining('The entity "orderNumber" has the pattern'),
      }),
    ]);
    expect(issues[0]?.message).toContain('lookbehind');
  });

  it('turns a document that does not load into INVALID_DOCUMENT issues on the node', () => {
    const issues = validateFlowDocument(
      { schemaVersion: 1, nodes: [{ id: 'q', type: 'ask', data: { variable: 'not a name' } }] },
      { knownActions },
    );
    expect(issues).toEqual([
      expect.objectContaining({ code: 'INVALID_DOCUMENT', severity: 'error', nodeId: 'q' }),
    ]);
  });
});
