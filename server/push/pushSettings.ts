import { and, asc, desc, eq, isNull } from 'drizzle-orm';
import webPush from 'web-push';
import type { z } from 'zod';
import type { WebPushConfig } from '../../contract/prechat';
import { recordAudit } from '../audit/recordAudit';
import type { StaffUser } from '../auth/staffAuth';
import type { Db } from '../db/client';
import { auditLog, deployments, pushSettings, type QuietHours, staffUsers } from '../db/schema';
import { getDeployment } from '../deployments/deploymentCatalog';
import { openSecret, SecretDecryptionError, sealSecret } from '../deployments/secretCipher';
import { getEnv } from '../env';
import { DomainError } from '../errors';
import type { ProviderCredentials } from './providers/pushSender';
import { checkApnsKey, checkFcmServiceAccount } from './pushCredentialChecks';
import type {
  setApnsCredentialsInput,
  setFcmCredentialsInput,
  updatePushSettingsInput,
} from './pushSettingSchemas';

type PushSettingsRow = typeof pushSettings.$inferSelect;
type SealedField = 'vapidPrivateKey' | 'apnsKey' | 'fcmKey';

/** When and by whom a credential was last set, read from the audit log. */
export interface CredentialStamp {
  setAt: Date;
  /** Null when the staff user who set it has since been deleted. */
  setByName: string | null;
}

/** What staff may see of a deployment's push set-up: never a private key, sealed or not. */
export interface PushSettingsView {
  deploymentId: string;
  enabled: boolean;
  showText: boolean;
  title: string | null;
  quietHours: QuietHours | null;
  /** As set; null means the installation's public URL is used. */
  vapidSubject: string | null;
  /** What the push services are told when none is set. */
  defaultVapidSubject: string;
  /** The browser's applicationServerKey, shown for copying. */
  vapidPublicKey: string;
  apns: ({ teamId: string; keyId: string } & CredentialStamp) | null;
  fcm: ({ projectId: string; clientEmail: string } & CredentialStamp) | null;
  updatedAt: Date;
  updatedByName: string | null;
}

/** A deployment's notification settings and opened keys: what the push worker sends with. */
export interface DeploymentPush extends ProviderCredentials {
  settings: {
    enabled: boolean;
    showText: boolean;
    title: string | null;
    quietHours: QuietHours | null;
  };
}

/** The authenticated context of a sealed key: it decrypts only on its own deployment and field. */
const boundTo = (deploymentId: string, field: SealedField) => `${deploymentId}\0push.${field}`;

const AUDIT = {
  settings: 'push.settings_updated',
  apnsSet: 'push.apns_credentials_set',
  apnsCleared: 'push.apns_credentials_cleared',
  fcmSet: 'push.fcm_credentials_set',
  fcmCleared: 'push.fcm_credentials_cleared',
} as const;

/**
 * Gives every deployment without push settings its own: notifications on, and a fresh VAPID
 * key pair (Web Push needs no set-up beyond it). Runs at start for all deployments, and for one
 * when it is created; returns how many deployments it set up.
 */
export function ensurePushSettings(db: Db, secretsKey: Buffer, onlyDeploymentId?: string): number {
  const missing = db
    .select({ id: deployments.id, orgId: deployments.orgId })
    .from(deployments)
    .leftJoin(pushSettings, eq(pushSettings.deploymentId, deployments.id))
    .where(
      and(
        isNull(pushSettings.id),
        onlyDeploymentId ? eq(deployments.id, onlyDeploymentId) : undefined,
      ),
    )
    .all();
  for (const deployment of missing) insertDefaults(db, secretsKey, deployment.orgId, deployment.id);
  return missing.length;
}

function insertDefaults(db: Db, secretsKey: Buffer, orgId: string, deploymentId: string) {
  const keys = webPush.generateVAPIDKeys();
  db.insert(pushSettings)
    .values({
      orgId,
      deploymentId,
      vapidPublicKey: keys.publicKey,
      vapidPrivateKeySealed: sealSecret(
        secretsKey,
        keys.privateKey,
        boundTo(deploymentId, 'vapidPrivateKey'),
      ),
      updatedAt: new Date(),
    })
    // Two processes starting at once: the second one's keys are simply not kept.
    .onConflictDoNothing({ target: pushSettings.deploymentId })
    .run();
}

/** The deployment's row, set up on first use for a deployment made before push existed. */
function settingsRow(db: Db, secretsKey: Buffer, orgId: string, deploymentId: string) {
  const read = () =>
    db
      .select()
      .from(pushSettings)
      .where(and(eq(pushSettings.deploymentId, deploymentId), eq(pushSettings.orgId, orgId)))
      .get();
  const row = read();
  if (row) return row;
  insertDefaults(db, secretsKey, orgId, deploymentId);
  const created = read();
  if (!created) throw new Error(`Push settings for deployment ${deploymentId} were not created.`);
  return created;
}

export function getPushSettings(
  db: Db,
  secretsKey: Buffer,
  orgId: string,
  deploymentId: string,
  publicUrl = getEnv().publicUrl,
): PushSettingsView {
  getDeployment(db, orgId, deploymentId);
  const row = settingsRow(db, secretsKey, orgId, deploymentId);
  const updatedBy = row.updatedBy
    ? db
        .select({ name: staffUsers.name })
        .from(staffUsers)
        .where(eq(staffUsers.id, row.updatedBy))
        .get()
    : undefined;
  return {
    deploymentId,
    enabled: row.enabled,
    showText: row.showText,
    title: row.title,
    quietHours: row.quietHours,
    vapidSubject: row.vapidSubject,
    defaultVapidSubject: defaultVapidSubject(db, orgId, publicUrl),
    vapidPublicKey: row.vapidPublicKey,
    apns:
      row.apnsKeySealed && row.apnsTeamId && row.apnsKeyId
        ? {
            teamId: row.apnsTeamId,
            keyId: row.apnsKeyId,
            ...lastStamp(db, orgId, deploymentId, AUDIT.apnsSet, row),
          }
        : null,
    fcm:
      row.fcmKeySealed && row.fcmProjectId && row.fcmClientEmail
        ? {
            projectId: row.fcmProjectId,
            clientEmail: row.fcmClientEmail,
            ...lastStamp(db, orgId, deploymentId, AUDIT.fcmSet, row),
          }
        : null,
    updatedAt: row.updatedAt,
    updatedByName: updatedBy?.name ?? null,
  };
}

function lastStamp(
  db: Db,
  orgId: string,
  deploymentId: string,
  action: string,
  row: PushSettingsRow,
): CredentialStamp {
  const entry = db
    .select({ setAt: auditLog.createdAt, setByName: staffUsers.name })
    .from(auditLog)
    .leftJoin(staffUsers, eq(staffUsers.id, auditLog.actorUserId))
    .where(
      and(
        eq(auditLog.orgId, orgId),
        eq(auditLog.targetId, deploymentId),
        eq(auditLog.action, action),
      ),
    )
    .orderBy(desc(auditLog.id))
    .get();
  return entry ?? { setAt: row.updatedAt, setByName: null };
}

export function updatePushSettings(
  db: Db,
  secretsKey: Buffer,
  actor: StaffUser,
  input: z.infer<typeof updatePushSettingsInput>,
): PushSettingsView {
  const { deploymentId, ...changes } = input;
  return saveAudited(db, secretsKey, actor, deploymentId, AUDIT.settings, {
    set: { ...changes, title: changes.title || null },
    details: { ...changes },
  });
}

export function setApnsCredentials(
  db: Db,
  secretsKey: Buffer,
  actor: StaffUser,
  input: z.infer<typeof setApnsCredentialsInput>,
): PushSettingsView {
  const pem = checkApnsKey(input.privateKeyPem);
  return saveAudited(db, secretsKey, actor, input.deploymentId, AUDIT.apnsSet, {
    set: {
      apnsTeamId: input.teamId,
      apnsKeyId: input.keyId,
      apnsKeySealed: sealSecret(secretsKey, pem, boundTo(input.deploymentId, 'apnsKey')),
    },
    details: { teamId: input.teamId, keyId: input.keyId },
  });
}

export function setFcmCredentials(
  db: Db,
  secretsKey: Buffer,
  actor: StaffUser,
  input: z.infer<typeof setFcmCredentialsInput>,
): PushSettingsView {
  const account = checkFcmServiceAccount(input.serviceAccountJson);
  return saveAudited(db, secretsKey, actor, input.deploymentId, AUDIT.fcmSet, {
    set: {
      fcmProjectId: account.projectId,
      fcmClientEmail: account.clientEmail,
      fcmKeySealed: sealSecret(
        secretsKey,
        account.privateKeyPem,
        boundTo(input.deploymentId, 'fcmKey'),
      ),
    },
    details: { projectId: account.projectId, clientEmail: account.clientEmail },
  });
}

export function clearApnsCredentials(
  db: Db,
  secretsKey: Buffer,
  actor: StaffUser,
  deploymentId: string,
): PushSettingsView {
  return saveAudited(db, secretsKey, actor, deploymentId, AUDIT.apnsCleared, {
    set: { apnsTeamId: null, apnsKeyId: null, apnsKeySealed: null },
  });
}

export function clearFcmCredentials(
  db: Db,
  secretsKey: Buffer,
  actor: StaffUser,
  deploymentId: string,
): PushSettingsView {
  return saveAudited(db, secretsKey, actor, deploymentId, AUDIT.fcmCleared, {
    set: { fcmProjectId: null, fcmClientEmail: null, fcmKeySealed: null },
  });
}

/** One change and its audit entry, committed together. */
function saveAudited(
  db: Db,
  secretsKey: Buffer,
  actor: StaffUser,
  deploymentId: string,
  action: string,
  change: { set: Partial<PushSettingsRow>; details?: Record<string, unknown> },
): PushSettingsView {
  getDeployment(db, actor.orgId, deploymentId);
  const row = settingsRow(db, secretsKey, actor.orgId, deploymentId);
  db.transaction(() => {
    db.update(pushSettings)
      .set({ ...change.set, updatedAt: new Date(), updatedBy: actor.id })
      .where(eq(pushSettings.id, row.id))
      .run();
    recordAudit(db, {
      orgId: actor.orgId,
      actorUserId: actor.id,
      action,
      targetType: 'deployment',
      targetId: deploymentId,
      details: change.details,
    });
  });
  return getPushSettings(db, secretsKey, actor.orgId, deploymentId);
}

/**
 * Who push services may write to about this installation when an admin named nobody: its own
 * https address, or else (they refuse plain http) the org's first admin by email.
 */
function defaultVapidSubject(db: Db, orgId: string, publicUrl: string): string {
  if (publicUrl.startsWith('https:')) return publicUrl;
  const admin = db
    .select({ email: staffUsers.email })
    .from(staffUsers)
    .where(and(eq(staffUsers.orgId, orgId), eq(staffUsers.role, 'admin')))
    .orderBy(asc(staffUsers.createdAt))
    .limit(1)
    .get();
  return admin ? `mailto:${admin.email}` : publicUrl;
}

/**
 * Everything the push worker needs to send for one deployment, private keys opened. APNs and
 * FCM are absent until an admin sets them. Throws when the server's secret changed since the
 * keys were sealed, naming what to do.
 */
export function loadPushCredentials(
  db: Db,
  secretsKey: Buffer,
  deploymentId: string,
  publicUrl = getEnv().publicUrl,
): DeploymentPush {
  const deployment = db
    .select({ orgId: deployments.orgId })
    .from(deployments)
    .where(eq(deployments.id, deploymentId))
    .get();
  if (!deployment) throw new DomainError('NOT_FOUND', 'No such deployment.');
  const row = settingsRow(db, secretsKey, deployment.orgId, deploymentId);
  const open = (sealed: string, field: SealedField) => {
    try {
      return openSecret(secretsKey, sealed, boundTo(deploymentId, field));
    } catch (error) {
      if (!(error instanceof SecretDecryptionError)) throw error;
      throw new Error(
        `The push key ${field} of deployment ${deploymentId} cannot be decrypted: the server's ` +
          'session secret (NEXTAUTH_SECRET) changed since it was set. Set it again in Admin → Deployments → Push.',
      );
    }
  };
  const credentials: DeploymentPush = {
    settings: {
      enabled: row.enabled,
      showText: row.showText,
      title: row.title,
      quietHours: row.quietHours,
    },
    vapid: {
      subject: row.vapidSubject ?? defaultVapidSubject(db, deployment.orgId, publicUrl),
      publicKey: row.vapidPublicKey,
      privateKey: open(row.vapidPrivateKeySealed, 'vapidPrivateKey'),
    },
  };
  if (row.apnsKeySealed && row.apnsTeamId && row.apnsKeyId) {
    credentials.apns = {
      teamId: row.apnsTeamId,
      keyId: row.apnsKeyId,
      privateKeyPem: open(row.apnsKeySealed, 'apnsKey'),
    };
  }
  if (row.fcmKeySealed && row.fcmProjectId && row.fcmClientEmail) {
    credentials.fcm = {
      projectId: row.fcmProjectId,
      clientEmail: row.fcmClientEmail,
      privateKeyPem: open(row.fcmKeySealed, 'fcmKey'),
    };
  }
  return credentials;
}

/**
 * What the web widget may know: whether to offer notifications, and the key to subscribe with.
 * Null for an unknown deployment. A deployment not yet set up (they are at start and on
 * creation) offers none rather than making keys on a customer's request.
 */
export function publicPushConfig(db: Db, deploymentPublicId: string): WebPushConfig | null {
  const row = db
    .select({ id: deployments.id, enabled: pushSettings.enabled, key: pushSettings.vapidPublicKey })
    .from(deployments)
    .leftJoin(pushSettings, eq(pushSettings.deploymentId, deployments.id))
    .where(eq(deployments.publicId, deploymentPublicId))
    .get();
  if (!row) return null;
  return { enabled: Boolean(row.enabled && row.key), vapidPublicKey: row.key ?? '' };
}
