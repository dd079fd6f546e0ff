import { and, eq, sql } from 'drizzle-orm';
import type { Entry } from '../../contract/entries';
import type { Db } from '../db/client';
import { messagingSessions, sessionNotes, workItems } from '../db/schema';
import type { WriteBatcher } from '../db/writeBatcher';
import { DomainError } from '../errors';
import type { RoutingSignals } from '../routing/routingSignals';
import { closeSessionItems } from '../routing/workItemMoves';
import { appendEntries, findEntryByClientMessageId, toApiEntry } from './conversationEntries';
import type { EventHub } from './eventHub';
import { loadSession } from './loadSession';
import { publishEntries } from './publishEntries';
import type { ReplyNotifier } from './replyNotifier';
import { statusDraft } from './statusDraft';

/** The signed-in staff member acting in a conversation. */
export interface StaffActor {
  id: string;
  orgId: string;
  name: string;
}

/** The bot's side, told when an agent hands a conversation back to it. */
export interface BotHandBack {
  returned(sessionId: string): void;
}

export interface AgentConversationsDeps {
  db: Db;
  writes: WriteBatcher;
  hub: EventHub;
  routing: RoutingSignals;
  bot: BotHandBack;
  /** Notifies customers who are away of the agent's replies; none in tests that need none. */
  notifier?: ReplyNotifier;
  now?: () => number;
}

export const CSAT_QUESTION = 'How did we do? Rate this conversation.';
export const NOTE_MAX_LENGTH = 4_000;

/**
 * What an agent does in a conversation they accepted: reply, type, read, end; and the
 * staff-only notes anyone on the team may leave on it.
 */
export class AgentConversations {
  private readonly now: () => number;

  constructor(private readonly deps: AgentConversationsDeps) {
    this.now = deps.now ?? Date.now;
  }

  /** Sends the agent's message once; a retry with the same clientMessageId gets the stored one. */
  async reply(
    agent: StaffActor,
    sessionId: string,
    body: { text: string; clientMessageId: string },
  ): Promise<Entry> {
    const { db } = this.deps;
    const result = await this.deps.writes.run(() => {
      const existing = findEntryByClientMessageId(db, sessionId, body.clientMessageId);
      const session = this.heldSession(agent, sessionId);
      if (existing) return { rows: [existing], created: false, session, notified: false };
      const rows = appendEntries(db, session.orgId, session.id, [
        {
          actorType: 'agent',
          actorId: agent.id,
          actorName: agent.name,
          type: 'text',
          payload: { text: body.text },
          clientMessageId: body.clientMessageId,
        },
      ]);
      // The agent has answered: no-reply reassignment no longer applies.
      db.update(workItems)
        .set({ replyDueAt: null })
        .where(and(eq(workItems.sessionId, session.id), eq(workItems.status, 'accepted')))
        .run();
      const notified = this.deps.notifier?.enqueue(session, rows) ?? false;
      return { rows, created: true, session, notified };
    });
    if (result.created) publishEntries(this.deps.hub, sessionId, result.rows);
    if (result.notified) this.deps.notifier?.wake();
    return toApiEntry(result.rows[0] as NonNullable<(typeof result.rows)[0]>, result.session);
  }

  typing(agent: StaffActor, sessionId: string, isTyping: boolean) {
    this.heldSession(agent, sessionId);
    this.deps.hub.publish(sessionId, {
      kind: 'typing',
      actor: { type: 'agent', name: agent.name },
      isTyping,
    });
  }

  /** Marks the customer's entries up to `upToSeq` as read by the agent; the customer sees it. */
  async markRead(agent: StaffActor, sessionId: string, upToSeq: number) {
    const session = this.heldSession(agent, sessionId);
    const readSeq = Math.min(upToSeq, session.lastSeq);
    if (readSeq <= session.agentReadSeq) return { upToSeq: session.agentReadSeq };
    await this.deps.writes.run(() =>
      this.deps.db
        .update(messagingSessions)
        .set({ agentReadSeq: sql`max(${messagingSessions.agentReadSeq}, ${readSeq})` })
        .where(eq(messagingSessions.id, session.id))
        .run(),
    );
    this.deps.hub.publish(session.id, {
      kind: 'read',
      reader: { type: 'agent', name: agent.name },
      upToSeq: readSeq,
    });
    return { upToSeq: readSeq };
  }

  /**
   * Ends the conversation for both sides. The server asks for the rating, so the customer is
   * asked whatever client they use.
   */
  async end(agent: StaffActor, sessionId: string) {
    const { db } = this.deps;
    const at = new Date(this.now());
    const rows = await this.deps.writes.run(() => {
      const session = this.heldSession(agent, sessionId);
      db.update(messagingSessions)
        .set({ status: 'ended', endedAt: at, endedBy: 'agent' })
        .where(eq(messagingSessions.id, session.id))
        .run();
      closeSessionItems(db, session.id, at);
      return appendEntries(db, session.orgId, session.id, [
        statusDraft(session.status, 'ended', 'agent_ended'),
        {
          actorType: 'system',
          actorName: 'Parley',
          type: 'csat_request',
          payload: { text: CSAT_QUESTION, withComment: true },
        },
      ]);
    });
    publishEntries(this.deps.hub, sessionId, rows);
    this.deps.routing.closed(agent.orgId, [agent.id]);
  }

  /**
   * Hands the conversation back to the bot it came from: the agent's item closes, the customer
   * sees the agent leave, and the bot takes its "Back from an agent" path. What the customer
   * said to the agent is marked handled, so the bot does not answer it again.
   */
  async returnToBot(agent: StaffActor, sessionId: string) {
    const { db } = this.deps;
    const at = new Date(this.now());
    const rows = await this.deps.writes.run(() => {
      const session = this.heldSession(agent, sessionId);
      if (session.botVersionId === null || session.botState === null) {
        throw new DomainError('CONFLICT', 'This conversation did not come from a bot.');
      }
      closeSessionItems(db, session.id, at, 'handed back to the bot');
      db.update(messagingSessions)
        .set({
          status: 'active',
          agentType: 'bot',
          agentId: null,
          botHandledSeq: session.lastSeq,
        })
        .where(eq(messagingSessions.id, session.id))
        .run();
      return appendEntries(db, session.orgId, session.id, [
        {
          actorType: 'system',
          actorName: 'Parley',
          type: 'participant_changed',
          payload: { change: 'left', participant: { type: 'agent', name: agent.name } },
        },
        statusDraft(session.status, 'active', 'returned_to_bot'),
      ]);
    });
    publishEntries(this.deps.hub, sessionId, rows);
    this.deps.routing.closed(agent.orgId, [agent.id]);
    this.deps.bot.returned(sessionId);
  }

  /** A staff-only note: stored apart from the entries, so no customer route can return it. */
  async addNote(author: StaffActor, sessionId: string, body: string) {
    const text = body.trim();
    if (!text) throw new DomainError('INVALID_INPUT', 'Write something in the note first.');
    if (text.length > NOTE_MAX_LENGTH) {
      throw new DomainError('INVALID_INPUT', `A note holds at most ${NOTE_MAX_LENGTH} characters.`);
    }
    const session = this.sessionOfOrg(author.orgId, sessionId);
    return this.deps.writes.run(() =>
      this.deps.db
        .insert(sessionNotes)
        .values({
          orgId: session.orgId,
          sessionId: session.id,
          authorId: author.id,
          authorName: author.name,
          body: text,
          createdAt: new Date(this.now()),
        })
        .returning()
        .get(),
    );
  }

  private sessionOfOrg(orgId: string, sessionId: string) {
    const session = this.deps.db
      .select()
      .from(messagingSessions)
      .where(and(eq(messagingSessions.id, sessionId), eq(messagingSessions.orgId, orgId)))
      .get();
    if (!session) throw new DomainError('NOT_FOUND', 'No such conversation.');
    return session;
  }

  /** The session, if `agent` holds its accepted work item; otherwise nothing may be done in it. */
  private heldSession(agent: StaffActor, sessionId: string) {
    this.sessionOfOrg(agent.orgId, sessionId);
    const held = this.deps.db
      .select({ id: workItems.id })
      .from(workItems)
      .where(
        and(
          eq(workItems.sessionId, sessionId),
          eq(workItems.status, 'accepted'),
          eq(workItems.acceptedBy, agent.id),
        ),
      )
      .get();
    if (!held) {
      throw new DomainError(
        'FORBIDDEN',
        'This conversation is not yours: accept it first, or it has ended or moved on.',
      );
    }
    return loadSession(this.deps.db, sessionId);
  }
}
