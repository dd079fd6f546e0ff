import { eq } from 'drizzle-orm';
import { describe, expect, it } from 'vitest';
import type { StaffUser } from '../auth/staffAuth';
import type { Db } from '../db/client';
import { auditLog, deploymentSecrets, deployments } from '../db/schema';
import { DomainError } from '../errors';
import { createOrg, createStaff } from '../testing/fixtures';
import { useTestDb } from '../testing/testDb';
import { createDeployment } from './deploymentCatalog';
import {
  createSecretLookup,
  deleteDeploymentSecret,
  listDeploymentSecrets,
  setDeploymentSecret,
} from './deploymentSecrets';
import { deriveSecretsKey } from './secretCipher';

const key = deriveSecretsKey('session-secret-0123456789abcdef0123456789');
const VALUE = 'sk_live_first-value-4f9a';
const NEW_VALUE = 'sk_live_second-value-77c1';

async function orgWithDeployment(db: Db, slug: string) {
  const org = createOrg(db, slug);
  const admin = await createStaff(db, org.id, 'admin');
  const { deployment } = createDeployment(db, admin, { name: `${slug} app`, channel: 'in_app' });
  return { admin, deployment };
}

function refusal(call: () => unknown): DomainError {
  try {
    call();
  } catch (error) {
    expect(error).toBeInstanceOf(DomainError);
    return error as DomainError;
  }
  throw new Error('expected the call to be refused');
}

function set(db: Db, admin: StaffUser, id: string, name: string, value: string) {
  return setDeploymentSecret(db, key, admin, { id, name, value });
}

describe('deployment secrets', () => {
  const openDb = useTestDb();

  it('lists names with who set them and when, never the value', async () => {
    const db = openDb();
    const { admin, deployment } = await orgWithDeployment(db, 'acme');
    set(db, admin, deployment.id, 'ORDERS_TOKEN', VALUE);
    set(db, admin, deployment.id, 'CRM_KEY', NEW_VALUE);

    const listed = listDeploymentSecrets(db, admin.orgId, deployment.id);
    expect(listed.map((secret) => secret.name)).toEqual(['CRM_KEY', 'ORDERS_TOKEN']);
    expect(listed[0]).toEqual({
      name: 'CRM_KEY',
      createdAt: expect.any(Date),
      updatedAt: expect.any(Date),
      updatedByName: admin.name,
    });
    expect(JSON.stringify(listed)).not.toContain(VALUE);
    expect(JSON.stringify(listed)).not.toContain(NEW_VALUE);
  });

  it('stores the value encrypted, and the runtime lookup decrypts it', async () => {
    const db = openDb();
    const { admin, deployment } = await orgWithDeployment(db, 'acme');
    set(db, admin, deployment.id, 'ORDERS_TOKEN', VALUE);

    const row = db.select().from(deploymentSecrets).get();
    expect(row?.sealedValue).toBeDefined();
    expect(JSON.stringify(row)).not.toContain(VALUE);
    const lookup = createSecretLookup(db, key);
    expect(lookup(deployment.id, 'ORDERS_TOKEN')).toBe(VALUE);
    expect(lookup(deployment.id, 'orders_token')).toBeUndefined();
    expect(lookup(deployment.id, 'MISSING')).toBeUndefined();
  });

  it('replaces the value when the name is set again, keeping one row', async () => {
    const db = openDb();
    const { admin, deployment } = await orgWithDeployment(db, 'acme');
    const lookup = createSecretLookup(db, key);
    const first = set(db, admin, deployment.id, 'ORDERS_TOKEN', VALUE);
    expect(lookup(deployment.id, 'ORDERS_TOKEN')).toBe(VALUE);
    const colleague = await createStaff(db, admin.orgId, 'admin', 'colleague@test.example');

    const second = set(db, colleague, deployment.id, 'ORDERS_TOKEN', NEW_VALUE);

    expect(lookup(deployment.id, 'ORDERS_TOKEN')).toBe(NEW_VALUE);
    const listed = listDeploymentSecrets(db, admin.orgId, deployment.id);
    expect(listed).toHaveLength(1);
    expect(listed).toEqual([second]);
    expect(second.createdAt).toEqual(first.createdAt);
    expect(second.updatedByName).toBe(colleague.name);
  });

  it('deletes a secret, and refuses to delete a name that is not set', async () => {
    const db = openDb();
    const { admin, deployment } = await orgWithDeployment(db, 'acme');
    set(db, admin, deployment.id, 'ORDERS_TOKEN', VALUE);

    deleteDeploymentSecret(db, admin, { id: deployment.id, name: 'ORDERS_TOKEN' });

    expect(listDeploymentSecrets(db, admin.orgId, deployment.id)).toEqual([]);
    expect(createSecretLookup(db, key)(deployment.id, 'ORDERS_TOKEN')).toBeUndefined();
    const error = refusal(() =>
      deleteDeploymentSecret(db, admin, { id: deployment.id, name: 'ORDERS_TOKEN' }),
    );
    expect(error.code).toBe('NOT_FOUND');
    expect(error.message).toContain('ORDERS_TOKEN');
  });

  it('audits every change by name, never with the value', async () => {
    const db = openDb();
    const { admin, deployment } = await orgWithDeployment(db, 'acme');
    set(db, admin, deployment.id, 'ORDERS_TOKEN', VALUE);
    set(db, admin, deployment.id, 'ORDERS_TOKEN', NEW_VALUE);
    deleteDeploymentSecret(db, admin, { id: deployment.id, name: 'ORDERS_TOKEN' });

    const entries = db
      .select()
      .from(auditLog)
      .where(eq(auditLog.targetId, deployment.id))
      .all()
      .filter((entry) => entry.action.startsWith('deployment.secret_'));
    expect(entries.map(({ action, details }) => ({ action, details }))).toEqual([
      { action: 'deployment.secret_created', details: { name: 'ORDERS_TOKEN' } },
      { action: 'deployment.secret_replaced', details: { name: 'ORDERS_TOKEN' } },
      { action: 'deployment.secret_deleted', details: { name: 'ORDERS_TOKEN' } },
    ]);
    const everything = JSON.stringify(db.select().from(auditLog).all());
    expect(everything).not.toContain(VALUE);
    expect(everything).not.toContain(NEW_VALUE);
  });

  it('keeps each org to its own deployments: another org’s answers NOT_FOUND', async () => {
    const db = openDb();
    const a = await orgWithDeployment(db, 'org-a');
    const b = await orgWithDeployment(db, 'org-b');
    set(db, a.admin, a.deployment.id, 'ORDERS_TOKEN', VALUE);

    const attempts = [
      () => listDeploymentSecrets(db, b.admin.orgId, a.deployment.id),
      () => set(db, b.admin, a.deployment.id, 'ORDERS_TOKEN', NEW_VALUE),
      () => set(db, b.admin, a.deployment.id, 'PLANTED', NEW_VALUE),
      () => deleteDeploymentSecret(db, b.admin, { id: a.deployment.id, name: 'ORDERS_TOKEN' }),
    ];
    for (const attempt of attempts) expect(refusal(attempt).code).toBe('NOT_FOUND');

    expect(listDeploymentSecrets(db, a.admin.orgId, a.deployment.id)).toMatchObject([
      { name: 'ORDERS_TOKEN', updatedByName: a.admin.name },
    ]);
    expect(createSecretLookup(db, key)(a.deployment.id, 'ORDERS_TOKEN')).toBe(VALUE);
  });

  it('keeps secrets per deployment: the same name holds separate values', async () => {
    const db = openDb();
    const { admin, deployment } = await orgWithDeployment(db, 'acme');
    const { deployment: other } = createDeployment(db, admin, { name: 'Web', channel: 'web' });
    set(db, admin, deployment.id, 'ORDERS_TOKEN', VALUE);
    set(db, admin, other.id, 'ORDERS_TOKEN', NEW_VALUE);

    const lookup = createSecretLookup(db, key);
    expect(lookup(deployment.id, 'ORDERS_TOKEN')).toBe(VALUE);
    expect(lookup(other.id, 'ORDERS_TOKEN')).toBe(NEW_VALUE);
  });

  it('goes with its deployment when the deployment is deleted', async () => {
    const db = openDb();
    const { admin, deployment } = await orgWithDeployment(db, 'acme');
    set(db, admin, deployment.id, 'ORDERS_TOKEN', VALUE);
    db.delete(deployments).where(eq(deployments.id, deployment.id)).run();
    expect(db.select().from(deploymentSecrets).all()).toEqual([]);
  });

  it('tells the operator what to do when the server key changed since a value was set', async () => {
    const db = openDb();
    const { admin, deployment } = await orgWithDeployment(db, 'acme');
    set(db, admin, deployment.id, 'ORDERS_TOKEN', VALUE);
    const otherKey = deriveSecretsKey('a-different-session-secret-0123456789abc');
    expect(() => createSecretLookup(db, otherKey)(deployment.id, 'ORDERS_TOKEN')).toThrow(
      /ORDERS_TOKEN cannot be decrypted.*Set the secret again/,
    );
  });
});
