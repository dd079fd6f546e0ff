import { and, eq, gt, ne, sql } from 'drizzle-orm';
import type { Db } from '../db/client';
import { conversationEntries, csatResponses, messagingSessions } from '../db/schema';
import type { WriteBatcher } from '../db/writeBatcher';
import { type HandoffRoute, routeHandoff } from '../routing/routeHandoff';
import type { BotTurnOutcome, BotTurnRunner, CustomerInput, SessionRow } from './botTurns';
import { saveBotTurnTrace, type TurnTraceJson } from './botTurnTraces';
import { appendEntries } from './conversationEntries';
import type { Escalation } from './escalation';
import type { EventHub } from './eventHub';
import { loadSession } from './loadSession';
import { saveMisunderstoodMessage } from './misunderstoodMessages';
import { publishEntries } from './publishEntries';
import type { ReplyNotifier } from './replyNotifier';
import { sessionStatementsFor } from './sessionStatements';
import { claimSilentWait, findSilentBotWaits, isUnansweredWait } from './silentBotWaits';
import { statusDraft } from './statusDraft';
import { TurnPacer } from './turnPacer';

export interface BotTurnOrchestratorDeps {
  db: Db;
  writes: WriteBatcher;
  hub: EventHub;
  bot: BotTurnRunner;
  escalation: Escalation;
  /** Notifies customers who went quiet of the bot's later replies; see `runBotTurn`. */
  notifier?: ReplyNotifier;
  now?: () => number;
}

/**
 * Measured with bench:messages: 4 cost a third of the throughput at 50 customers (a commit per
 * few turns); unlimited left 1,000 arriving customers waiting for their connections to be
 * accepted; 16 kept 50 customers as fast and let all 1,000 start.
 */
const TURNS_PER_ITERATION = 16;
/**
 * "No agent" turns in a row at most: a hand-off still nobody can take after them waits in its
 * queue when there is one (an agent given the skills later takes it), else with no work item.
 */
const MAX_NO_AGENT_TURNS = 3;

/**
 * The bot's side of customer conversations. Turns of one session run one after another in the
 * order the customer spoke, paced across event-loop iterations; a turn's entries, state and
 * trace are stored in one write and published once durable. It also answers what a crash left
 * unanswered and the silences a waiting node times out on, and when routing finds nobody for a
 * hand-off, it lets the bot answer that before the session waits.
 */
export class BotTurnOrchestrator {
  private readonly queues = new Map<string, Promise<void>>();
  private readonly pacer = new TurnPacer(TURNS_PER_ITERATION);
  private readonly now: () => number;
  private readonly statements;

  constructor(private readonly deps: BotTurnOrchestratorDeps) {
    this.now = deps.now ?? Date.now;
    this.statements = sessionStatementsFor(deps.db);
  }

  /** The bot's opening turn of a new session, run at once: the start answers with it. */
  greet(session: SessionRow) {
    return this.runBotTurn(session, { type: 'start' }, null);
  }

  /** Queues the bot's answer to the customer's entries, up to the one at `upToSeq`. */
  answer(sessionId: string, upToSeq: number) {
    this.queue(sessionId, () => this.answerPendingCustomerEntries(sessionId, upToSeq));
  }

  /** Queues the bot's turn for a conversation an agent handed back to it. */
  returned(sessionId: string) {
    this.queue(sessionId, async () => {
      await this.pacer.slot();
      const session = loadSession(this.deps.db, sessionId);
      if (session.agentType !== 'bot' || session.status === 'ended') return;
      await this.runBotTurn(session, { type: 'returned' }, null);
    });
  }

  /** Queues a `timeout` turn for each bot wait the customer has let lapse by `now`. */
  answerSilentWaits(now: number) {
    for (const { sessionId, wait } of findSilentBotWaits(this.deps.db, this.deps.bot, now)) {
      this.queue(sessionId, () => this.answerSilence(sessionId, wait));
    }
  }

  /** Answers customer entries the bot has not answered yet, e.g. after a crash. */
  resumePending() {
    const pending = this.deps.db
      .selectDistinct({ id: messagingSessions.id })
      .from(messagingSessions)
      .innerJoin(
        conversationEntries,
        and(
          eq(conversationEntries.sessionId, messagingSessions.id),
          eq(conversationEntries.actorType, 'customer'),
          gt(conversationEntries.seq, messagingSessions.botHandledSeq),
        ),
      )
      .where(
        and(
          eq(messagingSessions.agentType, 'bot'),
          ne(messagingSessions.status, 'ended'),
          sql`${messagingSessions.botVersionId} is not null`,
        ),
      )
      .all();
    for (const { id } of pending) this.queue(id, () => this.answerPendingCustomerEntries(id));
    return pending.length;
  }

  /** Resolves when every queued bot turn has run; for orderly shutdown and tests. */
  async idle() {
    while (this.queues.size > 0) await Promise.all([...this.queues.values()]);
  }

  private queue(sessionId: string, job: () => Promise<void>) {
    const previous = this.queues.get(sessionId) ?? Promise.resolve();
    const next = previous
      .then(job)
      .catch((error: unknown) => console.error(`Bot turn failed for session ${sessionId}:`, error))
      .finally(() => {
        if (this.queues.get(sessionId) === next) this.queues.delete(sessionId);
      });
    this.queues.set(sessionId, next);
  }

  /**
   * Answers the customer's entries in order, up to `upToSeq`. Each send queues its own job with
   * its own seq, so a job stops at its entry instead of querying once more for later ones; a
   * resume after a restart answers everything pending.
   */
  private async answerPendingCustomerEntries(sessionId: string, upToSeq = Infinity) {
    for (;;) {
      await this.pacer.slot();
      const session = loadSession(this.deps.db, sessionId);
      if (session.agentType !== 'bot' || session.status === 'ended') return;
      const next = this.statements.pendingCustomerEntry.get({
        sessionId,
        afterSeq: session.botHandledSeq,
      });
      if (!next) return;
      const input = customerInputFrom(next.entryType, next.payload);
      if (input) await this.runBotTurn(session, input, next.seq);
      else await this.deps.writes.run(() => this.markBotHandled(sessionId, next.seq));
      if (next.seq >= upToSeq) return;
    }
  }

  /** The customer let a bot wait lapse: the waiting node takes its no-answer path, once. */
  private async answerSilence(sessionId: string, wait: number) {
    await this.pacer.slot();
    const session = loadSession(this.deps.db, sessionId);
    if (this.deps.bot.silenceTimeout(session)?.wait !== wait) return;
    if (!isUnansweredWait(this.deps.db, session, session, wait)) return;
    await this.runBotTurn(session, { type: 'timeout' }, null, wait);
  }

  private markBotHandled(sessionId: string, seq: number) {
    this.deps.db
      .update(messagingSessions)
      .set({ botHandledSeq: seq })
      .where(eq(messagingSessions.id, sessionId))
      .run();
  }

  /** `timedOutWait`: the bot wait a `timeout` turn answers; its outcome is kept only once. */
  private async runBotTurn(
    session: SessionRow,
    input: CustomerInput,
    handledSeq: number | null,
    timedOutWait: number | null = null,
  ) {
    const { outcome, route, traces, misunderstood } = await this.turnUntilRouted(session, input);
    if (outcome.status === 'escalated') {
      await this.deps.escalation.escalate(session, {
        entries: outcome.entries,
        handoff: outcome.handoff,
        queue: route?.queue ?? null,
        state: outcome.state,
        handledSeq,
        timedOutWait,
        traces,
        misunderstood,
      });
      return;
    }
    const { db } = this.deps;
    // A turn no customer entry caused (an agent handed back, a wait lapsed) answers someone who
    // went quiet: they may have left the app, so it notifies. An answer to what they just said
    // does not: they are there, and the greeting answers the start itself.
    const unprompted = handledSeq === null && input.type !== 'start';
    let notified = false;
    const appended = await this.deps.writes.run(() => {
      if (timedOutWait !== null && !claimSilentWait(db, session, timedOutWait)) return [];
      const rows = appendEntries(db, session.orgId, session.id, [
        ...outcome.entries,
        ...(outcome.status === 'ended' ? [statusDraft(session.status, 'ended', 'bot_ended')] : []),
      ]);
      for (const { status, trace } of traces) {
        saveBotTurnTrace(db, session, status, trace, this.now());
      }
      saveMisunderstoodMessage(db, session, misunderstood, handledSeq, this.now());
      if (outcome.csat) {
        db.insert(csatResponses)
          .values({
            orgId: session.orgId,
            sessionId: session.id,
            score: outcome.csat.score,
            comment: outcome.csat.comment,
          })
          .onConflictDoNothing()
          .run();
      }
      const ended = outcome.status === 'ended';
      this.statements.saveBotTurn.run({
        id: session.id,
        botState: outcome.state == null ? null : JSON.stringify(outcome.state),
        handledSeq: handledSeq || null,
        status: ended ? 'ended' : null,
        endedAt: ended ? this.now() : null,
        endedBy: ended ? 'bot' : null,
      });
      if (unprompted) notified = this.deps.notifier?.enqueue(session, rows) ?? false;
      return rows;
    });
    publishEntries(this.deps.hub, session.id, appended);
    if (notified) this.deps.notifier?.wake();
  }

  /**
   * Runs the bot's turn and, when it hands off to nobody who can take it, lets the bot hear so
   * at once and take its "no agent" path, which may hand off again elsewhere (a few times at
   * most). The entries of every turn add up; each turn's trace is kept.
   */
  private async turnUntilRouted(session: SessionRow, input: CustomerInput) {
    let outcome = await this.deps.bot.runTurn(session, input);
    // Only the customer's own turn has a message to misunderstand; "no agent" turns follow it.
    const { misunderstood } = outcome;
    const traces: TurnTraceJson[] = [];
    // A "no agent" turn's trace also says why routing found nobody, which the bot never knows.
    const keepTrace = ({ status, trace }: BotTurnOutcome, noAgent?: HandoffRoute) => {
      if (trace === undefined) return;
      const why = noAgent && !noAgent.ok ? { noAgentReason: noAgent.reason } : {};
      traces.push({ status, trace: JSON.stringify({ ...(trace as object), ...why }) });
    };
    keepTrace(outcome);
    const routeOf = ({ status, handoff }: BotTurnOutcome) =>
      status === 'escalated'
        ? routeHandoff(this.deps.db, session.orgId, handoff, new Date(this.now()))
        : null;
    let route = routeOf(outcome);
    for (let retries = 0; route?.ok === false && retries < MAX_NO_AGENT_TURNS; retries++) {
      const answer = await this.deps.bot.runTurn(
        { ...session, botState: outcome.state },
        { type: 'noAgent' },
      );
      keepTrace(answer, route);
      const unanswered = outcome.handoff;
      outcome = { ...answer, entries: [...outcome.entries, ...answer.entries] };
      if (outcome.status === 'escalated' && !outcome.handoff) {
        // The bot failed on "no agent" and kept waiting: the hand-off it could not answer stands.
        outcome = { ...outcome, handoff: unanswered };
        break;
      }
      route = routeOf(outcome);
    }
    return { outcome, route, traces, misunderstood };
  }
}

function customerInputFrom(type: string, payload: Record<string, unknown>): CustomerInput | null {
  if (type === 'text') return { type: 'text', text: String(payload.text ?? '') };
  if (type === 'choice') {
    return {
      type: 'choice',
      value: String(payload.value ?? ''),
      ...(typeof payload.label === 'string' ? { label: payload.label } : {}),
    };
  }
  if (type === 'form_response')
    return { type: 'form', fields: (payload.values ?? {}) as Record<string, unknown> };
  return null;
}
