import { sql } from 'drizzle-orm';
import {
  check,
  index,
  integer,
  primaryKey,
  sqliteTable,
  text,
  uniqueIndex,
} from 'drizzle-orm/sqlite-core';
import { PRESENCE_STATUSES, ROUTING_MODELS, WHEN_NONE_ONLINE } from '../enums';
import { createdAt, id, json, timestamp } from './columns';
import { messagingSessions } from './messaging';
import { orgIdColumn, orgs, staffUsers } from './orgs';

export {
  PRESENCE_STATUSES,
  type Presence,
  ROUTING_MODELS,
  WHEN_NONE_ONLINE,
} from '../enums';

export const skills = sqliteTable(
  'skills',
  {
    id: id(),
    orgId: orgIdColumn(),
    name: text('name').notNull(),
    createdAt: createdAt(),
  },
  (t) => [uniqueIndex('skills_org_name_unique').on(t.orgId, t.name)],
);

/** Weekly opening hours in a time zone; `null` on a queue means always open. */
export interface BusinessHours {
  timeZone: string;
  /** Day 0 is Sunday; times are "HH:MM" in the zone, `close` after `open`. */
  weekly: { day: number; open: string; close: string }[];
  /** Closed all day, as "YYYY-MM-DD" in the zone. */
  holidays: { date: string; name: string }[];
}

export const queues = sqliteTable(
  'queues',
  {
    id: id(),
    orgId: orgIdColumn(),
    name: text('name').notNull(),
    routingModel: text('routing_model', { enum: ROUTING_MODELS })
      .notNull()
      .default('most_available'),
    /** Seconds an agent has to accept an offer before it moves on. */
    offerTimeoutSeconds: integer('offer_timeout_seconds').notNull().default(30),
    /** Seconds a work item may wait before it overflows to `overflowQueueId`. */
    overflowAfterSeconds: integer('overflow_after_seconds'),
    overflowQueueId: text('overflow_queue_id'),
    priority: integer('priority').notNull().default(0),
    /** Capacity units one work item from this queue uses. */
    workItemSize: integer('work_item_size').notNull().default(1),
    /** Skills every item of this queue needs, on top of those its hand-off names. */
    requiredSkills: json<RequiredSkill[]>('required_skills').notNull().default([]),
    /** Skills an item waits for an agent to hold, until it has waited `optionalSkillsWaitSeconds`. */
    optionalSkills: json<RequiredSkill[]>('optional_skills').notNull().default([]),
    optionalSkillsWaitSeconds: integer('optional_skills_wait_seconds'),
    businessHours: json<BusinessHours>('business_hours'),
    /** Offers from this queue are accepted for the agent at once. */
    autoAccept: integer('auto_accept', { mode: 'boolean' }).notNull().default(false),
    whenNoneOnline: text('when_none_online', { enum: WHEN_NONE_ONLINE }).notNull().default('wait'),
    createdAt: createdAt(),
  },
  (t) => [uniqueIndex('queues_org_name_unique').on(t.orgId, t.name)],
);

export const queueMembers = sqliteTable(
  'queue_members',
  {
    orgId: orgIdColumn(),
    queueId: text('queue_id')
      .notNull()
      .references(() => queues.id, { onDelete: 'cascade' }),
    userId: text('user_id')
      .notNull()
      .references(() => staffUsers.id, { onDelete: 'cascade' }),
  },
  (t) => [primaryKey({ columns: [t.queueId, t.userId] })],
);

export const agentSkills = sqliteTable(
  'agent_skills',
  {
    orgId: orgIdColumn(),
    userId: text('user_id')
      .notNull()
      .references(() => staffUsers.id, { onDelete: 'cascade' }),
    skillId: text('skill_id')
      .notNull()
      .references(() => skills.id, { onDelete: 'cascade' }),
    level: integer('level').notNull(),
  },
  (t) => [
    primaryKey({ columns: [t.userId, t.skillId] }),
    check('agent_skills_level_range', sql`${t.level} between 1 and 10`),
  ],
);

/**
 * An org's own presence statuses ("Lunch", "Training"). An agent in one has the built-in
 * presence it stands for: `online` when it takes work, `busy` when it does not.
 */
export const presenceStatuses = sqliteTable(
  'presence_statuses',
  {
    id: id(),
    orgId: orgIdColumn(),
    name: text('name').notNull(),
    takesWork: integer('takes_work', { mode: 'boolean' }).notNull(),
    createdAt: createdAt(),
  },
  (t) => [uniqueIndex('presence_statuses_org_name_unique').on(t.orgId, t.name)],
);

export const agentStates = sqliteTable(
  'agent_states',
  {
    userId: text('user_id')
      .primaryKey()
      .references(() => staffUsers.id, { onDelete: 'cascade' }),
    orgId: orgIdColumn(),
    /** Only `online` takes work; a custom status sets it from its `takesWork`. */
    presence: text('presence', { enum: PRESENCE_STATUSES }).notNull().default('offline'),
    presenceStatusId: text('presence_status_id').references(() => presenceStatuses.id, {
      onDelete: 'set null',
    }),
    capacity: integer('capacity').notNull().default(3),
    /**
     * Capacity units held by items offered to or accepted by the agent. Claimed and released
     * with conditional writes in the same transaction as the item, so it never passes capacity.
     */
    load: integer('load').notNull().default(0),
    /** When the agent last got an item: ties go to whoever has waited longest since. */
    lastAssignedAt: timestamp('last_assigned_at'),
    /** Offers let time out in a row; reaching the org's setting sets the agent Away. */
    missedOffers: integer('missed_offers').notNull().default(0),
    /**
     * Last heartbeat of the agent's open console; null when nobody is watching for one (set
     * by someone else, or never opened). Stale, it sets an Online agent Away.
     */
    consoleSeenAt: timestamp('console_seen_at'),
    updatedAt: timestamp('updated_at').notNull(),
  },
  (t) => [
    index('agent_states_org_presence_idx').on(t.orgId, t.presence),
    check('agent_states_load_not_negative', sql`${t.load} >= 0`),
  ],
);

/**
 * Every change of an agent's presence, written in the transaction that changes `agent_states`:
 * reports sum the time spent in each status from it. An agent with no row before a moment was
 * Offline then.
 */
export const agentPresenceChanges = sqliteTable(
  'agent_presence_changes',
  {
    id: id(),
    orgId: orgIdColumn(),
    userId: text('user_id')
      .notNull()
      .references(() => staffUsers.id, { onDelete: 'cascade' }),
    presence: text('presence', { enum: PRESENCE_STATUSES }).notNull(),
    presenceStatusId: text('presence_status_id').references(() => presenceStatuses.id, {
      onDelete: 'set null',
    }),
    at: timestamp('at').notNull(),
  },
  (t) => [index('agent_presence_changes_org_user_at_idx').on(t.orgId, t.userId, t.at)],
);

/** The org's routing switches; an org without a row has the defaults. */
export const routingSettings = sqliteTable('routing_settings', {
  orgId: text('org_id')
    .primaryKey()
    .references(() => orgs.id, { onDelete: 'cascade' }),
  /** Offers let time out in a row before the agent is set Away; null never does. */
  autoAwayAfterMissedOffers: integer('auto_away_after_missed_offers'),
  /** An agent going Offline hands their open work back to routing. */
  rerouteOnOffline: integer('reroute_on_offline', { mode: 'boolean' }).notNull().default(true),
  /** Seconds after accepting within which the agent must answer, or the item is offered again. */
  noReplyReassignSeconds: integer('no_reply_reassign_seconds'),
  updatedAt: timestamp('updated_at').notNull(),
});

export const WORK_ITEM_STATUSES = [
  'queued',
  'offered',
  'accepted',
  'completed',
  'cancelled',
] as const;
export type WorkItemStatus = (typeof WORK_ITEM_STATUSES)[number];

export interface RequiredSkill {
  skill: string;
  minLevel: number;
}

export const workItems = sqliteTable(
  'work_items',
  {
    id: id(),
    orgId: orgIdColumn(),
    sessionId: text('session_id')
      .notNull()
      .references(() => messagingSessions.id, { onDelete: 'cascade' }),
    queueId: text('queue_id')
      .notNull()
      .references(() => queues.id),
    status: text('status', { enum: WORK_ITEM_STATUSES }).notNull().default('queued'),
    priority: integer('priority').notNull().default(0),
    /** When the customer first asked for a person: the place in line, kept across re-routing. */
    askedAt: timestamp('asked_at')
      .notNull()
      .$defaultFn(() => new Date()),
    /** Capacity units the item holds, fixed when it is queued. */
    size: integer('size').notNull().default(1),
    requiredSkills: json<RequiredSkill[]>('required_skills').notNull().default([]),
    optionalSkills: json<RequiredSkill[]>('optional_skills').notNull().default([]),
    /** Until then the item waits for an agent holding the optional skills; after it they are dropped. */
    optionalSkillsUntil: timestamp('optional_skills_until'),
    /** What the bot hands over: intent, captured variables, summary, transcript excerpt. */
    handoff: json<Record<string, unknown>>('handoff').notNull().default({}),
    /** Set once the item has overflowed: members of this queue may take it too. */
    overflowQueueId: text('overflow_queue_id').references(() => queues.id),
    overflowAt: timestamp('overflow_at'),
    offeredTo: text('offered_to').references(() => staffUsers.id, { onDelete: 'set null' }),
    offeredAt: timestamp('offered_at'),
    offerExpiresAt: timestamp('offer_expires_at'),
    /** Agents who declined or let the offer time out, so it is not offered to them again. */
    passedOverBy: json<string[]>('passed_over_by').notNull().default([]),
    acceptedBy: text('accepted_by').references(() => staffUsers.id, { onDelete: 'set null' }),
    acceptedAt: timestamp('accepted_at'),
    /** Set on accept when the org reassigns unanswered items; cleared by the agent's reply. */
    replyDueAt: timestamp('reply_due_at'),
    completedAt: timestamp('completed_at'),
    /** Why it is still waiting, as last logged, so an unchanged wait is not logged again. */
    waitingReason: text('waiting_reason'),
    /** The queue position last told to the customer, and when. */
    toldPosition: integer('told_position'),
    toldPositionAt: timestamp('told_position_at'),
    createdAt: createdAt(),
  },
  (t) => [
    index('work_items_org_status_idx').on(t.orgId, t.status),
    // A conversation's items in the order they were asked for (reports take the first and the
    // last), with what wait times read, so those need no visit to the table.
    index('work_items_session_idx').on(
      t.sessionId,
      t.askedAt,
      t.id,
      t.queueId,
      t.status,
      t.acceptedAt,
    ),
    // A queue's line in serving order: routing reads it queue by queue.
    index('work_items_queue_line_idx').on(t.orgId, t.status, t.queueId, t.priority, t.askedAt),
    index('work_items_offer_expires_idx').on(t.offerExpiresAt),
    index('work_items_overflow_idx').on(t.overflowAt),
    index('work_items_reply_due_idx').on(t.replyDueAt),
    index('work_items_accepted_by_idx').on(t.acceptedBy, t.status),
    // An agent's items accepted in a range, and those accepted before it and still open at its
    // start, for time at capacity, each read from an index alone.
    index('work_items_agent_accepted_idx').on(
      t.orgId,
      t.acceptedBy,
      t.acceptedAt,
      t.completedAt,
      t.size,
    ),
    index('work_items_agent_completed_idx').on(
      t.orgId,
      t.acceptedBy,
      t.completedAt,
      t.acceptedAt,
      t.size,
    ),
  ],
);

export const ROUTING_EVENTS = [
  'queued',
  'waiting',
  'offered',
  'accepted',
  'declined',
  'offer_timed_out',
  'overflowed',
  'optional_skills_dropped',
  'transferred',
  'rerouted',
  'cancelled',
  'completed',
] as const;
export type RoutingEvent = (typeof ROUTING_EVENTS)[number];

/** Why an agent was or was not offered an item, as one routing decision saw it. */
export const AGENT_VERDICTS = [
  'chosen',
  'eligible',
  'presence',
  'membership',
  'skill',
  'level',
  'capacity',
  'passed_over',
  'optional_skill',
] as const;
export type AgentVerdict = (typeof AGENT_VERDICTS)[number];

export interface ConsideredAgent {
  agentId: string;
  name: string;
  verdict: AgentVerdict;
  /** The detail a supervisor reads: which skill was missing, load against capacity. */
  detail: string;
}

/**
 * The decision log: every routing decision about a work item with the agents it considered
 * and why each was left out, so "why did this go to Alice?" is answered without logs.
 */
export const routingDecisions = sqliteTable(
  'routing_decisions',
  {
    id: id(),
    orgId: orgIdColumn(),
    workItemId: text('work_item_id')
      .notNull()
      .references(() => workItems.id, { onDelete: 'cascade' }),
    event: text('event', { enum: ROUTING_EVENTS }).notNull(),
    agentId: text('agent_id').references(() => staffUsers.id, { onDelete: 'set null' }),
    /** Who acted, when a person did (the agent declining, the supervisor reassigning). */
    actorId: text('actor_id').references(() => staffUsers.id, { onDelete: 'set null' }),
    reason: text('reason').notNull().default(''),
    considered: json<ConsideredAgent[]>('considered').notNull().default([]),
    createdAt: createdAt(),
  },
  (t) => [index('routing_decisions_item_idx').on(t.workItemId, t.createdAt)],
);

/** Canned replies agents insert, with `{{contact.name}}`-style variables filled in. */
export const quickTexts = sqliteTable(
  'quick_texts',
  {
    id: id(),
    orgId: orgIdColumn(),
    title: text('title').notNull(),
    body: text('body').notNull(),
    createdAt: createdAt(),
    updatedAt: timestamp('updated_at').notNull(),
  },
  (t) => [uniqueIndex('quick_texts_org_title_unique').on(t.orgId, t.title)],
);

/**
 * Staff-only notes on a conversation. A table of their own, not entries: no customer route,
 * stream or SDK call reads this table, so a note cannot leak through one of them.
 */
export const sessionNotes = sqliteTable(
  'session_notes',
  {
    id: id(),
    orgId: orgIdColumn(),
    sessionId: text('session_id')
      .notNull()
      .references(() => messagingSessions.id, { onDelete: 'cascade' }),
    authorId: text('author_id').references(() => staffUsers.id, { onDelete: 'set null' }),
    authorName: text('author_name').notNull(),
    body: text('body').notNull(),
    createdAt: createdAt(),
  },
  (t) => [index('session_notes_session_idx').on(t.sessionId, t.createdAt)],
);
