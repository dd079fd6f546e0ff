import { index, integer, sqliteTable, text, uniqueIndex } from 'drizzle-orm/sqlite-core';
import { createdAt, id, json, timestamp } from './columns';
import { contacts } from './crm';
import { deployments } from './deployments';
import { conversationEntries, messagingSessions } from './messaging';
import { orgIdColumn, staffUsers } from './orgs';

export const PUSH_PLATFORMS = ['web_push', 'fcm', 'apns'] as const;
export type PushPlatform = (typeof PUSH_PLATFORMS)[number];

export const APNS_ENVIRONMENTS = ['sandbox', 'production'] as const;
export type ApnsEnvironment = (typeof APNS_ENVIRONMENTS)[number];

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
    /** APNs only: the app's bundle id (the `apns-topic`) and which APNs environment it uses. */
    bundleId: text('bundle_id'),
    environment: text('environment', { enum: APNS_ENVIRONMENTS }),
    /** The device's IANA time zone, for the deployment's quiet hours. */
    timeZone: text('time_zone'),
    createdAt: createdAt(),
    /** The customer removed it (or logged out on the device). */
    revokedAt: timestamp('revoked_at'),
    /** The provider said the token is dead; kept apart from the customer's own removal. */
    deactivatedAt: timestamp('deactivated_at'),
    deactivatedReason: text('deactivated_reason'),
  },
  (t) => [
    index('push_registrations_contact_idx').on(t.contactId),
    index('push_registrations_session_idx').on(t.sessionId),
  ],
);

export const PUSH_DELIVERY_STATUSES = ['pending', 'sent', 'failed', 'dropped'] as const;
export type PushDeliveryStatus = (typeof PUSH_DELIVERY_STATUSES)[number];

/**
 * The durable outbox: a row per notification, retried until sent or given up. While a worker
 * sends a row it stays `pending` with `next_attempt_at` pushed past the send's deadline, so a
 * worker that dies mid-send leaves a row that falls due again instead of one stuck in flight.
 */
export const pushDeliveries = sqliteTable(
  'push_deliveries',
  {
    id: id(),
    orgId: orgIdColumn(),
    registrationId: text('registration_id')
      .notNull()
      .references(() => pushRegistrations.id, { onDelete: 'cascade' }),
    sessionId: text('session_id').references(() => messagingSessions.id, { onDelete: 'cascade' }),
    /** The newest entry the notification tells of; later replies in its window replace it. */
    entryId: text('entry_id').references(() => conversationEntries.id, { onDelete: 'cascade' }),
    seq: integer('seq'),
    /** Replies to one conversation share it, so the device shows one notification for them. */
    collapseKey: text('collapse_key'),
    status: text('status', { enum: PUSH_DELIVERY_STATUSES }).notNull().default('pending'),
    attempts: integer('attempts').notNull().default(0),
    nextAttemptAt: timestamp('next_attempt_at').notNull(),
    /** The provider's answer to the last attempt: status and reason, or the network error. */
    lastError: text('last_error'),
    providerStatus: integer('provider_status'),
    createdAt: createdAt(),
    sentAt: timestamp('sent_at'),
  },
  (t) => [
    index('push_deliveries_due_idx').on(t.status, t.nextAttemptAt),
    index('push_deliveries_registration_idx').on(t.registrationId, t.collapseKey, t.createdAt),
    index('push_deliveries_org_idx').on(t.orgId, t.createdAt),
  ],
);

export interface QuietHours {
  /** Local "HH:MM" the quiet starts and ends; an end before the start runs past midnight. */
  start: string;
  end: string;
}

/**
 * A deployment's notification settings and provider credentials. Private keys are sealed with
 * the secret cipher (bound to deployment and field) and never leave the server again.
 */
export const pushSettings = sqliteTable(
  'push_settings',
  {
    id: id(),
    orgId: orgIdColumn(),
    deploymentId: text('deployment_id')
      .notNull()
      .references(() => deployments.id, { onDelete: 'cascade' }),
    enabled: integer('enabled', { mode: 'boolean' }).notNull().default(true),
    /** False: the notification says only "You have a new reply", never the message. */
    showText: integer('show_text', { mode: 'boolean' }).notNull().default(true),
    title: text('title'),
    quietHours: json<QuietHours>('quiet_hours'),
    vapidPublicKey: text('vapid_public_key').notNull(),
    vapidPrivateKeySealed: text('vapid_private_key_sealed').notNull(),
    /** The `sub` of the VAPID JWT: a mailto: or https: contact for the push service. */
    vapidSubject: text('vapid_subject'),
    apnsTeamId: text('apns_team_id'),
    apnsKeyId: text('apns_key_id'),
    apnsKeySealed: text('apns_key_sealed'),
    fcmProjectId: text('fcm_project_id'),
    fcmClientEmail: text('fcm_client_email'),
    fcmKeySealed: text('fcm_key_sealed'),
    createdAt: createdAt(),
    updatedAt: timestamp('updated_at').notNull(),
    updatedBy: text('updated_by').references(() => staffUsers.id, { onDelete: 'set null' }),
  },
  (t) => [uniqueIndex('push_settings_deployment_unique').on(t.deploymentId)],
);
