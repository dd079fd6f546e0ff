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
import { createdAt, id, json, timestamp } from './columns';
import { messagingSessions } from './messaging';
import { orgIdColumn, staffUsers } from './orgs';

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

export const ROUTING_MODELS = ['most_available', 'least_active'] as const;

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

export const PRESENCE_STATUSES = ['offline', 'online', 'busy', 'away'] as const;

export const agentStates = sqliteTable('agent_states', {
  userId: text('user_id')
    .primaryKey()
    .references(() => staffUsers.id, { onDelete: 'cascade' }),
  orgId: orgIdColumn(),
  presence: text('presence', { enum: PRESENCE_STATUSES }).notNull().default('offline'),
  capacity: integer('capacity').notNull().default(3),
  updatedAt: timestamp('updated_at').notNull(),
});

export const WORK_ITEM_STATUSES = [
  'queued',
  'offered',
  'accepted',
  'completed',
  'cancelled',
  'overflowed',
] as const;

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
    requiredSkills: json<RequiredSkill[]>('required_skills').notNull().default([]),
    /** What the bot hands over: intent, captured variables, summary, transcript excerpt. */
    handoff: json<Record<string, unknown>>('handoff').notNull().default({}),
    offeredTo: text('offered_to').references(() => staffUsers.id, { onDelete: 'set null' }),
    offeredAt: timestamp('offered_at'),
    /** Agents who declined or let the offer time out, so it is not offered to them again. */
    passedOverBy: json<string[]>('passed_over_by').notNull().default([]),
    acceptedBy: text('accepted_by').references(() => staffUsers.id, { onDelete: 'set null' }),
    acceptedAt: timestamp('accepted_at'),
    completedAt: timestamp('completed_at'),
    createdAt: createdAt(),
  },
  (t) => [
    index('work_items_org_status_idx').on(t.orgId, t.status),
    index('work_items_session_idx').on(t.sessionId),
  ],
);
