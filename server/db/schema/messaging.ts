import { sql } from 'drizzle-orm';
import { index, integer, sqliteTable, text, uniqueIndex } from 'drizzle-orm/sqlite-core';
import type { EntryType } from '../../../contract/entries';
import { bots, botVersions } from './bots';
import { createdAt, id, json, timestamp } from './columns';
import { contacts } from './crm';
import { CHANNELS, deployments } from './deployments';
import { orgIdColumn, staffUsers } from './orgs';

export const SESSION_STATUSES = ['new', 'waiting', 'active', 'inactive', 'ended', 'error'] as const;
export type SessionStatus = (typeof SESSION_STATUSES)[number];
export const AGENT_TYPES = ['bot', 'agent', 'bot_to_agent'] as const;
export const ENDED_BY = ['customer', 'agent', 'bot', 'system'] as const;

export const messagingSessions = sqliteTable(
  'messaging_sessions',
  {
    id: id(),
    orgId: orgIdColumn(),
    deploymentId: text('deployment_id')
      .notNull()
      .references(() => deployments.id, { onDelete: 'cascade' }),
    channel: text('channel', { enum: CHANNELS }).notNull(),
    status: text('status', { enum: SESSION_STATUSES }).notNull().default('new'),
    agentType: text('agent_type', { enum: AGENT_TYPES }).notNull().default('bot'),
    botId: text('bot_id').references(() => bots.id, { onDelete: 'set null' }),
    /** Pinned at start: a session runs on the version it began with even after a publish. */
    botVersionId: text('bot_version_id').references(() => botVersions.id),
    botState: json<unknown>('bot_state'),
    contactId: text('contact_id').references(() => contacts.id, { onDelete: 'set null' }),
    identityVerified: integer('identity_verified', { mode: 'boolean' }).notNull().default(false),
    /** Hidden pre-chat fields from the app, shown to the agent and readable by flows. */
    context: json<Record<string, unknown>>('context').notNull().default({}),
    prechat: json<Record<string, unknown>>('prechat').notNull().default({}),
    locale: text('locale'),
    agentId: text('agent_id').references(() => staffUsers.id, { onDelete: 'set null' }),
    /** Highest seq handed out; the next entry takes lastSeq + 1 inside the same transaction. */
    lastSeq: integer('last_seq').notNull().default(0),
    customerReadSeq: integer('customer_read_seq').notNull().default(0),
    /** The customer's entries up to here have been read by the agent. */
    agentReadSeq: integer('agent_read_seq').notNull().default(0),
    /**
     * The last customer entry the bot has answered. Entries above it after a crash are answered
     * at start, so an acknowledged message never goes without its reply.
     */
    botHandledSeq: integer('bot_handled_seq').notNull().default(0),
    /**
     * The bot wait a `timeout` turn has answered, stored with that turn's entries, so a wait
     * times out once even across a crash or a second sweeper.
     */
    botTimedOutWait: integer('bot_timed_out_wait'),
    createdAt: createdAt(),
    acceptedAt: timestamp('accepted_at'),
    lastCustomerActivityAt: timestamp('last_customer_activity_at'),
    endedAt: timestamp('ended_at'),
    endedBy: text('ended_by', { enum: ENDED_BY }),
  },
  (t) => [
    index('messaging_sessions_org_status_idx').on(t.orgId, t.status),
    index('messaging_sessions_contact_idx').on(t.contactId),
    // Reports read an org's conversations by when they started, and count them by every column
    // they filter or group on: covering, a year's count is a scan of this index alone.
    index('messaging_sessions_reports_idx').on(
      t.orgId,
      t.createdAt,
      t.deploymentId,
      t.channel,
      t.botVersionId,
      t.agentId,
      t.status,
      t.agentType,
      t.endedBy,
      t.acceptedAt,
      t.endedAt,
      // Last, for joining work items, entries and answers without a visit to the table.
      t.id,
    ),
  ],
);

export const ACTOR_TYPES = ['customer', 'bot', 'agent', 'system'] as const;
export type ActorType = (typeof ACTOR_TYPES)[number];

export const conversationEntries = sqliteTable(
  'conversation_entries',
  {
    id: id(),
    orgId: orgIdColumn(),
    sessionId: text('session_id')
      .notNull()
      .references(() => messagingSessions.id, { onDelete: 'cascade' }),
    seq: integer('seq').notNull(),
    actorType: text('actor_type', { enum: ACTOR_TYPES }).notNull(),
    actorId: text('actor_id'),
    /** The name shown beside the entry, kept as it was when the entry was written. */
    actorName: text('actor_name').notNull().default(''),
    entryType: text('entry_type').notNull(),
    payload: json<Record<string, unknown>>('payload').notNull(),
    /** The app's idempotency key: a retried send finds the stored entry instead of a twin. */
    clientMessageId: text('client_message_id'),
    createdAt: createdAt(),
  },
  (t) => [
    uniqueIndex('conversation_entries_session_seq_unique').on(t.sessionId, t.seq),
    uniqueIndex('conversation_entries_session_client_message_unique').on(
      t.sessionId,
      t.clientMessageId,
    ),
    // An agent's first message after the accept, for first response time, in one seek per
    // conversation. Partial: only agents' entries pay for it, not the customer's or the bot's.
    index('conversation_entries_agent_reply_idx')
      .on(t.sessionId, t.createdAt, t.entryType)
      .where(sql`${t.actorType} = 'agent'`),
  ],
);

/**
 * An entry as its writer hands it over, before it is given its id, seq and time. Bots, routing
 * (what a bot says on handing off) and messaging all speak it, so it sits beside the table.
 */
export interface EntryDraft {
  actorType: ActorType;
  actorId?: string | null;
  actorName: string;
  type: EntryType;
  payload: Record<string, unknown>;
  clientMessageId?: string;
}

export const BOT_TURN_STATUSES = ['awaiting_input', 'escalated', 'ended'] as const;

/**
 * Why the bot answered as it did, one row per bot turn of a customer conversation, written
 * with the turn's entries. The trace is the engine's, secrets already redacted.
 */
export const botTurnTraces = sqliteTable(
  'bot_turn_traces',
  {
    id: id(),
    orgId: orgIdColumn(),
    sessionId: text('session_id')
      .notNull()
      .references(() => messagingSessions.id, { onDelete: 'cascade' }),
    /** 1 for the session's first bot turn, then one more per turn: the order to read them in. */
    turn: integer('turn').notNull(),
    botVersionId: text('bot_version_id')
      .notNull()
      .references(() => botVersions.id),
    status: text('status', { enum: BOT_TURN_STATUSES }).notNull(),
    trace: json<unknown>('trace').notNull(),
    createdAt: createdAt(),
  },
  (t) => [
    uniqueIndex('bot_turn_traces_session_turn_unique').on(t.sessionId, t.turn),
    index('bot_turn_traces_org_created_idx').on(t.orgId, t.createdAt),
  ],
);
