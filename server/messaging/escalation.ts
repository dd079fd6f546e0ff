import { eq } from 'drizzle-orm';
import type { Db } from '../db/client';
import { type EntryDraft, messagingSessions, type queues } from '../db/schema';
import type { WriteBatcher } from '../db/writeBatcher';
import { DEFAULT_PRIORITY, enqueueHandoff } from '../routing/enqueueHandoff';
import type { Handoff } from '../routing/handoff';
import { routeHandoff } from '../routing/routeHandoff';
import type { MisunderstoodTurn, SessionRow } from './botTurns';
import { saveBotTurnTrace, type TurnTraceJson } from './botTurnTraces';
import { appendEntries } from './conversationEntries';
import type { EventHub } from './eventHub';
import { saveMisunderstoodMessage } from './misunderstoodMessages';
import { publishEntries } from './publishEntries';
import { claimSilentWait } from './silentBotWaits';
import { statusDraft } from './statusDraft';

export interface EscalationDeps {
  db: Db;
  writes: WriteBatcher;
  hub: EventHub;
  /** Told once a work item is durably queued, so routing offers it without waiting a tick. */
  queued?: (orgId: string) => void;
  now?: () => number;
}

export interface EscalateOptions {
  /** What the bot said in the turns that led to the hand-off. */
  entries?: EntryDraft[];
  handoff: Handoff | undefined;
  /** The queue routing chose; null leaves the session waiting with no work item. */
  queue: typeof queues.$inferSelect | null;
  state?: unknown;
  /** The customer entry those turns answered. */
  handledSeq?: number | null;
  /** The bot wait a `timeout` turn answered; its outcome is kept only once. */
  timedOutWait?: number | null;
  /** The JSON traces of those turns, stored with their entries. */
  traces?: TurnTraceJson[];
  /** The customer's message of that turn, when the bot did not understand it. */
  misunderstood?: MisunderstoodTurn;
}

/**
 * Messaging's side of a hand-off: the one write that moves a session to waiting with what the
 * bot said, its hand-off message and its traces, and has routing queue the work item.
 */
export class Escalation {
  private readonly now: () => number;

  constructor(private readonly deps: EscalationDeps) {
    this.now = deps.now ?? Date.now;
  }

  /**
   * Hands the session to routing: it waits for an agent with the bot's transcript attached, as
   * a work item of `queue` when there is one.
   */
  async escalate(
    session: SessionRow,
    {
      entries = [],
      handoff,
      queue,
      state = session.botState,
      handledSeq = null,
      timedOutWait = null,
      traces = [],
      misunderstood,
    }: EscalateOptions,
  ) {
    const { db } = this.deps;
    const appended = await this.deps.writes.run(() => {
      if (timedOutWait !== null && !claimSilentWait(db, session, timedOutWait)) return [];
      const rows = appendEntries(db, session.orgId, session.id, [
        ...entries,
        ...(handoff?.said ?? []),
        statusDraft(session.status, 'waiting', 'escalated'),
      ]);
      for (const { status, trace } of traces) {
        saveBotTurnTrace(db, session, status, trace, this.now());
      }
      saveMisunderstoodMessage(db, session, misunderstood, handledSeq, this.now());
      db.update(messagingSessions)
        .set({
          status: 'waiting',
          agentType: session.botVersionId ? 'bot_to_agent' : 'agent',
          botState: state,
          ...(handledSeq ? { botHandledSeq: handledSeq } : {}),
        })
        .where(eq(messagingSessions.id, session.id))
        .run();
      if (queue) enqueueHandoff(db, session, queue, handoff, new Date(this.now()));
      return rows;
    });
    publishEntries(this.deps.hub, session.id, appended);
    if (queue) this.deps.queued?.(session.orgId);
  }

  /** No bot to hear "no agent": the session waits in the org's first queue whatever it finds. */
  async escalateWithoutBot(session: SessionRow, details: Record<string, unknown>) {
    const handoff = { queue: null, skills: [], priority: DEFAULT_PRIORITY, details, said: [] };
    await this.escalate(session, {
      handoff,
      queue: routeHandoff(this.deps.db, session.orgId, handoff, new Date(this.now())).queue,
    });
  }
}
