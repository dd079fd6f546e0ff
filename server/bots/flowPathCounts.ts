import { and, eq, exists, gte, lt, sql } from 'drizzle-orm';
import { edgeKey } from '../../bot-runtime/flow/diffFlows';
import type { Db } from '../db/client';
import { botTurnTraces, botVersions, messagingSessions, workItems } from '../db/schema';
import {
  type ConversationOutcome,
  conversationOutcome,
  noOutcomes,
  type OutcomeCounts,
} from './conversationOutcome';

/** The conversations that reached one node, by how they ended. */
export interface NodeCounts {
  conversations: number;
  outcomes: OutcomeCounts;
}

/** One version's conversations and the way they went through its flow. */
export interface VersionPathCounts {
  /** Every conversation on the version with at least one bot turn. */
  total: NodeCounts;
  nodes: Map<string, NodeCounts>;
  /** Conversations that went along each edge, by edge id. */
  edges: Map<string, number>;
}

export function emptyPathCounts(): VersionPathCounts {
  return {
    total: { conversations: 0, outcomes: noOutcomes() },
    nodes: new Map(),
    edges: new Map(),
  };
}

/** Adds one conversation (or a rolled-up group of them) to a node's counts. */
export function addNodeCounts(
  into: Map<string, NodeCounts>,
  nodeId: string,
  conversations: number,
  outcomes: Partial<OutcomeCounts>,
) {
  let counts = into.get(nodeId);
  if (!counts) {
    counts = { conversations: 0, outcomes: noOutcomes() };
    into.set(nodeId, counts);
  }
  counts.conversations += conversations;
  for (const [outcome, n] of Object.entries(outcomes) as [ConversationOutcome, number][]) {
    counts.outcomes[outcome] += n;
  }
}

/** Adds `more` (conversations of other days or hours) into `counts`. */
export function mergePathCounts(counts: VersionPathCounts, more: VersionPathCounts) {
  counts.total.conversations += more.total.conversations;
  for (const [outcome, n] of Object.entries(more.total.outcomes) as [
    ConversationOutcome,
    number,
  ][]) {
    counts.total.outcomes[outcome] += n;
  }
  for (const [nodeId, node] of more.nodes) {
    addNodeCounts(counts.nodes, nodeId, node.conversations, node.outcomes);
  }
  for (const [edgeId, n] of more.edges)
    counts.edges.set(edgeId, (counts.edges.get(edgeId) ?? 0) + n);
}

interface ConversationPath {
  versionId: string;
  nodes: Set<string>;
  edges: Set<string>;
  heardNoAgent: boolean;
  status: string;
  agentType: string;
  endedBy: string | null;
  hasWorkItem: boolean;
}

/**
 * Counts, from the stored bot-turn traces, the conversations that began in [fromMs, toMs) on
 * each version (or on `botVersionId` only): a conversation counts once per node it entered and
 * once per edge it went along, whichever turn it did so in, with the outcome it has now. The
 * sessions are read through their (org, created) index and each one's traces through the
 * (session, turn) index; each trace is parsed once.
 */
export function countFlowPaths(
  db: Db,
  orgId: string,
  range: { fromMs: number; toMs: number; botVersionId?: string },
): Map<string, VersionPathCounts> {
  const conditions = [
    eq(messagingSessions.orgId, orgId),
    gte(messagingSessions.createdAt, new Date(range.fromMs)),
    lt(messagingSessions.createdAt, new Date(range.toMs)),
  ];
  if (range.botVersionId) conditions.push(eq(botTurnTraces.botVersionId, range.botVersionId));
  const rows = db
    .select({
      sessionId: botTurnTraces.sessionId,
      versionId: botTurnTraces.botVersionId,
      trace: botTurnTraces.trace,
      status: messagingSessions.status,
      agentType: messagingSessions.agentType,
      endedBy: messagingSessions.endedBy,
      hasWorkItem: sql<number>`${exists(
        db
          .select({ one: sql`1` })
          .from(workItems)
          .where(eq(workItems.sessionId, messagingSessions.id)),
      )}`,
    })
    .from(messagingSessions)
    .innerJoin(botTurnTraces, eq(botTurnTraces.sessionId, messagingSessions.id))
    .where(and(...conditions))
    .all();

  const edgeIds = new EdgeIdsByVersion(db);
  const paths = new Map<string, ConversationPath>();
  for (const row of rows) {
    let path = paths.get(row.sessionId);
    if (!path) {
      path = {
        versionId: row.versionId,
        nodes: new Set(),
        edges: new Set(),
        heardNoAgent: false,
        status: row.status,
        agentType: row.agentType,
        endedBy: row.endedBy,
        hasWorkItem: Boolean(row.hasWorkItem),
      };
      paths.set(row.sessionId, path);
    }
    addTrace(path, row.trace, edgeIds.of(row.versionId));
  }

  const byVersion = new Map<string, VersionPathCounts>();
  for (const path of paths.values()) {
    let counts = byVersion.get(path.versionId);
    if (!counts) {
      counts = emptyPathCounts();
      byVersion.set(path.versionId, counts);
    }
    const outcome = conversationOutcome(path);
    counts.total.conversations += 1;
    counts.total.outcomes[outcome] += 1;
    for (const nodeId of path.nodes) addNodeCounts(counts.nodes, nodeId, 1, { [outcome]: 1 });
    for (const edgeId of path.edges) counts.edges.set(edgeId, (counts.edges.get(edgeId) ?? 0) + 1);
  }
  return byVersion;
}

/** The steps of one stored trace added to its conversation's path. */
function addTrace(path: ConversationPath, trace: unknown, edgeIds: Map<string, string>) {
  if (!trace || typeof trace !== 'object') return;
  const { steps, noAgentReason, input } = trace as {
    steps?: unknown;
    noAgentReason?: unknown;
    input?: { type?: unknown };
  };
  if (noAgentReason !== undefined || input?.type === 'noAgent') path.heardNoAgent = true;
  if (!Array.isArray(steps)) return;
  for (const step of steps as {
    nodeId?: unknown;
    output?: unknown;
    nextNodeId?: unknown;
  }[]) {
    if (typeof step?.nodeId !== 'string') continue;
    path.nodes.add(step.nodeId);
    if (typeof step.output === 'string' && typeof step.nextNodeId === 'string') {
      // Only a step that left through a drawn edge has one: a jump or a global rule has none.
      const edgeId = edgeIds.get(
        edgeKey({
          sourceNodeId: step.nodeId,
          sourceOutput: step.output,
          targetNodeId: step.nextNodeId,
        }),
      );
      if (edgeId) path.edges.add(edgeId);
    }
  }
}

/** Each version's edges by what they connect, read once per version. */
class EdgeIdsByVersion {
  private readonly byVersion = new Map<string, Map<string, string>>();

  constructor(private readonly db: Db) {}

  of(versionId: string): Map<string, string> {
    let edges = this.byVersion.get(versionId);
    if (!edges) {
      const flow = this.db
        .select({ flow: botVersions.flow })
        .from(botVersions)
        .where(eq(botVersions.id, versionId))
        .get()?.flow as { edges?: unknown } | undefined;
      edges = new Map();
      for (const edge of Array.isArray(flow?.edges) ? flow.edges : []) {
        const { id, sourceNodeId, sourceOutput, targetNodeId } = edge as Record<string, unknown>;
        if (
          typeof id === 'string' &&
          typeof sourceNodeId === 'string' &&
          typeof sourceOutput === 'string' &&
          typeof targetNodeId === 'string'
        ) {
          edges.set(edgeKey({ sourceNodeId, sourceOutput, targetNodeId }), id);
        }
      }
      this.byVersion.set(versionId, edges);
    }
    return edges;
  }
}
