import { randomBytes } from 'node:crypto';
import { and, asc, count, eq, or, sql } from 'drizzle-orm';
import type { SelectedFields } from 'drizzle-orm/sqlite-core';
import { importSPKI } from 'jose';
import type { z } from 'zod';
import { recordAudit } from '../audit/recordAudit';
import type { StaffUser } from '../auth/staffAuth';
import type { Db } from '../db/client';
import { type DeploymentSettings, deployments } from '../db/schema';
import { DomainError } from '../errors';
import { likePattern, type Page, type PageInput } from '../pagination';
import { slugify } from '../slugify';
import { generateApiKey } from './apiKey';
import type {
  createDeploymentInput,
  updateAllowedOriginsInput,
  updateIdentityInput,
} from './deploymentSchemas';

export const DEFAULT_DEPLOYMENT_SETTINGS: DeploymentSettings = {
  inactiveAfterMinutes: 30,
  endAfterMinutes: 24 * 60,
  reopenTo: 'bot',
  outboundAllowList: [],
  actions: {},
  prechatFields: [],
};

/** What staff may see of a deployment: never the key hash or the identity secret. */
const viewColumns = {
  id: deployments.id,
  publicId: deployments.publicId,
  name: deployments.name,
  channel: deployments.channel,
  apiKeyPrefix: deployments.apiKeyPrefix,
  apiKeyRotatedAt: deployments.apiKeyRotatedAt,
  identityMode: deployments.identityMode,
  identityAlgorithm: deployments.identityAlgorithm,
  identityAudience: deployments.identityAudience,
  hasIdentitySecret: sql<boolean>`${deployments.identitySecret} is not null`.mapWith(Boolean),
  identityPublicKey: deployments.identityPublicKey,
  allowedOrigins: deployments.allowedOrigins,
  botId: deployments.botId,
  botVersionId: deployments.botVersionId,
  createdAt: deployments.createdAt,
  updatedAt: deployments.updatedAt,
};

export type DeploymentView = Omit<
  typeof deployments.$inferSelect,
  'orgId' | 'apiKeyHash' | 'identitySecret' | 'settings'
> & { hasIdentitySecret: boolean };

export function listDeployments(db: Db, orgId: string, input: PageInput): Page<DeploymentView> {
  const pattern = likePattern(input.search);
  const where = and(
    eq(deployments.orgId, orgId),
    input.search
      ? or(
          sql`${deployments.name} like ${pattern} escape '\\'`,
          sql`${deployments.publicId} like ${pattern} escape '\\'`,
        )
      : undefined,
  );
  const items = db
    .select(viewColumns)
    .from(deployments)
    .where(where)
    .orderBy(asc(deployments.name), asc(deployments.id))
    .limit(input.pageSize)
    .offset((input.page - 1) * input.pageSize)
    .all();
  const total = db.select({ n: count() }).from(deployments).where(where).get()?.n ?? 0;
  return { items, total, page: input.page, pageSize: input.pageSize };
}

/** Another org's deployment answers exactly like a missing one, so ids reveal nothing. */
export function getDeployment(db: Db, orgId: string, id: string): DeploymentView {
  return deploymentInOrg(db, orgId, id, viewColumns);
}

/** The given columns of a deployment in the org; NOT_FOUND for any other deployment. */
export function deploymentInOrg<T extends SelectedFields>(
  db: Db,
  orgId: string,
  id: string,
  columns: T,
) {
  const row = db
    .select(columns)
    .from(deployments)
    .where(and(eq(deployments.id, id), eq(deployments.orgId, orgId)))
    .get();
  if (!row) throw new DomainError('NOT_FOUND', 'No such deployment in your organisation.');
  return row;
}

export function createDeployment(
  db: Db,
  actor: StaffUser,
  input: z.infer<typeof createDeploymentInput>,
) {
  const publicId =
    input.publicId ?? `${slugify(input.name, 40, 'deployment')}-${randomBytes(3).toString('hex')}`;
  const taken = db
    .select({ id: deployments.id })
    .from(deployments)
    .where(eq(deployments.publicId, publicId))
    .get();
  if (taken) {
    throw new DomainError('PUBLIC_ID_TAKEN', `The public id "${publicId}" is already in use.`);
  }
  const apiKey = generateApiKey();
  const now = new Date();
  const { id } = db
    .insert(deployments)
    .values({
      orgId: actor.orgId,
      publicId,
      name: input.name,
      channel: input.channel,
      apiKeyHash: apiKey.hash,
      apiKeyPrefix: apiKey.prefix,
      apiKeyRotatedAt: now,
      settings: DEFAULT_DEPLOYMENT_SETTINGS,
      updatedAt: now,
    })
    .returning({ id: deployments.id })
    .get();
  recordAudit(db, {
    orgId: actor.orgId,
    actorUserId: actor.id,
    action: 'deployment.created',
    targetType: 'deployment',
    targetId: id,
    details: { publicId, channel: input.channel },
  });
  return { deployment: getDeployment(db, actor.orgId, id), apiKey: apiKey.key };
}

export function rotateDeploymentApiKey(db: Db, actor: StaffUser, id: string) {
  getDeployment(db, actor.orgId, id);
  const apiKey = generateApiKey();
  const now = new Date();
  db.update(deployments)
    .set({
      apiKeyHash: apiKey.hash,
      apiKeyPrefix: apiKey.prefix,
      apiKeyRotatedAt: now,
      updatedAt: now,
    })
    .where(and(eq(deployments.id, id), eq(deployments.orgId, actor.orgId)))
    .run();
  recordAudit(db, {
    orgId: actor.orgId,
    actorUserId: actor.id,
    action: 'deployment.api_key_rotated',
    targetType: 'deployment',
    targetId: id,
  });
  return { deployment: getDeployment(db, actor.orgId, id), apiKey: apiKey.key };
}

export function updateAllowedOrigins(
  db: Db,
  actor: StaffUser,
  input: z.infer<typeof updateAllowedOriginsInput>,
) {
  getDeployment(db, actor.orgId, input.id);
  const allowedOrigins = [...new Set(input.allowedOrigins.map((o) => o.replace(/\/$/, '')))];
  db.update(deployments)
    .set({ allowedOrigins, updatedAt: new Date() })
    .where(and(eq(deployments.id, input.id), eq(deployments.orgId, actor.orgId)))
    .run();
  recordAudit(db, {
    orgId: actor.orgId,
    actorUserId: actor.id,
    action: 'deployment.origins_changed',
    targetType: 'deployment',
    targetId: input.id,
    details: { allowedOrigins },
  });
  return getDeployment(db, actor.orgId, input.id);
}

/**
 * Sets how customer identity is verified. Returns a generated HS256 secret once, since the
 * app's backend needs it to sign identity tokens.
 */
export async function updateIdentityVerification(
  db: Db,
  actor: StaffUser,
  input: z.infer<typeof updateIdentityInput>,
) {
  const current = db
    .select()
    .from(deployments)
    .where(and(eq(deployments.id, input.id), eq(deployments.orgId, actor.orgId)))
    .get();
  if (!current) throw new DomainError('NOT_FOUND', 'No such deployment in your organisation.');

  const algorithm = input.algorithm ?? current.identityAlgorithm ?? 'HS256';
  let generatedSecret: string | undefined;
  let secret = current.identitySecret;
  let publicKey = current.identityPublicKey;
  if (algorithm === 'HS256') {
    if (input.secret === 'generate') {
      generatedSecret = randomBytes(32).toString('base64url');
      secret = generatedSecret;
    } else if (input.secret) {
      secret = input.secret;
    }
    publicKey = null;
  } else {
    if (input.publicKey !== undefined)
      publicKey = await checkedPublicKey(input.publicKey, algorithm);
    secret = null;
  }
  if (input.mode !== 'none' && !(algorithm === 'HS256' ? secret : publicKey)) {
    throw new DomainError(
      'IDENTITY_KEY_REQUIRED',
      algorithm === 'HS256'
        ? 'Generate or enter a signing secret before turning identity verification on.'
        : 'Paste the public key your backend signs with before turning identity verification on.',
    );
  }
  db.update(deployments)
    .set({
      identityMode: input.mode,
      identityAlgorithm: algorithm,
      identitySecret: secret,
      identityPublicKey: publicKey,
      identityAudience:
        input.audience === undefined ? current.identityAudience : input.audience || null,
      updatedAt: new Date(),
    })
    .where(eq(deployments.id, current.id))
    .run();
  recordAudit(db, {
    orgId: actor.orgId,
    actorUserId: actor.id,
    action: 'deployment.identity_changed',
    targetType: 'deployment',
    targetId: current.id,
    details: { mode: input.mode, algorithm, secretChanged: Boolean(input.secret) },
  });
  return { deployment: getDeployment(db, actor.orgId, current.id), generatedSecret };
}

async function checkedPublicKey(pem: string, algorithm: 'RS256' | 'ES256') {
  try {
    await importSPKI(pem.trim(), algorithm);
    return pem.trim();
  } catch {
    throw new DomainError(
      'INVALID_IDENTITY_KEY',
      `That is not a PEM public key usable with ${algorithm} (expected "-----BEGIN PUBLIC KEY-----").`,
    );
  }
}
