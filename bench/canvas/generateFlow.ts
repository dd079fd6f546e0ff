import { actionRegistry } from '../../bot-runtime/actions';
import {
  type FlowDocument,
  type FlowDocumentInput,
  loadFlow,
  validateFlow,
} from '../../bot-runtime/flow';

type NodeInput = FlowDocumentInput['nodes'][number];
type EdgeInput = NonNullable<FlowDocumentInput['edges']>[number];

/** Nodes before the first module: start, greeting and the main menu. */
const HEADER_NODES = 3;
/** Every module has one node of each type but start (message, ask, ... end). */
const MODULE_NODES = 9;
/**
 * Nodes are about 220 px wide. The grid is a little wider than tall, like a flow on a landscape
 * screen, and small enough that fitting it stays above the canvas's minimum zoom (0.1): below
 * it some nodes would be off screen and, with only visible elements rendered, never drawn.
 */
const GRID = { columns: 15, dx: 280, dy: 170 };

/**
 * A support bot of `nodeCount` nodes shaped like a hand-made one: a main menu whose intents
 * enter a long chain of modules, each asking a question, checking it, calling an action,
 * branching to a hand-off and jumping back to the menu. Every output is connected, so the
 * canvas draws as many edges as a finished flow would.
 */
export function generateFlow(nodeCount: number): FlowDocument {
  const modules = (nodeCount - HEADER_NODES) / MODULE_NODES;
  if (!Number.isInteger(modules) || modules < 3) {
    throw new Error(`a generated flow has ${HEADER_NODES} + ${MODULE_NODES}·n nodes, n ≥ 3`);
  }
  const nodes: NodeInput[] = [
    { id: 'start', type: 'start', label: 'Start', data: {} },
    { id: 'greet', type: 'message', label: 'Greeting', data: { text: 'Hi! How can I help?' } },
    {
      id: 'menu',
      type: 'intent',
      label: 'Main menu',
      data: { intents: [{ intent: 'orderStatus' }, { intent: 'returnsInfo' }] },
    },
  ];
  const edges: EdgeInput[] = [];
  const link = (source: string, output: string, target: string) =>
    edges.push({
      id: `e${edges.length + 1}`,
      sourceNodeId: source,
      sourceOutput: output,
      targetNodeId: target,
    });
  link('start', 'next', 'greet');
  link('greet', 'next', 'menu');
  link('menu', 'orderStatus', moduleIds(0).intro);
  link('menu', 'returnsInfo', moduleIds(Math.floor(modules / 2)).intro);

  for (let k = 0; k < modules; k++) {
    const ids = moduleIds(k);
    const next = k + 1 < modules ? moduleIds(k + 1).intro : ids.end;
    nodes.push(...moduleNodes(k));
    link(ids.intro, 'next', ids.ask);
    link(ids.ask, 'next', ids.check);
    link(ids.ask, 'invalid', ids.handoff);
    link(ids.check, 'true', ids.lookup);
    link(ids.check, 'false', ids.remember);
    link(ids.lookup, 'success', ids.followUp);
    link(ids.lookup, 'failure', ids.handoff);
    link(ids.remember, 'next', ids.followUp);
    link(ids.followUp, 'moreHelp', next);
    link(ids.followUp, 'startOver', ids.back);
    link(ids.handoff, 'noAgent', ids.end);
  }

  const layout = Object.fromEntries(
    nodes.map((node, index) => [
      node.id,
      { x: (index % GRID.columns) * GRID.dx, y: Math.floor(index / GRID.columns) * GRID.dy },
    ]),
  );
  return checkedFlow({
    schemaVersion: 1,
    name: `Generated ${nodeCount}-node flow`,
    description: 'Generated for the canvas benchmark.',
    nodes,
    edges,
    settings: {
      variables: [{ name: 'topic', type: 'string', default: 'general' }],
    },
    nlu: {
      intents: [
        { name: 'orderStatus', phrases: ['Where is my order?', 'Track my parcel'] },
        { name: 'returnsInfo', phrases: ['How do I return an item?', 'Refund policy'] },
        { name: 'moreHelp', phrases: ['I have another question', 'Something else'] },
        { name: 'startOver', phrases: ['Start over', 'Back to the menu'] },
      ],
    },
    layout: { nodes: layout },
  });
}

function moduleIds(k: number) {
  const id = (name: string) => `m${k}_${name}`;
  return {
    intro: id('intro'),
    ask: id('ask'),
    check: id('check'),
    lookup: id('lookup'),
    remember: id('remember'),
    followUp: id('followUp'),
    back: id('back'),
    handoff: id('handoff'),
    end: id('end'),
  };
}

function moduleNodes(k: number): NodeInput[] {
  const ids = moduleIds(k);
  const answer = `answer${k}`;
  return [
    {
      id: ids.intro,
      type: 'message',
      label: `Step ${k + 1}`,
      data: {
        text: `Step ${k + 1}: let's sort this out together.`,
        quickReplies: [{ label: 'Talk to a person', value: 'human' }],
      },
    },
    {
      id: ids.ask,
      type: 'ask',
      label: `Ask order ${k + 1}`,
      data: { prompt: 'What is your order number?', variable: answer, answerType: 'text' },
    },
    {
      id: ids.check,
      type: 'condition',
      label: `Has order ${k + 1}?`,
      data: { rules: [{ variable: answer, operator: 'isSet' }] },
    },
    {
      id: ids.lookup,
      type: 'action',
      label: `Look up ${k + 1}`,
      data: {
        action: 'orderStatus',
        inputs: [{ name: 'orderNumber', value: `{{${answer}}}` }],
        results: [{ path: 'status', variable: 'orderState' }],
      },
    },
    {
      id: ids.remember,
      type: 'set',
      label: `Topic ${k + 1}`,
      data: { assignments: [{ variable: 'topic', from: 'value', value: 'orders' }] },
    },
    {
      id: ids.followUp,
      type: 'intent',
      label: `Anything else ${k + 1}?`,
      data: { intents: [{ intent: 'moreHelp' }, { intent: 'startOver' }] },
    },
    { id: ids.back, type: 'jump', label: `Back ${k + 1}`, data: { targetNodeId: 'menu' } },
    {
      id: ids.handoff,
      type: 'escalate',
      label: `Hand off ${k + 1}`,
      data: { queue: 'Orders', skills: [{ skill: 'orders', level: 2 }], priority: 2 },
    },
    { id: ids.end, type: 'end', label: `Goodbye ${k + 1}`, data: {} },
  ];
}

/** The benchmark must draw what a designer could save: any finding, even a warning, is a bug here. */
function checkedFlow(input: FlowDocumentInput): FlowDocument {
  const loaded = loadFlow(input);
  if (!loaded.ok) {
    throw new Error(`generated flow does not load: ${JSON.stringify(loaded.error.issues)}`);
  }
  const knownActions = actionRegistry.list().map((action) => action.name);
  const issues = validateFlow(loaded.flow, { knownActions });
  if (issues.length > 0) {
    throw new Error(`generated flow has issues: ${issues.map((i) => i.message).join('; ')}`);
  }
  return loaded.flow;
}
