import { ActionError, actionRegistry, builtInActions } from '../../bot-runtime/actions';
import type { ActionDefinition } from '../../bot-runtime/actions/types';
import { type Clock, runTurn, type SessionStart, type TurnTrace } from '../../bot-runtime/engine';
import type { SessionStatus } from '../../bot-runtime/engine/sessionState';
import { type FlowDocument, validateFlow } from '../../bot-runtime/flow';
import type { LoadedNlu } from '../../bot-runtime/nlu';
import type { Entry } from '../../contract/entries';
import { getContact } from '../contacts/contactDirectory';
import type { Db } from '../db/client';
import type { EntryDraft, StaffRole } from '../db/schema';
import { DomainError } from '../errors';
import { isReply } from '../push/pushMessage';
import type { Handoff } from '../routing/handoff';
import { type HandoffRehearsal, rehearseHandoff } from '../routing/rehearseHandoff';
import { getBot } from './botCatalog';
import type { PreviewCustomer, PreviewInput, PreviewStart, PreviewState } from './botSchemas';
import { botTurnOutcome } from './botTurnOutcome';
import { ignoredPhrases } from './misunderstood';
import { previewNlu } from './previewNlu';
import { type PreviewNotification, previewNotification } from './previewNotification';
import { type LiveServicesConfig, liveServices } from './previewServices';
import { previewVersion } from './previewVersion';
import { requireLoadableFlow } from './requireLoadableFlow';
import { toTurnInput } from './toTurnInput';

export interface PreviewTurnRequest {
  botId: string;
  /** The draft as edited; not read when `versionId` is set. */
  document: unknown;
  /** A published version of the bot to run instead of the document. */
  versionId?: string;
  state: PreviewState | null;
  input: PreviewInput;
  /** Read when the conversation starts: its first node and variables set before it. */
  start?: PreviewStart;
  /** The verified customer the turn runs as; anonymous when left out. */
  customer?: PreviewCustomer;
  /** Actions call this deployment's real services instead of answering from their mocks. */
  realServices?: { deploymentId: string };
  /** The app is in the background, its notifications following this deployment's settings. */
  background?: { deploymentId?: string };
}

export interface PreviewOptions {
  clock?: Clock;
  /** Read only when a turn asks for real services. */
  liveConfig?: () => LiveServicesConfig;
}

export interface PreviewTurn {
  /** The person's own message (when they sent one) and the bot's answers, as the chat shows them. */
  entries: Entry[];
  state: PreviewState;
  status: SessionStatus;
  trace: TurnTrace;
  /** The node the conversation waits at now, for the canvas to point at. */
  currentNodeId: string | null;
  /** Where the bot would hand the customer over, had this been a real conversation. */
  handoff: Handoff | null;
  /** What routing would decide for that hand-off now, without changing anything. */
  rehearsal: HandoffRehearsal | null;
  /** With the app in the background, what it would be notified of this turn's last reply. */
  notification: PreviewNotification | null;
}

const PREVIEW_CUSTOMER = 'You';

/**
 * Turns no customer message caused, whose replies reach someone who may have left the app: the
 * bot taking the conversation back from an agent.
 */
const UNPROMPTED_INPUTS: ReadonlySet<PreviewInput['type']> = new Set(['returned']);

const actionsByName = new Map<string, ActionDefinition>(
  builtInActions.map((action) => [action.name, action]),
);

const systemClock: Clock = {
  now: Date.now,
  setTimeout: (callback, ms) => {
    const timer = setTimeout(callback, ms);
    return () => clearTimeout(timer);
  },
};

/**
 * One turn of a studio preview conversation on the document being edited, or on a published
 * version. Actions answer with their mocks unless the turn asks for a deployment's real
 * services; the conversation's state travels with the studio and comes back with the next turn.
 */
export async function previewTurn(
  db: Db,
  actor: { orgId: string; role: StaffRole },
  request: PreviewTurnRequest,
  options: PreviewOptions = {},
): Promise<PreviewTurn> {
  const { orgId } = actor;
  const clock = options.clock ?? systemClock;
  getBot(db, orgId, request.botId);
  const live = request.realServices
    ? liveServices(db, actor, request.realServices.deploymentId, () => requireLiveConfig(options))
    : null;
  const { flow, nlu } = request.versionId
    ? previewVersion(db, orgId, request.botId, request.versionId)
    : previewedDraft(request.document, ignoredPhrases(db, orgId, request.botId));
  const verifiedCustomerId = request.customer && customerIdOf(db, orgId, request.customer);
  const starting = request.input.type === 'start' || request.state === null;
  const result = await runTurn({
    flow,
    nlu,
    state: starting ? null : (request.state?.session ?? null),
    input: toTurnInput(request.input),
    start: starting ? sessionStart(flow, request.start) : undefined,
    services: {
      clock,
      random: Math.random,
      actions: actionsByName,
      mockActions: live === null,
      actionContext: (signal) => ({
        ...(live?.(signal) ?? mockedServices),
        ...(verifiedCustomerId ? { verifiedCustomerId } : {}),
        signal,
        now: clock.now,
      }),
    },
  });
  const outcome = botTurnOutcome(result.outputs, result.state, result.status, flow.name);
  const drafts = [
    ...customerEntryOf(request.input),
    ...outcome.entries,
    ...(outcome.handoff?.said ?? []),
    ...statusEntryOf(result.status),
  ];
  const firstSeq = (starting ? 0 : (request.state?.lastSeq ?? 0)) + 1;
  const createdAt = new Date(clock.now()).toISOString();
  const entries = drafts.map((draft, index) => toPreviewEntry(draft, firstSeq + index, createdAt));
  const notified =
    request.background && UNPROMPTED_INPUTS.has(request.input.type) ? latestReply(entries) : null;
  return {
    entries,
    state: { session: result.state, lastSeq: firstSeq - 1 + entries.length },
    status: result.status,
    trace: result.trace,
    currentNodeId: result.state.currentNodeId,
    handoff: outcome.handoff ?? null,
    rehearsal: outcome.handoff
      ? rehearseHandoff(db, orgId, outcome.handoff, new Date(clock.now()))
      : null,
    notification: notified
      ? previewNotification(
          db,
          orgId,
          request.background?.deploymentId,
          {
            actorName: notified.actor.name,
            entryType: notified.type,
            payload: notified.payload,
            seq: notified.seq,
          },
          new Date(clock.now()),
        )
      : null,
  };
}

function latestReply(entries: readonly Entry[]): Entry | null {
  return entries.findLast((entry) => isReply(entry.actor.type, entry.type)) ?? null;
}

/** Never called while actions answer from their mocks; there only so a slip reaches nothing. */
const mockedServices = {
  fetch: () =>
    Promise.reject(
      new ActionError('OUTBOUND_ADDRESS_BLOCKED', 'Preview does not call real endpoints.'),
    ),
  runScript: async () => ({}),
  secret: () => undefined,
  settings: {},
};

function requireLiveConfig(options: PreviewOptions): LiveServicesConfig {
  if (!options.liveConfig)
    throw new Error('Real services were asked for without their configuration.');
  return options.liveConfig();
}

function previewedDraft(
  document: unknown,
  extraBackground: readonly string[],
): { flow: FlowDocument; nlu: LoadedNlu } {
  const flow = requireLoadableFlow(document);
  const errors = validateFlow(flow, {
    knownActions: actionRegistry.list().map((action) => action.name),
  }).filter((issue) => issue.severity === 'error');
  if (errors.length > 0) {
    throw new DomainError(
      'FLOW_HAS_ERRORS',
      `Fix the draft's ${errors.length} error${errors.length === 1 ? '' : 's'} to preview it: ${errors.map((e) => e.message).join(' ')}`,
      { issues: errors },
    );
  }
  return { flow, nlu: previewNlu(flow, extraBackground) };
}

/** The app's id for the customer, as a verified identity token would carry it. */
function customerIdOf(db: Db, orgId: string, customer: PreviewCustomer): string {
  return 'contactId' in customer
    ? getContact(db, orgId, customer.contactId).externalUserId
    : customer.customerId;
}

/** A start node or variable the flow does not have is refused, naming it, rather than ignored. */
function sessionStart(flow: FlowDocument, start: PreviewStart | undefined): SessionStart {
  if (!start) return {};
  const { nodeId, variables } = start;
  if (nodeId !== undefined && !flow.nodes.some((node) => node.id === nodeId)) {
    throw new DomainError('INVALID_INPUT', `The flow has no node "${nodeId}" to start from.`, {
      field: 'start.nodeId',
    });
  }
  const declared = new Set(flow.settings.variables.map((variable) => variable.name));
  const unknown = Object.keys(variables ?? {}).filter((name) => !declared.has(name));
  if (unknown.length > 0) {
    throw new DomainError(
      'INVALID_INPUT',
      `The flow declares no variable ${unknown.map((name) => `"${name}"`).join(', ')}; add it in Flow settings first.`,
      { field: 'start.variables', variables: unknown },
    );
  }
  return { ...(nodeId !== undefined ? { nodeId } : {}), ...(variables ? { variables } : {}) };
}

function customerEntryOf(input: PreviewInput): EntryDraft[] {
  if (input.type === 'start' || input.type === 'noAgent' || input.type === 'returned') return [];
  const base = {
    actorType: 'customer' as const,
    actorName: PREVIEW_CUSTOMER,
    ...(input.clientMessageId ? { clientMessageId: input.clientMessageId } : {}),
  };
  if (input.type === 'text') return [{ ...base, type: 'text', payload: { text: input.text } }];
  if (input.type === 'choice') {
    const label = input.label ? { label: input.label } : {};
    return [{ ...base, type: 'choice', payload: { value: input.value, ...label } }];
  }
  return [{ ...base, type: 'form_response', payload: { values: input.fields } }];
}

/** The same note a real conversation gets when the bot hands it over or ends it. */
function statusEntryOf(status: SessionStatus): EntryDraft[] {
  if (status === 'awaiting_input') return [];
  const [to, reason] = status === 'escalated' ? ['waiting', 'escalated'] : ['ended', 'bot_ended'];
  // A conversation stays "new" for as long as only the bot has answered it.
  const payload = { from: 'new', to, reason };
  return [{ actorType: 'system', actorName: 'Parley', type: 'status_changed', payload }];
}

function toPreviewEntry(draft: EntryDraft, seq: number, createdAt: string): Entry {
  return {
    id: `preview-${seq}`,
    seq,
    actor: { type: draft.actorType, name: draft.actorName },
    type: draft.type,
    payload: draft.payload,
    ...(draft.clientMessageId ? { clientMessageId: draft.clientMessageId } : {}),
    createdAt,
    status: 'sent',
  };
}
