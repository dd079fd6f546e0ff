import { index, integer, real, sqliteTable, text, uniqueIndex } from 'drizzle-orm/sqlite-core';
import { bots, botVersions } from './bots';
import { createdAt, id, timestamp } from './columns';
import { messagingSessions } from './messaging';
import { orgIdColumn, staffUsers } from './orgs';

export const MISUNDERSTOOD_STATUSES = ['open', 'added', 'ignored'] as const;
export type MisunderstoodStatus = (typeof MISUNDERSTOOD_STATUSES)[number];

/**
 * A customer message the bot did not understand, kept for the bot's designer. Its own table
 * because traces are pruned after `BOT_TRACE_RETENTION_DAYS` while an open item waits for
 * someone to act on it; the text is customer data, so it goes with its session.
 */
export const misunderstoodMessages = sqliteTable(
  'misunderstood_messages',
  {
    id: id(),
    orgId: orgIdColumn(),
    botId: text('bot_id')
      .notNull()
      .references(() => bots.id, { onDelete: 'cascade' }),
    botVersionId: text('bot_version_id')
      .notNull()
      .references(() => botVersions.id, { onDelete: 'cascade' }),
    sessionId: text('session_id')
      .notNull()
      .references(() => messagingSessions.id, { onDelete: 'cascade' }),
    /** The customer entry the bot answered; null for a message that opened the session. */
    seq: integer('seq'),
    text: text('text').notNull(),
    /** The intent the NLU ranked first, however low; null when the bot knows no intent. */
    topIntent: text('top_intent'),
    /** That intent's confidence, 0..1. */
    score: real('score').notNull(),
    status: text('status', { enum: MISUNDERSTOOD_STATUSES }).notNull().default('open'),
    /** The intent the phrase was added to, when `added`. */
    addedToIntent: text('added_to_intent'),
    actedBy: text('acted_by').references(() => staffUsers.id, { onDelete: 'set null' }),
    actedAt: timestamp('acted_at'),
    createdAt: createdAt(),
  },
  (t) => [
    // A turn replayed after a crash records its message once.
    uniqueIndex('misunderstood_messages_session_seq_unique').on(t.sessionId, t.seq),
    index('misunderstood_messages_org_bot_status_idx').on(t.orgId, t.botId, t.status),
  ],
);
