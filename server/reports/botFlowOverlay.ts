import { and, asc, between, desc, eq, inArray, sql } from 'drizzle-orm';
import {
  badShare,
  CONVERSATION_OUTCOMES,
  type ConversationOutcome,
  conversationOutcome,
  type OutcomeCounts,
} from '../bots/conversationOutcome';
import {
  addNodeCounts,
  countFlowPaths,
  emptyPathCounts,
  mergePathCounts,
  type VersionPathCounts,
} from '../bots/flowPathCounts';
import { addDays, dayStartMs, daysBetween, isDay } from '../bots/orgDays';
import { rolledUpThrough } from '../bots/traceRollups';
import type { Db } from '../db/client';
import {
  botFlowDailyCounts,
  botTurnTraces,
  botVersions,
  conversationEntries,
  messagingSessions,
  workItems,
} from '../db/schema';
import { DomainError } from '../errors';
import { orgTimeZone } from './orgTimeZone';

/** The longest range the overlay reads at once: a year, so one call stays well under a second. */
export const OVERLAY_MAX_DAYS = 366;

export interface OverlayRange {
  botVersionId: string;
  /** First and last local day ("YYYY-MM-DD", org's time zone), both included. */
  from: string;
  to: string;
}

export interface OverlayNode {
  nodeId: string;
  conversations: number;
  outcomes: OutcomeCounts;
  /** Escalated, abandoned, error or no agent, out of the conversations that reached it. */
  badShare: number | null;
}

export interface BotFlowOverlay {
  botVersionId: string;
  from: string;
  to: string;
  timeZone: string;
  /** Every conversation on the version that began in the range. */
  conversations: number;
  outcomes: OutcomeCounts;
  nodes: OverlayNode[];
  edges: { edgeId: string; conversations: number }[];
}

/**
 * The canvas overlay of one published version over a range of days: per edge the
 * conversations that went along it, per node those that reached it and how they ended. A
 * conversation counts on the day it began. Rolled-up days are read from
 * `bot_flow_daily_counts`, the days after the org's roll-up mark from the raw traces, so a range
 * that spans both counts each conversation once.
 */
export function botFlowOverlay(db: Db, orgId: string, range: OverlayRange): BotFlowOverlay {
  checkRange(range);
  requireVersion(db, orgId, range.botVersionId);
  const timeZone = orgTimeZone(db, orgId);
  const through = rolledUpThrough(db, orgId);
  const counts = emptyPathCounts();

  if (through !== null && range.from <= through) {
    addRolledUp(db, orgId, range, earlierDay(through, range.to), counts);
  }
  const rawFrom = through !== null && through >= range.from ? addDays(through, 1) : range.from;
  if (rawFrom <= range.to) {
    const raw = countFlowPaths(db, orgId, {
      fromMs: dayStartMs(rawFrom, timeZone),
      toMs: dayStartMs(addDays(range.to, 1), timeZone),
      botVersionId: range.botVersionId,
    }).get(range.botVersionId);
    if (raw) mergePathCounts(counts, raw);
  }

  return {
    botVersionId: range.botVersionId,
    from: range.from,
    to: range.to,
    timeZone,
    conversations: counts.total.conversations,
    outcomes: counts.total.outcomes,
    nodes: [...counts.nodes]
      .map(([nodeId, node]) => ({
        nodeId,
        conversations: node.conversations,
        outcomes: node.outcomes,
        badShare: badShare(node.outcomes),
      }))
      .sort((a, b) => a.nodeId.localeCompare(b.nodeId)),
    edges: [...counts.edges]
      .map(([edgeId, conversations]) => ({ edgeId, conversations }))
      .sort((a, b) => a.edgeId.localeCompare(b.edgeId)),
  };
}

function addRolledUp(
  db: Db,
  orgId: string,
  range: OverlayRange,
  lastDay: string,
  counts: VersionPathCounts,
) {
  const sum = (column: (typeof botFlowDailyCounts)[ConversationOutcome | 'conversations']) =>
    sql<number>`sum(${column})`.mapWith(Number);
  const rows = db
    .select({
      kind: botFlowDailyCounts.kind,
      elementId: botFlowDailyCounts.elementId,
      conversations: sum(botFlowDailyCounts.conversations),
      contained: sum(botFlowDailyCounts.contained),
      escalated: sum(botFlowDailyCounts.escalated),
      abandoned: sum(botFlowDailyCounts.abandoned),
      error: sum(botFlowDailyCounts.error),
      noAgent: sum(botFlowDailyCounts.noAgent),
      inProgress: sum(botFlowDailyCounts.inProgress),
    })
    .from(botFlowDailyCounts)
    .where(
      and(
        eq(botFlowDailyCounts.orgId, orgId),
        eq(botFlowDailyCounts.botVersionId, range.botVersionId),
        between(botFlowDailyCounts.day, range.from, lastDay),
      ),
    )
    .groupBy(botFlowDailyCounts.kind, botFlowDailyCounts.elementId)
    .all();
  for (const row of rows) {
    const outcomes = Object.fromEntries(
      CONVERSATION_OUTCOMES.map((outcome) => [outcome, row[outcome]]),
    ) as OutcomeCounts;
    if (row.kind === 'edge') {
      counts.edges.set(row.elementId, (counts.edges.get(row.elementId) ?? 0) + row.conversations);
    } else if (row.kind === 'node') {
      addNodeCounts(counts.nodes, row.elementId, row.conversations, outcomes);
    } else {
      counts.total.conversations += row.conversations;
      for (const outcome of CONVERSATION_OUTCOMES)
        counts.total.outcomes[outcome] += outcomes[outcome];
    }
  }
}

/** The earlier of two "YYYY-MM-DD" days, which sort as text. */
function earlierDay(a: string, b: string): string {
  return a.localeCompare(b) <= 0 ? a : b;
}

function checkRange({ from, to }: { from: string; to: string }) {
  if (!isDay(from) || !isDay(to)) {
    throw new DomainError('INVALID_INPUT', 'Give the range as two dates written YYYY-MM-DD.');
  }
  if (to < from) throw new DomainError('INVALID_INPUT', 'The range ends before it starts.');
  if (daysBetween(from, to) > OVERLAY_MAX_DAYS) {
    throw new DomainError('INVALID_INPUT', `Choose a range of at most ${OVERLAY_MAX_DAYS} days.`);
  }
}

function requireVersion(db: Db, orgId: string, botVersionId: string) {
  const version = db
    .select({ id: botVersions.id })
    .from(botVersions)
    .where(and(eq(botVersions.orgId, orgId), eq(botVersions.id, botVersionId)))
    .get();
  if (!version) throw new DomainError('NOT_FOUND', 'No such published version.');
}

export interface NodeConversation {
  sessionId: string;
  startedAt: Date;
  outcome: ConversationOutcome;
}

export interface NodeConversationsPage {
  items: NodeConversation[];
  nextCursor: string | null;
  /** Conversations are listed from here: the range's start, or the oldest kept trace's day. */
  listedFrom: Date;
  /** The range starts before the traces kept: older conversations are counted, not listed. */
  startsBeforeTraces: boolean;
}

/** Conversations read per query while looking for a page of those through the node. */
const CANDIDATE_BATCH = 100;

/**
 * The conversations of the range on the version that went through `nodeId`, newest first, a
 * page at a time: only as far back as traces are kept (`tracesKeptSince`), since the path of an
 * older conversation is no longer known. The traces' text is searched for the node's id in SQL
 * and each candidate's steps are then checked, so a mention elsewhere in a trace never counts.
 */
export function botFlowNodeConversations(
  db: Db,
  orgId: string,
  query: OverlayRange & { nodeId: string; cursor?: string | null; limit: number },
  tracesKeptSince: number,
): NodeConversationsPage {
  checkRange(query);
  requireVersion(db, orgId, query.botVersionId);
  const timeZone = orgTimeZone(db, orgId);
  const rangeStart = dayStartMs(query.from, timeZone);
  const fromMs = Math.max(rangeStart, tracesKeptSince);
  const toMs = dayStartMs(addDays(query.to, 1), timeZone);
  let after = parseCursor(query.cursor);
  const mention = `%${likeEscape(`"nodeId":${JSON.stringify(query.nodeId)}`)}%`;

  const found: NodeConversation[] = [];
  let more = false;
  while (found.length <= query.limit) {
    const candidates = db
      .select({
        id: messagingSessions.id,
        createdAt: messagingSessions.createdAt,
        status: messagingSessions.status,
        agentType: messagingSessions.agentType,
        endedBy: messagingSessions.endedBy,
      })
      .from(messagingSessions)
      .where(
        and(
          eq(messagingSessions.orgId, orgId),
          eq(messagingSessions.botVersionId, query.botVersionId),
          sql`${messagingSessions.createdAt} >= ${fromMs}`,
          sql`${messagingSessions.createdAt} < ${toMs}`,
          after
            ? sql`(${messagingSessions.createdAt} < ${after.at} or (${messagingSessions.createdAt} = ${after.at} and ${messagingSessions.id} < ${after.id}))`
            : undefined,
          sql`exists (select 1 from ${botTurnTraces} where ${botTurnTraces.sessionId} = ${messagingSessions.id} and ${botTurnTraces.trace} like ${mention} escape '\\')`,
        ),
      )
      .orderBy(desc(messagingSessions.createdAt), desc(messagingSessions.id))
      .limit(CANDIDATE_BATCH)
      .all();
    if (candidates.length === 0) break;
    const paths = conversationFacts(
      db,
      candidates.map((c) => c.id),
      query.nodeId,
    );
    for (const candidate of candidates) {
      after = { at: candidate.createdAt.getTime(), id: candidate.id };
      const facts = paths.get(candidate.id);
      if (!facts?.reached) continue;
      if (found.length === query.limit) {
        more = true;
        break;
      }
      found.push({
        sessionId: candidate.id,
        startedAt: candidate.createdAt,
        outcome: conversationOutcome({ ...candidate, ...facts }),
      });
    }
    if (more || candidates.length < CANDIDATE_BATCH) break;
  }
  const last = found.at(-1);
  return {
    items: found,
    nextCursor: more && last ? `${last.startedAt.getTime()}:${last.sessionId}` : null,
    listedFrom: new Date(fromMs),
    startsBeforeTraces: rangeStart < tracesKeptSince,
  };
}

/** Whether each conversation's steps entered the node, heard "no agent", reached routing. */
function conversationFacts(db: Db, sessionIds: string[], nodeId: string) {
  const facts = new Map<
    string,
    { reached: boolean; heardNoAgent: boolean; hasWorkItem: boolean }
  >();
  for (const id of sessionIds)
    facts.set(id, { reached: false, heardNoAgent: false, hasWorkItem: false });
  const traces = db
    .select({ sessionId: botTurnTraces.sessionId, trace: botTurnTraces.trace })
    .from(botTurnTraces)
    .where(inArray(botTurnTraces.sessionId, sessionIds))
    .all();
  for (const { sessionId, trace } of traces) {
    const fact = facts.get(sessionId);
    if (!fact || !trace || typeof trace !== 'object') continue;
    const { steps, noAgentReason, input } = trace as {
      steps?: { nodeId?: unknown }[];
      noAgentReason?: unknown;
      input?: { type?: unknown };
    };
    if (noAgentReason !== undefined || input?.type === 'noAgent') fact.heardNoAgent = true;
    if (Array.isArray(steps) && steps.some((step) => step?.nodeId === nodeId)) fact.reached = true;
  }
  const escalated = db
    .selectDistinct({ sessionId: workItems.sessionId })
    .from(workItems)
    .where(inArray(workItems.sessionId, sessionIds))
    .all();
  for (const { sessionId } of escalated) {
    const fact = facts.get(sessionId);
    if (fact) fact.hasWorkItem = true;
  }
  return facts;
}

function likeEscape(text: string): string {
  return text.replace(/[\\%_]/g, (c) => `\\${c}`);
}

function parseCursor(cursor: string | null | undefined): { at: number; id: string } | null {
  if (!cursor) return null;
  const match = /^(\d{1,15}):(.{1,100})$/.exec(cursor);
  if (!match?.[1] || !match[2]) {
    throw new DomainError('INVALID_INPUT', 'That page cursor is not one this list gave.');
  }
  return { at: Number(match[1]), id: match[2] };
}

/** The entries a transcript shows at most; a longer conversation says it goes on. */
export const TRANSCRIPT_MAX_ENTRIES = 500;

export interface TranscriptEntry {
  seq: number;
  actorType: string;
  actorName: string;
  entryType: string;
  text: string;
  createdAt: Date;
}

/**
 * A bot conversation's transcript for the studio: what the customer, the bot and any agent said
 * (staff notes live apart and never show). Designers read it here without the console.
 */
export function botConversationTranscript(db: Db, orgId: string, sessionId: string) {
  const session = db
    .select({
      id: messagingSessions.id,
      createdAt: messagingSessions.createdAt,
      botVersionId: messagingSessions.botVersionId,
      status: messagingSessions.status,
    })
    .from(messagingSessions)
    .where(and(eq(messagingSessions.orgId, orgId), eq(messagingSessions.id, sessionId)))
    .get();
  if (!session?.botVersionId) throw new DomainError('NOT_FOUND', 'No such bot conversation.');
  const rows = db
    .select({
      seq: conversationEntries.seq,
      actorType: conversationEntries.actorType,
      actorName: conversationEntries.actorName,
      entryType: conversationEntries.entryType,
      payload: conversationEntries.payload,
      createdAt: conversationEntries.createdAt,
    })
    .from(conversationEntries)
    .where(eq(conversationEntries.sessionId, sessionId))
    .orderBy(asc(conversationEntries.seq))
    .limit(TRANSCRIPT_MAX_ENTRIES + 1)
    .all();
  const entries: TranscriptEntry[] = rows
    .slice(0, TRANSCRIPT_MAX_ENTRIES)
    .filter((row) => row.entryType !== 'typing')
    .map(({ payload, ...row }) => ({ ...row, text: entryText(row.entryType, payload) }));
  return { ...session, entries, truncated: rows.length > TRANSCRIPT_MAX_ENTRIES };
}

/** One line of text for an entry of any type. */
function entryText(type: string, payload: Record<string, unknown>): string {
  const str = (value: unknown) => (typeof value === 'string' ? value : '');
  switch (type) {
    case 'text':
    case 'quick_replies':
    case 'csat_request':
      return str(payload.text);
    case 'choice':
      return str(payload.label) || str(payload.value);
    case 'cards':
      return str(payload.text) || `${(payload.cards as unknown[] | undefined)?.length ?? 0} cards`;
    case 'image':
      return str(payload.alt) || 'an image';
    case 'form_request':
      return str(payload.text) || 'a form';
    case 'form_response':
      return 'filled in the form';
    case 'participant_changed': {
      const participant = payload.participant as { name?: unknown } | undefined;
      return `${str(participant?.name)} ${payload.change === 'left' ? 'left' : 'joined'}`;
    }
    case 'queue_position':
      return `waiting, number ${String(payload.position ?? '?')} in the queue`;
    case 'csat_response':
      return `rated ${String(payload.score ?? '?')} of 5`;
    case 'status_changed':
      return `conversation ${str(payload.to)}`;
    default:
      return type;
  }
}
