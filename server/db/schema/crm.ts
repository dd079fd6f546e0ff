import { index, sqliteTable, text, uniqueIndex } from 'drizzle-orm/sqlite-core';
import { createdAt, id, json, timestamp } from './columns';
import { orgIdColumn } from './orgs';

export const accounts = sqliteTable(
  'accounts',
  {
    id: id(),
    orgId: orgIdColumn(),
    name: text('name').notNull(),
    tier: text('tier').notNull().default('standard'),
    createdAt: createdAt(),
  },
  (t) => [index('accounts_org_idx').on(t.orgId)],
);

export const contacts = sqliteTable(
  'contacts',
  {
    id: id(),
    orgId: orgIdColumn(),
    /** The app's own user id, taken from a verified identity token's `sub`. */
    externalUserId: text('external_user_id').notNull(),
    email: text('email'),
    name: text('name'),
    accountId: text('account_id').references(() => accounts.id, { onDelete: 'set null' }),
    attributes: json<Record<string, unknown>>('attributes').notNull().default({}),
    createdAt: createdAt(),
  },
  (t) => [uniqueIndex('contacts_org_external_unique').on(t.orgId, t.externalUserId)],
);

export const CASE_STATUSES = ['new', 'working', 'closed'] as const;

export const cases = sqliteTable(
  'cases',
  {
    id: id(),
    orgId: orgIdColumn(),
    number: text('number').notNull(),
    contactId: text('contact_id').references(() => contacts.id, { onDelete: 'set null' }),
    accountId: text('account_id').references(() => accounts.id, { onDelete: 'set null' }),
    subject: text('subject').notNull(),
    status: text('status', { enum: CASE_STATUSES }).notNull().default('new'),
    createdAt: createdAt(),
    closedAt: timestamp('closed_at'),
  },
  (t) => [
    uniqueIndex('cases_org_number_unique').on(t.orgId, t.number),
    index('cases_contact_idx').on(t.contactId),
  ],
);
