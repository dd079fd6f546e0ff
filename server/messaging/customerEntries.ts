import { eq, sql } from 'drizzle-orm';
import type { SendMessageBody } from '../../contract/conversations';
import type { Entry } from '../../contract/entries';
import type { Contacts } from '../contacts/contacts';
import type { Db } from '../db/client';
import { deployments, type EntryDraft, messagingSessions } from '../db/schema';
import type { WriteBatcher } from '../db/writeBatcher';
import type { ConversationClaims } from './accessTokens';
import type { BotTurnOrchestrator } from './botTurnOrchestrator';
import type { SessionRow } from './botTurns';
import {
  appendEntries,
  findEntryByClientMessageId,
  listEntriesAfter,
  toApiEntry,
} from './conversationEntries';
import type { Escalation } from './escalation';
import type { EventHub } from './eventHub';
import { loadOwnSession, loadSession } from './loadSession';
import { MessagingError } from './messagingErrors';
import { publishEntries } from './publishEntries';
import { sessionStatementsFor } from './sessionStatements';
import { statusDraft } from './statusDraft';

export interface CustomerEntriesDeps {
  db: Db;
  writes: WriteBatcher;
  hub: EventHub;
  contacts: Contacts;
  botTurns: BotTurnOrchestrator;
  escalation: Escalation;
  now?: () => number;
}

/**
 * What the customer writes and reads in a conversation: messages (stored once, durable before
 * they are acknowledged, then answered by the bot or waiting for an agent), the transcript,
 * read receipts and typing.
 */
export class CustomerEntries {
  private readonly now: () => number;
  private readonly statements;

  constructor(private readonly deps: CustomerEntriesDeps) {
    this.now = deps.now ?? Date.now;
    this.statements = sessionStatementsFor(deps.db);
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
      const current = loadOwnSession(db, claims);
      const existing = findEntryByClientMessageId(db, current.id, body.clientMessageId);
      if (existing) return { row: existing, created: false as const, session: current };
      if (current.status === 'ended') {
        throw new MessagingError(
          'CONVERSATION_ENDED',
          'This conversation has ended; start a new one.',
        );
      }
      const drafts: EntryDraft[] = [
        customerDraft(body, this.deps.contacts.displayName(current.contactId)),
      ];
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
      return { entry: toApiEntry(result.row, session), created: false };
    }
    publishEntries(this.deps.hub, session.id, result.rows);
    if (result.toAgent) {
      await this.deps.escalation.escalateWithoutBot(loadSession(db, session.id), {
        reason: 'customer_returned',
      });
    } else if (session.agentType === 'bot' && session.botVersionId) {
      this.deps.botTurns.answer(session.id, result.row.seq);
    }
    return { entry: toApiEntry(result.row, session), created: true };
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
    const session = loadOwnSession(this.deps.db, claims);
    const rows = listEntriesAfter(this.deps.db, session.id, after, limit + 1);
    return {
      entries: rows.slice(0, limit).map((row) => toApiEntry(row, session)),
      hasMore: rows.length > limit,
    };
  }

  async markRead(claims: ConversationClaims, upToSeq: number) {
    const session = loadOwnSession(this.deps.db, claims);
    const readSeq = Math.min(upToSeq, session.lastSeq);
    if (readSeq <= session.customerReadSeq) return { upToSeq: session.customerReadSeq };
    await this.deps.writes.run(() =>
      this.deps.db
        .update(messagingSessions)
        .set({ customerReadSeq: sql`max(${messagingSessions.customerReadSeq}, ${readSeq})` })
        .where(eq(messagingSessions.id, session.id))
        .run(),
    );
    this.deps.hub.publish(session.id, {
      kind: 'read',
      reader: { type: 'customer', name: this.deps.contacts.displayName(session.contactId) },
      upToSeq: readSeq,
    });
    return { upToSeq: readSeq };
  }

  typing(claims: ConversationClaims, isTyping: boolean) {
    const session = loadOwnSession(this.deps.db, claims);
    this.deps.hub.publish(session.id, {
      kind: 'typing',
      actor: { type: 'customer', name: this.deps.contacts.displayName(session.contactId) },
      isTyping,
    });
  }
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
