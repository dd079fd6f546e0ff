import { and, desc, eq, gt, inArray, lt, ne, sql } from 'drizzle-orm';
import type { SendMessageBody } from '../../contract/conversations';
import type { Entry } from '../../contract/entries';
import { verifyCustomerIdentity } from '../auth/customerIdentity';
import type { Contacts } from '../contacts/contacts';
import type { Db } from '../db/client';
import {
  contacts,
  conversationEntries,
  csatResponses,
  deployments,
  type EntryDraft,
  messagingSessions,
  type SessionStatus,
} from '../db/schema';
import type { WriteBatcher } from '../db/writeBatcher';
import { cancelOpenWorkItems } from '../routing/cancelOpenWorkItems';
import { enqueueHandoff } from '../routing/enqueueHandoff';
import { type HandoffRoute, routeHandoff } from '../routing/routeHandoff';
import type { AccessTokens, ConversationClaims } from './accessTokens';
import type { BotTurnOutcome, BotTurnRunner, CustomerInput, SessionRow } from './botTurns';
import { saveBotTurnTrace } from './botTurnTraces';
import {
  appendEntries,
  type EntryRow,
  findEntryByClientMessageId,
  listEntriesAfter,
  toApiEntry,
} from './conversationEntries';
import type { EventHub } from './eventHub';
import { MessagingError } from './messagingErrors';
import { checkPrechatAnswers } from './prechatAnswers';
import { sessionStatementsFor } from './sessionStatements';
import { claimSilentWait, findSilentBotWaits, isUnansweredWait } from './silentBotWaits';
import { TurnPacer } from './turnPacer';

export interface ConversationServiceDeps {
  db: Db;
  writes: WriteBatcher;
  hub: EventHub;
  tokens: AccessTokens;
  contacts: Contacts;
  bot: BotTurnRunner;
  now?: () => number;
}

const SYSTEM = { actorType: 'system', actorName: 'Parley' } as const;
const OPEN_STATUSES: SessionStatus[] = ['new', 'waiting', 'active', 'inactive'];
const GREETING_PAGE = 50;
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

/** One bot turn's trace as stored: the JSON and the status the turn ended in. */
interface TurnTrace {
  status: BotTurnOutcome['status'];
  trace: string;
}

/**
 * The customer's side of a conversation: start or resume, send, read, end, rate. Every write
 * goes through the write batcher (durable before it is acknowledged) and every committed entry
 * is published on the event hub.
 */
export class ConversationService {
  private readonly botQueues = new Map<string, Promise<void>>();
  private readonly pacer = new TurnPacer(TURNS_PER_ITERATION);
  private readonly now: () => number;
  private readonly statements;

  constructor(private readonly deps: ConversationServiceDeps) {
    this.now = deps.now ?? Date.now;
    this.statements = sessionStatementsFor(deps.db);
  }

  async start(input: {
    deploymentPublicId: string;
    identityToken?: string;
    context?: Record<string, unknown>;
    prechat?: Record<string, string | number | boolean>;
    locale?: string;
  }) {
    const { db } = this.deps;
    const deployment = db
      .select()
      .from(deployments)
      .where(eq(deployments.publicId, input.deploymentPublicId))
      .get();
    if (!deployment)
      throw new MessagingError(
        'DEPLOYMENT_NOT_FOUND',
        `No deployment "${input.deploymentPublicId}".`,
      );
    const identity = await verifyCustomerIdentity(
      deployment,
      input.identityToken,
      Math.floor(this.now() / 1000),
    );
    if (identity.kind === 'refused') throw new MessagingError(identity.code, identity.message);

    if (identity.kind === 'verified') {
      const open = db
        .select()
        .from(messagingSessions)
        .innerJoin(contacts, eq(contacts.id, messagingSessions.contactId))
        .where(
          and(
            eq(messagingSessions.deploymentId, deployment.id),
            eq(contacts.orgId, deployment.orgId),
            eq(contacts.externalUserId, identity.identity.sub),
            inArray(messagingSessions.status, OPEN_STATUSES),
          ),
        )
        .orderBy(desc(messagingSessions.createdAt))
        .get()?.messaging_sessions;
      if (open) {
        await this.deps.contacts.upsert(deployment.orgId, identity.identity);
        return { ...(await this.describe(open, true)), resumed: true };
      }
    }

    // Checked before the contact is written: a refused start leaves nothing behind.
    const prechat = checkPrechatAnswers(
      deployment.settings.prechatFields ?? [],
      input.prechat ?? {},
    );
    if (!prechat.ok) throw new MessagingError('PRECHAT_INVALID', prechat.message);
    const contactId =
      identity.kind === 'verified'
        ? await this.deps.contacts.upsert(deployment.orgId, identity.identity)
        : null;

    const createdAt = new Date(this.now());
    const session = await this.deps.writes.run(() =>
      db
        .insert(messagingSessions)
        .values({
          orgId: deployment.orgId,
          deploymentId: deployment.id,
          channel: deployment.channel,
          botId: deployment.botId,
          botVersionId: deployment.botVersionId,
          agentType: deployment.botVersionId ? 'bot' : 'agent',
          contactId,
          identityVerified: contactId !== null,
          context: input.context ?? {},
          prechat: prechat.answers,
          locale: input.locale ?? null,
          createdAt,
          lastCustomerActivityAt: createdAt,
        })
        .returning()
        .get(),
    );
    if (session.botVersionId) {
      await this.runBotTurn(session, { type: 'start' }, null);
    } else {
      await this.escalateWithoutBot(session, {});
    }
    const fresh = this.loadSession(session.id);
    return { ...(await this.describe(fresh, false)), resumed: false };
  }

  /** Stores a customer message once; a retry with the same clientMessageId gets the stored entry. */
  async send(
    claims: ConversationClaims,
    body: SendMessageBody,
  ): Promise<{ entry: Entry; created: boolean }> {
    const { db } = this.deps;
    // The session is read once, inside the batch: the ownership check, the retry lookup and the
    // status the write depends on all see the same row.
    const result = await this.deps.writes.run(() => {
      const current = this.loadOwnSession(claims);
      const existing = findEntryByClientMessageId(db, current.id, body.clientMessageId);
      if (existing) return { row: existing, created: false as const, session: current };
      if (current.status === 'ended') {
        throw new MessagingError(
          'CONVERSATION_ENDED',
          'This conversation has ended; start a new one.',
        );
      }
      const drafts: EntryDraft[] = [customerDraft(body, this.customerName(current))];
      let toAgent = false;
      if (current.status === 'inactive') {
        const to = current.agentId ? 'active' : current.agentType === 'bot' ? 'new' : 'waiting';
        toAgent = to === 'new' && this.reopensToAgent(current);
        drafts.push(statusDraft('inactive', to, 'customer_returned'));
        db.update(messagingSessions)
          .set({ status: to })
          .where(eq(messagingSessions.id, current.id))
          .run();
      }
      const rows = appendEntries(db, current.orgId, current.id, drafts);
      this.statements.touchCustomerActivity.run({ id: current.id, at: this.now() });
      return {
        row: rows[0] as NonNullable<(typeof rows)[0]>,
        created: true,
        rows,
        session: current,
        toAgent,
      };
    });
    const { session } = result;
    if (!result.created) {
      return { entry: toApiEntry(result.row, session.customerReadSeq), created: false };
    }
    this.publish(session.id, result.rows);
    if (result.toAgent) {
      await this.escalateWithoutBot(this.loadSession(session.id), { reason: 'customer_returned' });
    } else if (session.agentType === 'bot' && session.botVersionId) {
      const upToSeq = result.row.seq;
      this.queueBotTurns(session.id, () => this.answerPendingCustomerEntries(session.id, upToSeq));
    }
    return { entry: toApiEntry(result.row, session.customerReadSeq), created: true };
  }

  /** Whether the deployment sends a returning customer to an agent rather than the bot. */
  private reopensToAgent(session: SessionRow): boolean {
    const deployment = this.deps.db
      .select({ settings: deployments.settings })
      .from(deployments)
      .where(eq(deployments.id, session.deploymentId))
      .get();
    return deployment?.settings.reopenTo === 'agent';
  }

  listEntries(claims: ConversationClaims, after: number, limit: number) {
    const session = this.loadOwnSession(claims);
    const rows = listEntriesAfter(this.deps.db, session.id, after, limit + 1);
    return {
      entries: rows.slice(0, limit).map((row) => toApiEntry(row, session.customerReadSeq)),
      hasMore: rows.length > limit,
    };
  }

  /** The session a token opens, checked against the database (an ended org or session is gone). */
  loadOwnSession(claims: ConversationClaims): SessionRow {
    const session = this.statements.byId.get({ id: claims.conversationId });
    if (!session || session.orgId !== claims.orgId)
      throw new MessagingError('CONVERSATION_NOT_FOUND', 'No such conversation.');
    return session;
  }

  async markRead(claims: ConversationClaims, upToSeq: number) {
    const session = this.loadOwnSession(claims);
    const readSeq = Math.min(upToSeq, session.lastSeq);
    await this.deps.writes.run(() =>
      this.deps.db
        .update(messagingSessions)
        .set({ customerReadSeq: sql`max(${messagingSessions.customerReadSeq}, ${readSeq})` })
        .where(eq(messagingSessions.id, session.id))
        .run(),
    );
    return { upToSeq: Math.max(session.customerReadSeq, readSeq) };
  }

  typing(claims: ConversationClaims, isTyping: boolean) {
    const session = this.loadOwnSession(claims);
    this.deps.hub.publish(session.id, {
      kind: 'typing',
      actor: { type: 'customer', name: this.customerName(session) },
      isTyping,
    });
  }

  async end(claims: ConversationClaims) {
    const session = this.loadOwnSession(claims);
    if (session.status === 'ended') return { status: 'ended' as const };
    const rows = await this.deps.writes.run(() => {
      const current = this.loadSession(session.id);
      if (current.status === 'ended') return [];
      this.deps.db
        .update(messagingSessions)
        .set({ status: 'ended', endedAt: new Date(this.now()), endedBy: 'customer' })
        .where(eq(messagingSessions.id, session.id))
        .run();
      cancelOpenWorkItems(this.deps.db, session.id, new Date(this.now()));
      return appendEntries(this.deps.db, session.orgId, session.id, [
        statusDraft(current.status, 'ended', 'customer_ended'),
      ]);
    });
    this.publish(session.id, rows);
    return { status: 'ended' as const };
  }

  async rate(claims: ConversationClaims, score: number, comment: string | undefined) {
    const session = this.loadOwnSession(claims);
    const rows = await this.deps.writes.run(() => {
      const given = this.deps.db
        .select({ id: csatResponses.id })
        .from(csatResponses)
        .where(eq(csatResponses.sessionId, session.id))
        .get();
      if (given)
        throw new MessagingError('CSAT_ALREADY_GIVEN', 'This conversation has already been rated.');
      this.deps.db
        .insert(csatResponses)
        .values({ orgId: session.orgId, sessionId: session.id, score, comment: comment ?? null })
        .run();
      return appendEntries(this.deps.db, session.orgId, session.id, [
        {
          actorType: 'customer',
          actorName: this.customerName(session),
          type: 'csat_response',
          payload: { score, ...(comment ? { comment } : {}) },
        },
      ]);
    });
    this.publish(session.id, rows);
    return { score };
  }

  /**
   * Issues a fresh access token. With an identity token, an anonymous conversation becomes the
   * verified customer's (they signed in mid-chat); a conversation already linked to a different
   * customer is refused.
   */
  async refreshToken(claims: ConversationClaims, identityToken?: string) {
    let session = this.loadOwnSession(claims);
    if (identityToken) {
      const deployment = this.deps.db
        .select()
        .from(deployments)
        .where(eq(deployments.id, session.deploymentId))
        .get();
      if (!deployment)
        throw new MessagingError('DEPLOYMENT_NOT_FOUND', 'The deployment no longer exists.');
      const identity = await verifyCustomerIdentity(
        deployment,
        identityToken,
        Math.floor(this.now() / 1000),
      );
      if (identity.kind === 'refused') throw new MessagingError(identity.code, identity.message);
      if (identity.kind === 'verified') {
        const contactId = await this.deps.contacts.upsert(session.orgId, identity.identity);
        if (session.contactId && session.contactId !== contactId) {
          throw new MessagingError(
            'IDENTITY_MISMATCH',
            'This conversation belongs to another customer.',
          );
        }
        if (!session.contactId) {
          await this.deps.writes.run(() =>
            this.deps.db
              .update(messagingSessions)
              .set({ contactId, identityVerified: true })
              .where(eq(messagingSessions.id, session.id))
              .run(),
          );
          session = this.loadSession(session.id);
        }
      }
    }
    return this.deps.tokens.issue(claimsFor(session), this.now());
  }

  /** Conversations of a verified customer, newest first, for history across devices. */
  listForContact(claims: ConversationClaims) {
    if (!claims.contactId) {
      throw new MessagingError(
        'VERIFIED_IDENTITY_REQUIRED',
        'Only verified customers have a conversation history.',
      );
    }
    const sessions = this.deps.db
      .select()
      .from(messagingSessions)
      .where(
        and(
          eq(messagingSessions.orgId, claims.orgId),
          eq(messagingSessions.contactId, claims.contactId),
        ),
      )
      .orderBy(desc(messagingSessions.createdAt))
      .limit(50)
      .all();
    return sessions.map((session) => {
      const last = this.deps.db
        .select()
        .from(conversationEntries)
        .where(eq(conversationEntries.sessionId, session.id))
        .orderBy(desc(conversationEntries.seq))
        .get();
      return {
        conversationId: session.id,
        status: session.status,
        createdAt: session.createdAt.toISOString(),
        lastEntry: last ? toApiEntry(last, session.customerReadSeq) : null,
      };
    });
  }

  /**
   * Moves silent conversations along, as each deployment configures: a conversation with the
   * bot or an agent turns inactive after the customer's silence, and an inactive one ends.
   * Conversations waiting for an agent never turn inactive: the customer is waiting for us.
   * A bot question with a no-answer timeout gets its `timeout` turn, queued like a message's.
   */
  async sweepIdleSessions(now = this.now()) {
    const { db } = this.deps;
    let changed = 0;
    for (const { sessionId, wait } of findSilentBotWaits(db, this.deps.bot, now)) {
      this.queueBotTurns(sessionId, () => this.answerSilence(sessionId, wait));
    }
    for (const deployment of db
      .select({ id: deployments.id, settings: deployments.settings })
      .from(deployments)
      .all()) {
      const { inactiveAfterMinutes, endAfterMinutes } = deployment.settings;
      const inactiveBefore = new Date(now - inactiveAfterMinutes * 60_000);
      const endBefore = new Date(now - (inactiveAfterMinutes + endAfterMinutes) * 60_000);
      const transitions = [
        {
          from: ['new', 'active'] as SessionStatus[],
          to: 'inactive' as const,
          before: inactiveBefore,
        },
        { from: ['inactive'] as SessionStatus[], to: 'ended' as const, before: endBefore },
      ];
      for (const transition of transitions) {
        const idle = db
          .select()
          .from(messagingSessions)
          .where(
            and(
              eq(messagingSessions.deploymentId, deployment.id),
              inArray(messagingSessions.status, transition.from),
              lt(messagingSessions.lastCustomerActivityAt, transition.before),
            ),
          )
          .limit(500)
          .all();
        for (const session of idle) {
          const rows = await this.deps.writes.run(() => {
            const current = this.loadSession(session.id);
            if (current.status !== session.status) return [];
            db.update(messagingSessions)
              .set(
                transition.to === 'ended'
                  ? { status: 'ended', endedAt: new Date(now), endedBy: 'system' }
                  : { status: 'inactive' },
              )
              .where(eq(messagingSessions.id, session.id))
              .run();
            return appendEntries(db, session.orgId, session.id, [
              statusDraft(session.status, transition.to, 'customer_silent'),
            ]);
          });
          this.publish(session.id, rows);
          changed += rows.length;
        }
      }
    }
    return changed;
  }

  /** Answers customer entries the bot has not answered yet, e.g. after a crash. */
  resumePendingBotTurns() {
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
    for (const { id } of pending) this.queueBotTurns(id);
    return pending.length;
  }

  /** Resolves when every queued bot turn has run; for orderly shutdown and tests. */
  async idle() {
    while (this.botQueues.size > 0) await Promise.all([...this.botQueues.values()]);
  }

  private queueBotTurns(
    sessionId: string,
    job = () => this.answerPendingCustomerEntries(sessionId),
  ) {
    const previous = this.botQueues.get(sessionId) ?? Promise.resolve();
    const next = previous
      .then(job)
      .catch((error: unknown) => console.error(`Bot turn failed for session ${sessionId}:`, error))
      .finally(() => {
        if (this.botQueues.get(sessionId) === next) this.botQueues.delete(sessionId);
      });
    this.botQueues.set(sessionId, next);
  }

  /**
   * Answers the customer's entries in order, up to `upToSeq`. Each send queues its own job with
   * its own seq, so a job stops at its entry instead of querying once more for later ones; a
   * resume after a restart answers everything pending.
   */
  private async answerPendingCustomerEntries(sessionId: string, upToSeq = Infinity) {
    for (;;) {
      await this.pacer.slot();
      const session = this.loadSession(sessionId);
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
    const session = this.loadSession(sessionId);
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
    let outcome = await this.deps.bot.runTurn(session, input);
    const traces: TurnTrace[] = [];
    // A "no agent" turn's trace also says why routing found nobody, which the bot never knows.
    const keepTrace = ({ status, trace }: BotTurnOutcome, noAgent?: HandoffRoute) => {
      if (trace === undefined) return;
      const why = noAgent && !noAgent.ok ? { noAgentReason: noAgent.reason } : {};
      traces.push({ status, trace: JSON.stringify({ ...(trace as object), ...why }) });
    };
    keepTrace(outcome);
    const routeOf = ({ status, handoff }: BotTurnOutcome) =>
      status === 'escalated' ? routeHandoff(this.deps.db, session.orgId, handoff) : null;
    let route = routeOf(outcome);
    // Nobody can take the handoff: the bot hears so at once and takes its "no agent" path,
    // which may hand off again elsewhere (a few times at most).
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
    if (outcome.status === 'escalated') {
      await this.escalate(session, {
        entries: outcome.entries,
        handoff: outcome.handoff,
        queueId: route?.queueId ?? null,
        state: outcome.state,
        handledSeq,
        timedOutWait,
        traces,
      });
      return;
    }
    const appended = await this.deps.writes.run(() => {
      if (timedOutWait !== null && !claimSilentWait(this.deps.db, session, timedOutWait)) return [];
      const rows = appendEntries(this.deps.db, session.orgId, session.id, [
        ...outcome.entries,
        ...(outcome.status === 'ended' ? [statusDraft(session.status, 'ended', 'bot_ended')] : []),
      ]);
      for (const { status, trace } of traces) {
        saveBotTurnTrace(this.deps.db, session, status, trace, this.now());
      }
      if (outcome.csat) {
        this.deps.db
          .insert(csatResponses)
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
      return rows;
    });
    this.publish(session.id, appended);
  }

  /** No bot to hear "no agent": the session waits in the org's first queue whatever it finds. */
  private async escalateWithoutBot(session: SessionRow, details: Record<string, unknown>) {
    const handoff = { queue: null, skills: [], priority: 0, details, said: [] };
    await this.escalate(session, {
      handoff,
      queueId: routeHandoff(this.deps.db, session.orgId, handoff).queueId,
    });
  }

  /**
   * Hands the session to routing: it waits for an agent with the bot's transcript attached, as
   * a work item of `queueId` when there is one.
   */
  private async escalate(
    session: SessionRow,
    {
      entries = [],
      handoff,
      queueId,
      state = session.botState,
      handledSeq = null,
      timedOutWait = null,
      traces = [],
    }: {
      /** What the bot said in the turns that led to the handoff. */
      entries?: EntryDraft[];
      handoff: BotTurnOutcome['handoff'];
      queueId: string | null;
      state?: unknown;
      /** The customer entry those turns answered. */
      handledSeq?: number | null;
      /** The bot wait a `timeout` turn answered; its outcome is kept only once. */
      timedOutWait?: number | null;
      /** The JSON traces of those turns, stored with their entries. */
      traces?: TurnTrace[];
    },
  ) {
    const appended = await this.deps.writes.run(() => {
      if (timedOutWait !== null && !claimSilentWait(this.deps.db, session, timedOutWait)) return [];
      const rows = appendEntries(this.deps.db, session.orgId, session.id, [
        ...entries,
        ...(handoff?.said ?? []),
        statusDraft(session.status, 'waiting', 'escalated'),
      ]);
      for (const { status, trace } of traces) {
        saveBotTurnTrace(this.deps.db, session, status, trace, this.now());
      }
      this.deps.db
        .update(messagingSessions)
        .set({
          status: 'waiting',
          agentType: session.botVersionId ? 'bot_to_agent' : 'agent',
          botState: state,
          ...(handledSeq ? { botHandledSeq: handledSeq } : {}),
        })
        .where(eq(messagingSessions.id, session.id))
        .run();
      if (queueId) enqueueHandoff(this.deps.db, session, queueId, handoff);
      return rows;
    });
    this.publish(session.id, appended);
  }

  private async describe(session: SessionRow, resumed: boolean) {
    const { token, expiresAt } = await this.deps.tokens.issue(claimsFor(session), this.now());
    const after = resumed ? Math.max(0, session.lastSeq - GREETING_PAGE) : 0;
    const rows = listEntriesAfter(this.deps.db, session.id, after, GREETING_PAGE);
    return {
      conversationId: session.id,
      accessToken: token,
      accessTokenExpiresAt: expiresAt.toISOString(),
      status: session.status,
      entries: rows.map((row) => toApiEntry(row, session.customerReadSeq)),
    };
  }

  /** Sends just-committed entries to open streams; new entries are unread by definition. */
  private publish(sessionId: string, rows: EntryRow[]) {
    if (!this.deps.hub.hasListeners(sessionId)) return;
    for (const row of rows)
      this.deps.hub.publish(sessionId, { kind: 'entry', entry: toApiEntry(row, 0) });
  }

  private loadSession(id: string): SessionRow {
    const session = this.statements.byId.get({ id });
    if (!session) throw new MessagingError('CONVERSATION_NOT_FOUND', 'No such conversation.');
    return session;
  }

  private customerName(session: SessionRow): string {
    return this.deps.contacts.displayName(session.contactId);
  }
}

function claimsFor(session: SessionRow): ConversationClaims {
  return {
    conversationId: session.id,
    orgId: session.orgId,
    deploymentId: session.deploymentId,
    contactId: session.contactId,
  };
}

function customerDraft(body: SendMessageBody, actorName: string): EntryDraft {
  const base = {
    actorType: 'customer' as const,
    actorName,
    clientMessageId: body.clientMessageId,
  };
  if ('text' in body) return { ...base, type: 'text', payload: { text: body.text } };
  if ('choice' in body) {
    return {
      ...base,
      type: 'choice',
      payload: { value: body.choice, ...(body.label ? { label: body.label } : {}) },
    };
  }
  return { ...base, type: 'form_response', payload: { values: body.form } };
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

function statusDraft(from: string, to: SessionStatus, reason: string): EntryDraft {
  return { ...SYSTEM, type: 'status_changed', payload: { from, to, reason } };
}
