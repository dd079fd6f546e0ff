import { index, integer, sqliteTable, text } from 'drizzle-orm/sqlite-core';
import { createdAt, id, json, timestamp } from './columns';
import { contacts } from './crm';
import { deployments } from './deployments';
import { conversationEntries, messagingSessions } from './messaging';
import { orgIdColumn } from './orgs';

export const PUSH_PLATFORMS = ['web_push', 'fcm', 'apns'] as const;

export const pushRegistrations = sqliteTable(
  'push_registrations',
  {
    id: id(),
    orgId: orgIdColumn(),
    deploymentId: text('deployment_id')
      .notNull()
      .references(() => deployments.id, { onDelete: 'cascade' }),
    contactId: text('contact_id').references(() => contacts.id, { onDelete: 'cascade' }),
    /** Anonymous customers register per conversation, since there is no contact to follow. */
    sessionId: text('session_id').references(() => messagingSessions.id, { onDelete: 'cascade' }),
    platform: text('platform', { enum: PUSH_PLATFORMS }).notNull(),
    /** Device token (FCM/APNs) or subscription endpoint (Web Push). */
    token: text('token').notNull(),
    keys: json<Record<string, string>>('keys'),
    createdAt: createdAt(),
    revokedAt: timestamp('revoked_at'),
  },
  (t) => [
    index('push_registrations_contact_idx').on(t.contactId),
    index('push_registrations_session_idx').on(t.sessionId),
  ],
);

export const PUSH_DELIVERY_STATUSES = ['pending', 'sent', 'failed', 'dropped'] as const;

/** The durable outbox: a row per notification, retried until sent or given up. */
export const pushDeliveries = sqliteTable(
  'push_deliveries',
  {
    id: id(),
    orgId: orgIdColumn(),
    registrationId: text('registration_id')
      .notNull()
      .references(() => pushRegistrations.id, { onDelete: 'cascade' }),
    entryId: text('entry_id').references(() => conversationEntries.id, { onDelete: 'cascade' }),
    status: text('status', { enum: PUSH_DELIVERY_STATUSES }).notNull().default('pending'),
    attempts: integer('attempts').notNull().default(0),
    nextAttemptAt: timestamp('next_attempt_at').notNull(),
    lastError: text('last_error'),
    createdAt: createdAt(),
    sentAt: timestamp('sent_at'),
  },
  (t) => [index('push_deliveries_due_idx').on(t.status, t.nextAttemptAt)],
);
