import { index, integer, sqliteTable, text, uniqueIndex } from 'drizzle-orm/sqlite-core';
import { createdAt, id, json, timestamp } from './columns';
import { orgs, staffUsers } from './orgs';

export const bots = sqliteTable(
  'bots',
  {
    id: id(),
    orgId: text('org_id')
      .notNull()
      .references(() => orgs.id, { onDelete: 'cascade' }),
    name: text('name').notNull(),
    description: text('description').notNull().default(''),
    createdBy: text('created_by').references(() => staffUsers.id, { onDelete: 'set null' }),
    createdAt: createdAt(),
    updatedAt: timestamp('updated_at').notNull(),
  },
  (t) => [index('bots_org_idx').on(t.orgId)],
);

/** The one editable document of a bot; `revision` makes concurrent saves detectable. */
export const botDrafts = sqliteTable('bot_drafts', {
  botId: text('bot_id')
    .primaryKey()
    .references(() => bots.id, { onDelete: 'cascade' }),
  orgId: text('org_id')
    .notNull()
    .references(() => orgs.id, { onDelete: 'cascade' }),
  document: json<unknown>('document').notNull(),
  revision: integer('revision').notNull().default(1),
  updatedBy: text('updated_by').references(() => staffUsers.id, { onDelete: 'set null' }),
  updatedAt: timestamp('updated_at').notNull(),
});

/** Immutable once written: sessions are pinned to a version for their whole life. */
export const botVersions = sqliteTable(
  'bot_versions',
  {
    id: id(),
    orgId: text('org_id')
      .notNull()
      .references(() => orgs.id, { onDelete: 'cascade' }),
    botId: text('bot_id')
      .notNull()
      .references(() => bots.id, { onDelete: 'cascade' }),
    number: integer('number').notNull(),
    flow: json<unknown>('flow').notNull(),
    nluModel: json<unknown>('nlu_model').notNull(),
    checksum: text('checksum').notNull(),
    authorId: text('author_id').references(() => staffUsers.id, { onDelete: 'set null' }),
    note: text('note').notNull().default(''),
    createdAt: createdAt(),
  },
  (t) => [uniqueIndex('bot_versions_bot_number_unique').on(t.botId, t.number)],
);

/**
 * A bot's saved test cases, beside its draft rather than inside it: editing a test is not an
 * edit of the bot, so it neither conflicts with a designer's unsaved canvas nor makes the draft
 * look changed since its tests last ran. Each keeps the result of its latest run, which
 * publishing reads.
 */
export const botTestCases = sqliteTable(
  'bot_test_cases',
  {
    id: id(),
    orgId: text('org_id')
      .notNull()
      .references(() => orgs.id, { onDelete: 'cascade' }),
    botId: text('bot_id')
      .notNull()
      .references(() => bots.id, { onDelete: 'cascade' }),
    /** The case's own id, unique within the bot, kept across export and import. */
    caseId: text('case_id').notNull(),
    name: text('name').notNull(),
    /** The test case as `testCaseSchema` parses it. */
    definition: json<unknown>('definition').notNull(),
    /** Changed on every edit, so a result from before the edit reads as not run. */
    revision: integer('revision').notNull().default(1),
    updatedBy: text('updated_by').references(() => staffUsers.id, { onDelete: 'set null' }),
    createdAt: createdAt(),
    updatedAt: timestamp('updated_at').notNull(),
    /** The latest run: what it ran against, on which revision of this case, and its result. */
    lastRun: json<unknown>('last_run'),
  },
  (t) => [
    uniqueIndex('bot_test_cases_bot_case_unique').on(t.botId, t.caseId),
    index('bot_test_cases_org_bot_idx').on(t.orgId, t.botId),
  ],
);
