import { integer, sqliteTable, text, uniqueIndex } from 'drizzle-orm/sqlite-core';
import { botVersions } from './bots';
import { timestamp } from './columns';
import { orgIdColumn, orgs } from './orgs';

/** What a roll-up row counts: the version as a whole, one node of its flow, or one edge. */
export const FLOW_ELEMENT_KINDS = ['version', 'node', 'edge'] as const;
export type FlowElementKind = (typeof FLOW_ELEMENT_KINDS)[number];

/**
 * The canvas overlay's counts for one day, kept after the day's bot-turn traces are pruned: per
 * published version, local day in the org's time zone (the day each conversation began) and
 * node or edge, the conversations that reached it and, for a node or the version, how those
 * conversations ended (`server/bots/conversationOutcome.ts`). Edges carry `conversations` only.
 */
export const botFlowDailyCounts = sqliteTable(
  'bot_flow_daily_counts',
  {
    orgId: orgIdColumn(),
    botVersionId: text('bot_version_id')
      .notNull()
      .references(() => botVersions.id, { onDelete: 'cascade' }),
    /** "YYYY-MM-DD" in the org's time zone. */
    day: text('day').notNull(),
    kind: text('kind', { enum: FLOW_ELEMENT_KINDS }).notNull(),
    /** The node's or edge's id in the version's flow; empty for the version. */
    elementId: text('element_id').notNull(),
    conversations: integer('conversations').notNull(),
    contained: integer('contained').notNull().default(0),
    escalated: integer('escalated').notNull().default(0),
    abandoned: integer('abandoned').notNull().default(0),
    error: integer('error').notNull().default(0),
    noAgent: integer('no_agent').notNull().default(0),
    inProgress: integer('in_progress').notNull().default(0),
  },
  (t) => [
    // The overlay reads one version over a range of days; the key also keeps a day unique.
    uniqueIndex('bot_flow_daily_counts_key').on(
      t.orgId,
      t.botVersionId,
      t.day,
      t.kind,
      t.elementId,
    ),
  ],
);

/**
 * How far each org's days are rolled up: every day up to and including `rolledUpThrough` has its
 * rows in `bot_flow_daily_counts` (none when nothing happened), and none after it. Moved one
 * day at a time in the same transaction as that day's rows, so a crash leaves a day either
 * wholly rolled up or not at all, and a second process finds the day taken.
 */
export const botFlowRollupMarks = sqliteTable('bot_flow_rollup_marks', {
  orgId: text('org_id')
    .primaryKey()
    .references(() => orgs.id, { onDelete: 'cascade' }),
  /** "YYYY-MM-DD" in the org's time zone. */
  rolledUpThrough: text('rolled_up_through').notNull(),
  updatedAt: timestamp('updated_at').notNull(),
});
