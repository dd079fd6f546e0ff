import type { z } from 'zod';
import type { Classification } from '../../nlu/types';
import type { JsonObject, JsonValue } from '../json';
import type { BotOutput } from './botOutput';
import type { NodeEditor } from './editor/editorKit';
import type { TraceReason } from './traceReason';
import type { TurnInput } from './turnInput';

/**
 * A node type, declared once in its own folder: what the studio needs for the palette and the
 * inspector, what the validator needs to check a flow, and what the engine runs.
 */
export interface NodeType<Data = unknown> {
  type: string;
  label: string;
  description: string;
  /** The character the studio draws for the type, so the canvas needs no icon font. */
  icon: string;
  category: NodeCategory;
  dataSchema: z.ZodType<Data>;
  /** What a freshly dropped node starts with. */
  defaultData: Data;
  /** The named exits of a node with this data; edges start from these. */
  outputs(data: Data): NodeOutput[];
  /** One line for the canvas box. */
  summary(data: Data): string;
  /** How the studio lays out the inspector form; pure data. */
  inspector: InspectorField[];
  /**
   * The type's own inspector widgets, for its `custom` fields: React components in its
   * `editor/` folder. Only the studio calls this, so the server and the engine never load them.
   */
  editor?: () => Promise<NodeEditor>;
  /** What the validator checks the node against: intents, actions, nodes and variables. */
  references(data: Data): NodeReferences;
  /**
   * The data after an intent the node names is renamed; for types whose data names intents.
   * Edges that left through an output named after the intent are renamed with it. The studio
   * passes a draft's data as stored, which may be unfinished: it may throw on a shape it does
   * not know, and the node is then left as it is.
   */
  renameIntent?(data: Data, from: string, to: string): Data;
  /** Exactly one node of an entry type starts every session. */
  isEntry?: boolean;
  /** Reaching this node counts as a way out of the bot (a human or the end). */
  isExit?: boolean;
  /** While this node waits, a global intent may interrupt it. */
  interruptible?: boolean;
  /**
   * While this node waits: how long the customer may stay silent before the host sends a
   * `timeout` input, and the output that input leaves by. The engine never keeps time itself.
   */
  silenceTimeout?(data: Data): { afterMs: number; output: string } | null;
  run(context: NodeContext<Data>): NodeResult | Promise<NodeResult>;
}

export type NodeCategory = 'flow' | 'conversation' | 'logic' | 'integration' | 'handoff';

export interface NodeOutput {
  name: string;
  label: string;
  /** The validator reports a required output left unconnected. */
  required: boolean;
  /** Reported instead of the generic OUTPUT_NOT_CONNECTED when this output has no edge. */
  whenMissing?: { code: string; message: string };
}

export interface NodeReferences {
  intents?: string[];
  entities?: string[];
  actions?: string[];
  /** Nodes reached without an edge, e.g. a jump target. */
  nodes?: string[];
  reads?: string[];
  writes?: string[];
  /** Patterns the node matches text against; the validator checks that each one can run. */
  patterns?: PatternUse[];
}

export interface PatternUse {
  pattern: string;
  ignoreCase?: boolean;
  /** What the pattern is matched against, for the message: `the answer`, `tier`. */
  subject: string;
}

/** The studio's widgets, shared by every node type; a type's own widgets are `custom`. */
export type InspectorWidget =
  | 'text'
  | 'template'
  | 'number'
  | 'toggle'
  | 'select'
  | 'variable'
  | 'variableList'
  | 'intentPicker'
  | 'entityPicker'
  | 'quickReplies'
  | 'cards'
  | 'image'
  | 'options'
  | 'actionPicker'
  | 'inputMapping'
  | 'nodePicker'
  | 'code';

export type InspectorField = {
  /** Dotted path into the node's data. */
  field: string;
  label: string;
  help?: string;
  /** For `select`. */
  choices?: { label: string; value: string }[];
  /** Shown only when another field has this value. */
  visibleWhen?: { field: string; equals: JsonValue };
} & (
  | { widget: InspectorWidget }
  /** Drawn by the widget of this name in the node type's `editor`. */
  | { widget: 'custom'; custom: string }
);

/** What a handler sees of the running turn. */
export interface NodeContext<Data> {
  node: { id: string; label: string; data: Data };
  /** True when this node was waiting and the turn's input is its answer. */
  resumed: boolean;
  /** What this node saved when it last waited; null on a fresh entry. */
  nodeState: JsonObject | null;
  variables: Readonly<Record<string, JsonValue>>;
  setVariable(name: string, value: JsonValue): void;
  /** The turn's input if no node has used it yet; taking it marks it used. */
  takeInput(): TurnInput | null;
  /** Whether an edge leaves this node through the output. */
  isConnected(output: string): boolean;
  /** Where the flow begins, for a node that starts it over. */
  startNodeId(): string;
  say(output: BotOutput): void;
  render(template: string): string;
  /** The turn's NLU result for this text (computed once, with the flow's threshold). */
  classify(text: string): Classification;
  /** `confidence` is the NLU's, or null when the customer tapped the intent. */
  recordIntent(intent: string, confidence: number | null): void;
  lastIntent(): string | null;
  lastIntentConfidence(): number | null;
  explain(reason: TraceReason): void;
  /**
   * Calls an action with its input fields as templates; the engine renders them from the
   * variables, except the fields the action declares it renders itself.
   */
  callAction(
    name: string,
    inputTemplates: Record<string, string>,
    timeoutMs: number,
  ): Promise<NodeActionOutcome>;
  now(): number;
  random(): number;
}

/** What an action call came to; the engine's own `ActionOutcome` also says which failure. */
export type NodeActionOutcome =
  | { ok: true; output: JsonValue }
  | { ok: false; error: { code: string; message: string } };

export type NodeResult =
  /** Leave through this output. */
  | { type: 'next'; output: string }
  /** Stop the turn here until the next input. */
  | { type: 'wait'; nodeState?: JsonObject; status?: 'awaiting_input' | 'escalated' }
  | { type: 'jump'; targetNodeId: string }
  /** The customer's message was not understood; the engine applies the flow's fallback rules. */
  | { type: 'misunderstood'; nodeState?: JsonObject }
  | { type: 'end' };

/** Keeps each declaration's data type checked against its own schema. */
export function defineNodeType<Data>(nodeType: NodeType<Data>): NodeType<Data> {
  return nodeType;
}
