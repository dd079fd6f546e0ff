import { sql } from 'drizzle-orm';
import { index, integer, sqliteTable, text, uniqueIndex } from 'drizzle-orm/sqlite-core';
import { STAFF_ROLES } from '../enums';
import { createdAt, id, json, timestamp } from './columns';

export { STAFF_ROLES, type StaffRole } from '../enums';

export const orgs = sqliteTable('orgs', {
  id: id(),
  name: text('name').notNull(),
  slug: text('slug').notNull().unique(),
  /** IANA zone the org's reports bucket days and weeks in. */
  timeZone: text('time_zone').notNull().default('UTC'),
  createdAt: createdAt(),
});

/** The owning org: every table with customer data carries it, and every query scopes by it. */
export const orgIdColumn = () =>
  text('org_id')
    .notNull()
    .references(() => orgs.id, { onDelete: 'cascade' });

export const staffUsers = sqliteTable(
  'staff_users',
  {
    id: id(),
    orgId: orgIdColumn(),
    // Sign-in is by email alone, so an email belongs to one org.
    email: text('email').notNull(),
    name: text('name').notNull(),
    role: text('role', { enum: STAFF_ROLES }).notNull(),
    passwordHash: text('password_hash').notNull(),
    active: integer('active', { mode: 'boolean' }).notNull().default(true),
    createdAt: createdAt(),
    lastSignInAt: timestamp('last_sign_in_at'),
  },
  (t) => [
    uniqueIndex('staff_users_email_unique').on(sql`lower(${t.email})`),
    index('staff_users_org_idx').on(t.orgId),
  ],
);

export const auditLog = sqliteTable(
  'audit_log',
  {
    id: id(),
    orgId: orgIdColumn(),
    actorUserId: text('actor_user_id').references(() => staffUsers.id, { onDelete: 'set null' }),
    action: text('action').notNull(),
    targetType: text('target_type').notNull(),
    targetId: text('target_id'),
    details: json<Record<string, unknown>>('details'),
    createdAt: createdAt(),
  },
  (t) => [index('audit_log_org_created_idx').on(t.orgId, t.createdAt)],
);
