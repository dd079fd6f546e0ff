import { index, sqliteTable, text, uniqueIndex } from 'drizzle-orm/sqlite-core';
import type { ActionSettings } from '../../../bot-runtime/actions/types';
import type { PrechatField } from '../../../contract/prechat';
import { CHANNELS, IDENTITY_ALGORITHMS, IDENTITY_MODES } from '../enums';
import { bots, botVersions } from './bots';
import { createdAt, id, json, timestamp } from './columns';
import { orgIdColumn, staffUsers } from './orgs';

export { CHANNELS, type Channel, IDENTITY_MODES, type IdentityMode } from '../enums';

export interface DeploymentSettings {
  /** Customer silence before an active session turns inactive. */
  inactiveAfterMinutes: number;
  /** Time an inactive session stays open before it ends. */
  endAfterMinutes: number;
  /** Where a customer message on an inactive session goes. */
  reopenTo: 'bot' | 'agent';
  /** Hosts the bot's HTTP actions may reach even though they resolve to private addresses. */
  outboundAllowList: string[];
  /** Endpoints and the knowledge base the built-in actions use. */
  actions: ActionSettings;
  /** Asked by the web widget before a new conversation; absent on deployments made before it. */
  prechatFields?: PrechatField[];
}

export const deployments = sqliteTable(
  'deployments',
  {
    id: id(),
    orgId: orgIdColumn(),
    /** The id apps and the widget use in URLs; unique across the installation. */
    publicId: text('public_id').notNull().unique(),
    name: text('name').notNull(),
    channel: text('channel', { enum: CHANNELS }).notNull(),
    apiKeyHash: text('api_key_hash').notNull(),
    /** The first characters of the key, so staff can tell keys apart without seeing them. */
    apiKeyPrefix: text('api_key_prefix').notNull(),
    apiKeyRotatedAt: timestamp('api_key_rotated_at').notNull(),
    identityMode: text('identity_mode', { enum: IDENTITY_MODES }).notNull().default('none'),
    identityAlgorithm: text('identity_algorithm', { enum: IDENTITY_ALGORITHMS }),
    identitySecret: text('identity_secret'),
    identityPublicKey: text('identity_public_key'),
    identityAudience: text('identity_audience'),
    botId: text('bot_id').references(() => bots.id, { onDelete: 'set null' }),
    botVersionId: text('bot_version_id').references(() => botVersions.id, { onDelete: 'set null' }),
    allowedOrigins: json<string[]>('allowed_origins').notNull().default([]),
    settings: json<DeploymentSettings>('settings').notNull(),
    createdAt: createdAt(),
    updatedAt: timestamp('updated_at').notNull(),
  },
  (t) => [index('deployments_org_idx').on(t.orgId)],
);

/** Values a deployment's bot sends in HTTP headers; flows name them, never hold them. */
export const deploymentSecrets = sqliteTable(
  'deployment_secrets',
  {
    id: id(),
    orgId: orgIdColumn(),
    deploymentId: text('deployment_id')
      .notNull()
      .references(() => deployments.id, { onDelete: 'cascade' }),
    name: text('name').notNull(),
    /** AES-256-GCM: base64 of IV + tag + ciphertext, see server/deployments/secretCipher. */
    sealedValue: text('sealed_value').notNull(),
    createdAt: createdAt(),
    updatedAt: timestamp('updated_at').notNull(),
    updatedBy: text('updated_by').references(() => staffUsers.id, { onDelete: 'set null' }),
  },
  (t) => [uniqueIndex('deployment_secrets_deployment_name_unique').on(t.deploymentId, t.name)],
);
