import { sql } from 'drizzle-orm';
import { check, index, integer, sqliteTable, text } from 'drizzle-orm/sqlite-core';
import { createdAt, id } from './columns';
import { messagingSessions } from './messaging';
import { orgIdColumn } from './orgs';

export const csatResponses = sqliteTable(
  'csat_responses',
  {
    id: id(),
    orgId: orgIdColumn(),
    sessionId: text('session_id')
      .notNull()
      .unique()
      .references(() => messagingSessions.id, { onDelete: 'cascade' }),
    score: integer('score').notNull(),
    comment: text('comment'),
    createdAt: createdAt(),
  },
  (t) => [
    check('csat_score_range', sql`${t.score} between 1 and 5`),
    // Reports count answers by score per conversation from this index alone.
    index('csat_responses_session_score_idx').on(t.sessionId, t.score),
  ],
);
