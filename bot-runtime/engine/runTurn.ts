import type { z } from 'zod';
import type { FlowDocument } from '../flow/flowDocument';
import type { FlowNode } from '../flow/flowNode';
import type { JsonObject, JsonValue } from '../flow/json';
import { nodeRegistry } from '../flow/nodes';
import type { BotOutput } from '../flow/nodes/botOutput';
import type { NodeRegistry } from '../flow/nodes/createNodeRegistry';
import type { NodeContext, NodeResult } from '../flow/nodes/nodeType';
import type { TraceReason } from '../flow/nodes/traceReason';
import { type TurnInput, turnInputSchema } from '../flow/nodes/turnInput';
import { renderTemplate } from '../flow/template/renderTemplate';
import type { Classification, NluClassifier } from '../nlu/types';
import { callAction } from './callAction';
import type { EngineServices } from './engineServices';
import { initialSessionState } from './initialSessionState';
import { type SessionState, type SessionStatus, sessionStateSchema } from './sessionState';
import { toJson } from './toJson';
import type { TraceStep, TurnTrace } from './turnTrace';

export interface RunTurnRequest {
  flow: FlowDocument;
  nlu: NluClassifier;
  /** The state the previous turn returned; null for a new session. */
  state: SessionState | null;
  input: TurnInput;
  services: EngineServices;
  /** The node types to run with; Parley's own by default. */
  nodes?: NodeRegistry;
  /** How a new session begins; ignored when the turn continues one. */
  start?: SessionStart;
}

/**
 * A session begun elsewhere than at the start node, or with variables already set, as the
 * studio's preview rehearses one: the variables are set over the flow's defaults before the
 * first node runs.
 */
export interface SessionStart {
  nodeId?: string;
  variables?: Record<string, JsonValue>;
}

export interface TurnResult {
  outputs: BotOutput[];
  state: SessionState;
  status: SessionStatus;
  trace: TurnTrace;
}

/**
 * Runs one turn of a conversation: from the node waiting for this input (or the start node),
 * through the flow, until a node waits again, hands off or ends. Never rejects: anything that
 * goes wrong becomes an error trace, a safe message and the state from before the turn.
 */
export async function runTurn(request: RunTurnRequest): Promise<TurnResult> {
  let turn: Turn | null = null;
  try {
    turn = new Turn(request);
    return await turn.run();
  } catch (error) {
    const message = `The turn failed unexpectedly: ${error instanceof Error ? error.message : String(error)}`;
    return turn ? turn.fail('TURN_FAILED', message) : brokenTurn(request, message);
  }
}

/** When not even a turn could be set up (e.g. a document that was never loaded). */
function brokenTurn(request: RunTurnRequest, message: string): TurnResult {
  const state = request.state ?? emptyState();
  return {
    outputs: [{ type: 'text', text: 'Sorry, something went wrong on my side.', quickReplies: [] }],
    state,
    status: state.status,
    trace: {
      input: request.input,
      steps: [],
      error: { code: 'TURN_FAILED', message },
      startedAt: 0,
      durationMs: 0,
    },
  };
}

/** What the customer said or chose; a session start counts when it carries a first message. */
function isCustomerMessage(input: TurnInput): boolean {
  if (input.type === 'start') return input.text !== undefined;
  return input.type === 'text' || input.type === 'choice' || input.type === 'form';
}

function emptyState(): SessionState {
  return {
    schemaVersion: 1,
    status: 'awaiting_input',
    currentNodeId: null,
    nodeState: null,
    variables: {},
    misunderstandings: 0,
    lastIntent: null,
    lastIntentConfidence: null,
    turn: 0,
    customerTurns: 0,
    humanOffered: false,
  };
}

class TurnError extends Error {
  constructor(
    readonly code: string,
    message: string,
  ) {
    super(message);
  }
}

class Turn {
  private readonly flow: FlowDocument;
  private readonly services: EngineServices;
  private readonly registry: NodeRegistry;
  private readonly startedAt: number;
  private readonly outputs: BotOutput[] = [];
  private readonly steps: TraceStep[] = [];
  private readonly classifications = new Map<string, Classification>();
  private state: SessionState;
  private pendingInput: TurnInput | null;

  constructor(private readonly request: RunTurnRequest) {
    this.flow = request.flow;
    this.services = request.services;
    this.registry = request.nodes ?? nodeRegistry;
    this.startedAt = request.services.clock.now();
    this.state = initialSessionState(request.flow);
    this.pendingInput = request.input;
  }

  async run(): Promise<TurnResult> {
    const input = turnInputSchema.safeParse(this.request.input);
    if (!input.success) return this.fail('INVALID_INPUT', 'The turn input is not valid.');
    const previous = this.request.state && sessionStateSchema.safeParse(this.request.state);
    if (previous && !previous.success) {
      return this.fail('INVALID_STATE', 'The stored session state is not valid.');
    }
    const starting =
      input.data.type === 'start' || !previous?.data || previous.data.currentNodeId === null;
    if (!starting && previous?.data.status === 'ended') return this.finish(previous.data);
    if (!starting && previous?.data) this.state = structuredClone(previous.data);
    this.state.turn += 1;
    if (isCustomerMessage(input.data)) this.state.customerTurns += 1;
    if (starting) Object.assign(this.state.variables, this.request.start?.variables);
    try {
      const entry = starting ? { nodeId: this.firstNodeId(), resumed: false } : this.resumePoint();
      const result = await this.walk(entry.nodeId, entry.resumed, 1);
      const offerNodeId = this.turnLimitOffer();
      if (offerNodeId === null) return result;
      return await this.walk(offerNodeId, false, (this.steps.at(-1)?.step ?? 0) + 1);
    } catch (error) {
      if (error instanceof TurnError) return this.fail(error.code, error.message);
      throw error;
    }
  }

  fail(code: string, message: string): TurnResult {
    const state = this.request.state ?? initialSessionState(this.flow);
    const text = this.flow.settings.errorMessage;
    return {
      outputs: [{ type: 'text', text, quickReplies: [] }],
      state,
      status: state.status,
      trace: this.trace({ code, message }),
    };
  }

  private async walk(
    firstNodeId: string,
    resumingFirst: boolean,
    firstStep: number,
  ): Promise<TurnResult> {
    let nodeId = firstNodeId;
    let resumed = resumingFirst;
    const { maxStepsPerTurn, fallback } = this.flow.settings;
    for (let step = firstStep; step < firstStep + maxStepsPerTurn; step++) {
      const node = this.nodeById(nodeId);
      // A session opened by typing: its first message may name a global intent too.
      const opening = this.pendingInput?.type === 'start' && !resumed;
      const interruptedTo = opening ? this.globalInterruption(node, step, false) : null;
      if (interruptedTo !== null) {
        nodeId = interruptedTo;
        continue;
      }
      if (node.id === fallback.offerHumanNodeId) this.state.humanOffered = true;
      const startedAt = this.services.clock.now();
      const reasons: TraceReason[] = [];
      const result = await this.runNode(node, resumed, reasons);
      const record = (kind: string, output: string | null, nextNodeId: string | null) =>
        this.steps.push({
          step,
          nodeId: node.id,
          nodeType: node.type,
          nodeLabel: node.label,
          resumed,
          result: kind,
          output,
          nextNodeId,
          reasons,
          startedAt,
          durationMs: this.services.clock.now() - startedAt,
        });

      if (result.type === 'wait' || result.type === 'end') {
        record(result.type, null, null);
        const waitState = result.type === 'wait' ? result : null;
        this.state.currentNodeId = node.id;
        this.state.nodeState = waitState?.nodeState ?? null;
        this.state.status =
          result.type === 'end' ? 'ended' : (waitState?.status ?? 'awaiting_input');
        return this.finish(this.state);
      }
      const next = this.nextOf(node, result, reasons);
      if (next.wait) {
        record('wait', 'fallback', null);
        this.state.currentNodeId = node.id;
        this.state.nodeState = next.nodeState;
        this.state.status = 'awaiting_input';
        return this.finish(this.state);
      }
      record(result.type === 'next' ? 'next' : 'jump', next.output, next.nodeId);
      if (!next.nodeId) {
        throw new TurnError(
          'OUTPUT_NOT_CONNECTED',
          `"${node.label || node.id}" left through "${next.output}", which leads nowhere.`,
        );
      }
      nodeId = next.nodeId;
      resumed = false;
      this.state.nodeState = null;
    }
    throw new TurnError(
      'STEP_LIMIT',
      `The turn went through ${maxStepsPerTurn} nodes without waiting for the customer: the flow loops.`,
    );
  }

  /**
   * The "offer a human" node when this turn used up the flow's turns and the bot is still waiting
   * for the customer, once per session; the jump is recorded in the trace. Null otherwise.
   */
  private turnLimitOffer(): string | null {
    const { offerHumanAfterTurns, offerHumanNodeId } = this.flow.settings.fallback;
    const { state } = this;
    if (offerHumanAfterTurns === null || offerHumanNodeId === null) return null;
    if (state.status !== 'awaiting_input' || state.humanOffered) return null;
    if (state.customerTurns < offerHumanAfterTurns) return null;
    const waiting = this.nodeById(state.currentNodeId ?? '');
    this.steps.push({
      step: (this.steps.at(-1)?.step ?? 0) + 1,
      nodeId: waiting.id,
      nodeType: waiting.type,
      nodeLabel: waiting.label,
      resumed: false,
      result: 'jump',
      output: null,
      nextNodeId: offerHumanNodeId,
      reasons: [{ kind: 'turnLimit', customerTurns: state.customerTurns, offerHumanAfterTurns }],
      startedAt: this.services.clock.now(),
      durationMs: 0,
    });
    state.nodeState = null;
    return offerHumanNodeId;
  }

  /** Where a node's result leads; misunderstandings follow the flow's fallback settings. */
  private nextOf(
    node: FlowNode,
    result: Exclude<NodeResult, { type: 'wait' | 'end' }>,
    reasons: TraceReason[],
  ):
    | { wait: false; output: string | null; nodeId: string | null }
    | { wait: true; nodeState: JsonObject | null } {
    if (result.type === 'next') {
      return { wait: false, output: result.output, nodeId: this.targetOf(node.id, result.output) };
    }
    if (result.type === 'jump') return { wait: false, output: null, nodeId: result.targetNodeId };

    const { fallback } = this.flow.settings;
    this.state.misunderstandings += 1;
    const offerHuman =
      fallback.offerHumanNodeId !== null &&
      this.state.misunderstandings >= fallback.offerHumanAfter;
    reasons.push({
      kind: 'fallback',
      misunderstandings: this.state.misunderstandings,
      offerHumanAfter: fallback.offerHumanAfter,
      offerHuman,
    });
    if (offerHuman) {
      this.state.misunderstandings = 0;
      return { wait: false, output: null, nodeId: fallback.offerHumanNodeId };
    }
    const fallbackTarget = this.targetOf(node.id, 'fallback');
    if (fallbackTarget) return { wait: false, output: 'fallback', nodeId: fallbackTarget };
    this.say({ type: 'text', text: this.render(fallback.message), quickReplies: [] });
    return { wait: true, nodeState: result.nodeState ?? null };
  }

  private async runNode(
    node: FlowNode,
    resumed: boolean,
    reasons: TraceReason[],
  ): Promise<NodeResult> {
    const nodeType = this.registry.get(node.type);
    if (!nodeType) throw new TurnError('UNKNOWN_NODE_TYPE', `Unknown node type "${node.type}".`);
    const data = parsedNodeData(nodeType.dataSchema, node);
    if (!data.success) {
      throw new TurnError('INVALID_NODE_DATA', `"${node.label || node.id}" has invalid settings.`);
    }
    const context: NodeContext<unknown> = {
      node: { id: node.id, label: node.label, data: data.data },
      resumed,
      nodeState: resumed ? this.state.nodeState : null,
      variables: this.state.variables,
      setVariable: (name, value) => {
        this.state.variables[name] = toJson(value);
      },
      takeInput: () => {
        const input = this.pendingInput;
        this.pendingInput = null;
        return input;
      },
      isConnected: (output) => this.targetOf(node.id, output) !== null,
      startNodeId: () => this.startNodeId(),
      say: (output) => this.say(output),
      render: (template) => this.render(template),
      classify: (text) => this.classify(text, reasons),
      recordIntent: (intent, confidence) => {
        this.state.lastIntent = intent;
        this.state.lastIntentConfidence = confidence;
        this.state.misunderstandings = 0;
      },
      lastIntent: () => this.state.lastIntent,
      lastIntentConfidence: () => this.state.lastIntentConfidence,
      explain: (reason) => reasons.push(reason),
      callAction: async (name, inputTemplates, timeoutMs) => {
        const { outcome, reason } = await callAction(this.services, {
          name,
          inputTemplates,
          variables: this.state.variables,
          timeoutMs,
        });
        reasons.push(reason);
        return outcome;
      },
      now: () => this.services.clock.now(),
      random: () => this.services.random(),
    };
    return nodeType.run(context);
  }

  private firstNodeId(): string {
    const chosen = this.request.start?.nodeId;
    return chosen === undefined ? this.startNodeId() : this.nodeById(chosen).id;
  }

  private startNodeId(): string {
    const entries = this.flow.nodes.filter((node) => this.registry.get(node.type)?.isEntry);
    const [start] = entries;
    if (!start) throw new TurnError('NO_START', 'The flow has no start node.');
    return start.id;
  }

  /** The waiting node, unless a global intent in the customer's message interrupts it. */
  private resumePoint(): { nodeId: string; resumed: boolean } {
    const waitingId = this.state.currentNodeId ?? '';
    const target = this.globalInterruption(this.nodeById(waitingId), 0, true);
    return target === null
      ? { nodeId: waitingId, resumed: true }
      : { nodeId: target, resumed: false };
  }

  /**
   * Where a global intent in the customer's message takes the conversation instead of the
   * interruptible node about to read it, recorded as a jump from that node; null when the
   * message names no global intent.
   */
  private globalInterruption(node: FlowNode, step: number, resumed: boolean): string | null {
    if (!this.registry.get(node.type)?.interruptible) return null;
    const reasons: TraceReason[] = [];
    const { intent, classification } = this.globalIntentOf(this.pendingInput, reasons);
    const global = this.flow.settings.globalIntents.find(
      (candidate) => candidate.intent === intent,
    );
    if (!global) return null;
    if (!resumed && this.steps.some((passed) => passed.nodeId === global.targetNodeId)) {
      // A first message such as "start over": this turn has just been there; going back would
      // say it all again, so the message is taken as answered.
      this.pendingInput = null;
      return null;
    }
    reasons.push({
      kind: 'globalIntent',
      intent: global.intent,
      targetNodeId: global.targetNodeId,
    });
    this.steps.push({
      step,
      nodeId: node.id,
      nodeType: node.type,
      nodeLabel: node.label,
      resumed,
      result: 'jump',
      output: null,
      nextNodeId: global.targetNodeId,
      reasons,
      startedAt: this.services.clock.now(),
      durationMs: 0,
    });
    this.pendingInput = null;
    this.state.lastIntent = global.intent;
    this.state.lastIntentConfidence = classification?.confidence ?? null;
    this.saveEntities(classification, reasons);
    this.state.misunderstandings = 0;
    this.state.nodeState = null;
    return global.targetNodeId;
  }

  /**
   * The global intent of the turn's input, and the NLU result it came from (none when the
   * customer tapped it).
   */
  private globalIntentOf(
    input: TurnInput | null,
    reasons: TraceReason[],
  ): { intent: string | null; classification: Classification | null } {
    if (input?.type === 'choice') {
      const tapped = this.flow.settings.globalIntents.some((g) => g.intent === input.value);
      if (tapped) return { intent: input.value, classification: null };
    }
    const text =
      input?.type === 'text' || input?.type === 'start'
        ? input.text
        : input?.type === 'choice'
          ? input.label
          : null;
    if (!text) return { intent: null, classification: null };
    const classification = this.classify(text, reasons);
    return { intent: classification.intent, classification };
  }

  /**
   * A global jump skips the nodes that would have filled slots from the message, so what it
   * names ("a person about my order A1001") would be lost: each entity named like one of the
   * flow's variables is kept in it.
   */
  private saveEntities(classification: Classification | null, reasons: TraceReason[]) {
    for (const match of classification?.entities ?? []) {
      if (!this.flow.settings.variables.some((variable) => variable.name === match.entity))
        continue;
      this.state.variables[match.entity] = toJson(match.value);
      reasons.push({
        kind: 'slot',
        variable: match.entity,
        entity: match.entity,
        filled: true,
        value: toJson(match.value),
      });
    }
  }

  /** The NLU result for a text, computed once per turn and reported in the step's trace. */
  private classify(text: string, reasons: TraceReason[]): Classification {
    const threshold = this.flow.settings.nluThreshold;
    let classification = this.classifications.get(text);
    if (!classification) {
      const raw = this.request.nlu.classify(text, {
        threshold,
        now: new Date(this.services.clock.now()),
      });
      classification = raw.confidence < threshold && raw.intent ? { ...raw, intent: null } : raw;
      this.classifications.set(text, classification);
    }
    if (!reasons.some((reason) => reason.kind === 'nlu' && reason.text === text)) {
      reasons.push({ kind: 'nlu', text, threshold, ...classification });
    }
    return classification;
  }

  private nodeById(nodeId: string): FlowNode {
    const node = this.flow.nodes.find((candidate) => candidate.id === nodeId);
    if (!node) throw new TurnError('NODE_NOT_FOUND', `The flow has no node "${nodeId}".`);
    return node;
  }

  private targetOf(nodeId: string, output: string): string | null {
    const edge = this.flow.edges.find(
      (candidate) => candidate.sourceNodeId === nodeId && candidate.sourceOutput === output,
    );
    return edge?.targetNodeId ?? null;
  }

  private say(output: BotOutput): void {
    this.outputs.push(output);
  }

  private render(template: string): string {
    return renderTemplate(template, this.state.variables);
  }

  private finish(state: SessionState): TurnResult {
    return { outputs: this.outputs, state, status: state.status, trace: this.trace(null) };
  }

  private trace(error: TurnTrace['error']): TurnTrace {
    return {
      input: this.request.input,
      steps: this.steps,
      error,
      startedAt: this.startedAt,
      durationMs: this.services.clock.now() - this.startedAt,
    };
  }
}

/**
 * A node's settings as its type reads them, parsed once per node object: a published flow is
 * loaded once and its nodes visited on every turn, so re-validating them each visit was a
 * measurable share of a message's CPU. Handlers treat their settings as read-only.
 */
const nodeDataCache = new WeakMap<FlowNode, ReturnType<z.ZodType['safeParse']>>();

function parsedNodeData(schema: z.ZodType, node: FlowNode): ReturnType<z.ZodType['safeParse']> {
  let parsed = nodeDataCache.get(node);
  if (parsed === undefined) {
    parsed = schema.safeParse(node.data);
    nodeDataCache.set(node, parsed);
  }
  return parsed;
}
