import { and, asc, eq, sql } from 'drizzle-orm';
import type { z } from 'zod';
import { recordAudit } from '../audit/recordAudit';
import type { StaffUser } from '../auth/staffAuth';
import type { Db } from '../db/client';
import { deploymentSecrets, staffUsers } from '../db/schema';
import { DomainError } from '../errors';
import { getDeployment } from './deploymentCatalog';
import type {
  deleteDeploymentSecretInput,
  setDeploymentSecretInput,
} from './deploymentSecretSchemas';
import { openSecret, SecretDecryptionError, sealSecret } from './secretCipher';

/** What staff may see of a secret: never its value, sealed or not. */
export interface SecretSummary {
  name: string;
  createdAt: Date;
  updatedAt: Date;
  /** Null when the staff user who set it has since been deleted. */
  updatedByName: string | null;
}

/** The authenticated context of a sealed value: it decrypts only on its own deployment and name. */
const boundTo = (deploymentId: string, name: string) => `${deploymentId}\0${name}`;

export function listDeploymentSecrets(
  db: Db,
  orgId: string,
  deploymentId: string,
): SecretSummary[] {
  getDeployment(db, orgId, deploymentId);
  return db
    .select({
      name: deploymentSecrets.name,
      createdAt: deploymentSecrets.createdAt,
      updatedAt: deploymentSecrets.updatedAt,
      updatedByName: staffUsers.name,
    })
    .from(deploymentSecrets)
    .leftJoin(staffUsers, eq(staffUsers.id, deploymentSecrets.updatedBy))
    .where(
      and(eq(deploymentSecrets.deploymentId, deploymentId), eq(deploymentSecrets.orgId, orgId)),
    )
    .orderBy(asc(deploymentSecrets.name))
    .all();
}

/** Creates the secret, or replaces its value when the name is already set. */
export function setDeploymentSecret(
  db: Db,
  key: Buffer,
  actor: StaffUser,
  input: z.infer<typeof setDeploymentSecretInput>,
): SecretSummary {
  getDeployment(db, actor.orgId, input.id);
  const now = new Date();
  const sealedValue = sealSecret(key, input.value, boundTo(input.id, input.name));
  return db.transaction((tx) => {
    const existing = tx
      .select({ id: deploymentSecrets.id })
      .from(deploymentSecrets)
      .where(secretWhere(actor.orgId, input.id, input.name))
      .get();
    const saved = tx
      .insert(deploymentSecrets)
      .values({
        orgId: actor.orgId,
        deploymentId: input.id,
        name: input.name,
        sealedValue,
        createdAt: now,
        updatedAt: now,
        updatedBy: actor.id,
      })
      .onConflictDoUpdate({
        target: [deploymentSecrets.deploymentId, deploymentSecrets.name],
        set: { sealedValue, updatedAt: now, updatedBy: actor.id },
      })
      .returning({
        name: deploymentSecrets.name,
        createdAt: deploymentSecrets.createdAt,
        updatedAt: deploymentSecrets.updatedAt,
      })
      .get();
    // One connection: the audit entry commits or rolls back with the change.
    recordAudit(db, {
      orgId: actor.orgId,
      actorUserId: actor.id,
      action: existing ? 'deployment.secret_replaced' : 'deployment.secret_created',
      targetType: 'deployment',
      targetId: input.id,
      details: { name: input.name },
    });
    return { ...saved, updatedByName: actor.name };
  });
}

export function deleteDeploymentSecret(
  db: Db,
  actor: StaffUser,
  input: z.infer<typeof deleteDeploymentSecretInput>,
): void {
  getDeployment(db, actor.orgId, input.id);
  db.transaction((tx) => {
    const deleted = tx
      .delete(deploymentSecrets)
      .where(secretWhere(actor.orgId, input.id, input.name))
      .returning({ id: deploymentSecrets.id })
      .all();
    if (deleted.length === 0) {
      throw new DomainError(
        'NOT_FOUND',
        `This deployment has no secret named ${input.name}; it may have been deleted already.`,
      );
    }
    recordAudit(db, {
      orgId: actor.orgId,
      actorUserId: actor.id,
      action: 'deployment.secret_deleted',
      targetType: 'deployment',
      targetId: input.id,
      details: { name: input.name },
    });
  });
}

function secretWhere(orgId: string, deploymentId: string, name: string) {
  return and(
    eq(deploymentSecrets.orgId, orgId),
    eq(deploymentSecrets.deploymentId, deploymentId),
    eq(deploymentSecrets.name, name),
  );
}

export type SecretLookup = (deploymentId: string, name: string) => string | undefined;

/**
 * The bot runtime's view of secrets: the current value, or undefined when the name is not set.
 * It reads the row on every call (one indexed select and a decryption) rather than caching, so
 * a value replaced on the admin page is used by the very next action.
 */
export function createSecretLookup(db: Db, key: Buffer): SecretLookup {
  const sealedValue = db
    .select({ sealedValue: deploymentSecrets.sealedValue })
    .from(deploymentSecrets)
    .where(
      and(
        eq(deploymentSecrets.deploymentId, sql.placeholder('deploymentId')),
        eq(deploymentSecrets.name, sql.placeholder('name')),
      ),
    )
    .prepare();
  return (deploymentId, name) => {
    const row = sealedValue.get({ deploymentId, name });
    if (!row) return undefined;
    try {
      return openSecret(key, row.sealedValue, boundTo(deploymentId, name));
    } catch (error) {
      if (!(error instanceof SecretDecryptionError)) throw error;
      throw new Error(
        `The secret ${name} cannot be decrypted: the server's session secret (NEXTAUTH_SECRET) ` +
          'changed since it was set. Set the secret again on the deployment page.',
      );
    }
  };
}
