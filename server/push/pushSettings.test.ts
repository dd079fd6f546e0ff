import { createECDH, generateKeyPairSync } from 'node:crypto';
import { eq } from 'drizzle-orm';
import { describe, expect, it } from 'vitest';
import type { Db } from '../db/client';
import { auditLog, pushSettings } from '../db/schema';
import { createDeployment } from '../deployments/deploymentCatalog';
import { deriveSecretsKey } from '../deployments/secretCipher';
import { DomainError } from '../errors';
import { createOrg, createStaff } from '../testing/fixtures';
import { useTestDb } from '../testing/testDb';
import {
  clearApnsCredentials,
  clearFcmCredentials,
  ensurePushSettings,
  getPushSettings,
  loadPushCredentials,
  setApnsCredentials,
  setFcmCredentials,
  updatePushSettings,
} from './pushSettings';

const key = deriveSecretsKey('session-secret-0123456789abcdef0123456789');
const PUBLIC_URL = 'https://chat.example.com';

const privateKeyEncoding = { type: 'pkcs8', format: 'pem' } as const;
const publicKeyEncoding = { type: 'spki', format: 'pem' } as const;

const P256_KEY = generateKeyPairSync('ec', {
  namedCurve: 'prime256v1',
  privateKeyEncoding,
  publicKeyEncoding,
}).privateKey;
const P384_KEY = generateKeyPairSync('ec', {
  namedCurve: 'secp384r1',
  privateKeyEncoding,
  publicKeyEncoding,
}).privateKey;
const RSA_KEY = generateKeyPairSync('rsa', {
  modulusLength: 2048,
  privateKeyEncoding,
  publicKeyEncoding,
}).privateKey;

const serviceAccount = (fields: Record<string, unknown>) =>
  JSON.stringify({
    type: 'service_account',
    project_id: 'acme-app',
    client_email: 'push@acme-app.iam.gserviceaccount.com',
    private_key: RSA_KEY,
    ...fields,
  });

async function orgWithDeployment(db: Db, slug: string) {
  const org = createOrg(db, slug);
  const admin = await createStaff(db, org.id, 'admin');
  const { deployment } = createDeployment(db, admin, { name: `${slug} app`, channel: 'web' });
  ensurePushSettings(db, key);
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

describe('push settings', () => {
  const openDb = useTestDb();

  it('gives every deployment its own working VAPID key pair once, the private key sealed', async () => {
    const db = openDb();
    const { deployment } = await orgWithDeployment(db, 'acme');
    const { deployment: second } = await orgWithDeployment(db, 'globex');
    expect(ensurePushSettings(db, key)).toBe(0);

    const rows = db.select().from(pushSettings).all();
    expect(rows).toHaveLength(2);
    const first = loadPushCredentials(db, key, deployment.id, PUBLIC_URL);
    const other = loadPushCredentials(db, key, second.id, PUBLIC_URL);
    expect(first.vapid.publicKey).not.toBe(other.vapid.publicKey);
    // The private key is the public key's partner: a browser subscribed with one verifies the other.
    const ecdh = createECDH('prime256v1');
    ecdh.setPrivateKey(Buffer.from(first.vapid.privateKey, 'base64url'));
    expect(ecdh.getPublicKey().toString('base64url')).toBe(first.vapid.publicKey);
    expect(JSON.stringify(rows)).not.toContain(first.vapid.privateKey);
    expect(first.settings).toEqual({
      enabled: true,
      showText: true,
      title: null,
      quietHours: null,
    });
    expect(first.vapid.subject).toBe(PUBLIC_URL);
    expect(first.apns).toBeUndefined();
    expect(first.fcm).toBeUndefined();
  });

  it('keeps a sealed key to its own deployment: copied onto another it does not open', async () => {
    const db = openDb();
    const { deployment } = await orgWithDeployment(db, 'acme');
    const { deployment: other } = await orgWithDeployment(db, 'globex');
    const sealed = db
      .select({ value: pushSettings.vapidPrivateKeySealed })
      .from(pushSettings)
      .where(eq(pushSettings.deploymentId, deployment.id))
      .get();
    db.update(pushSettings)
      .set({ vapidPrivateKeySealed: sealed?.value })
      .where(eq(pushSettings.deploymentId, other.id))
      .run();
    expect(() => loadPushCredentials(db, key, other.id, PUBLIC_URL)).toThrow(/cannot be decrypted/);
  });

  it('saves notification settings with an audit entry and hands them to the worker', async () => {
    const db = openDb();
    const { admin, deployment } = await orgWithDeployment(db, 'acme');
    const view = updatePushSettings(db, key, admin, {
      deploymentId: deployment.id,
      enabled: false,
      showText: false,
      title: 'Acme support',
      quietHours: { start: '22:00', end: '07:30' },
      vapidSubject: 'mailto:ops@acme.test',
    });
    expect(view).toMatchObject({
      enabled: false,
      showText: false,
      title: 'Acme support',
      quietHours: { start: '22:00', end: '07:30' },
      vapidSubject: 'mailto:ops@acme.test',
      updatedByName: admin.name,
    });
    const loaded = loadPushCredentials(db, key, deployment.id, PUBLIC_URL);
    expect(loaded.settings).toEqual({
      enabled: false,
      showText: false,
      title: 'Acme support',
      quietHours: { start: '22:00', end: '07:30' },
    });
    expect(loaded.vapid.subject).toBe('mailto:ops@acme.test');
    const audit = db
      .select()
      .from(auditLog)
      .where(eq(auditLog.action, 'push.settings_updated'))
      .get();
    expect(audit).toMatchObject({ actorUserId: admin.id, targetId: deployment.id });
  });

  it('stores an APNs key write-only: the view says who set it and when, never the key', async () => {
    const db = openDb();
    const { admin, deployment } = await orgWithDeployment(db, 'acme');
    const view = setApnsCredentials(db, key, admin, {
      deploymentId: deployment.id,
      teamId: 'ABCDE12345',
      keyId: 'KEY1234567',
      privateKeyPem: P256_KEY,
    });
    expect(view.apns).toEqual({
      teamId: 'ABCDE12345',
      keyId: 'KEY1234567',
      setAt: expect.any(Date),
      setByName: admin.name,
    });
    const body = P256_KEY.split('\n')[1] ?? '';
    expect(JSON.stringify(view)).not.toContain(body);
    expect(JSON.stringify(db.select().from(pushSettings).all())).not.toContain(body);
    expect(JSON.stringify(db.select().from(auditLog).all())).not.toContain(body);

    const apns = loadPushCredentials(db, key, deployment.id, PUBLIC_URL).apns;
    expect(apns).toMatchObject({ teamId: 'ABCDE12345', keyId: 'KEY1234567' });
    expect(apns?.privateKeyPem.replace(/\s/g, '')).toBe(P256_KEY.replace(/\s/g, ''));

    const cleared = clearApnsCredentials(db, key, admin, deployment.id);
    expect(cleared.apns).toBeNull();
    expect(loadPushCredentials(db, key, deployment.id, PUBLIC_URL).apns).toBeUndefined();
    const actions = db
      .select({ action: auditLog.action })
      .from(auditLog)
      .all()
      .map((row) => row.action);
    expect(actions).toContain('push.apns_credentials_set');
    expect(actions).toContain('push.apns_credentials_cleared');
  });

  it('refuses an APNs key that is not the EC P-256 key Apple issues, keeping nothing', async () => {
    const db = openDb();
    const { admin, deployment } = await orgWithDeployment(db, 'acme');
    const set = (privateKeyPem: string) => () =>
      setApnsCredentials(db, key, admin, {
        deploymentId: deployment.id,
        teamId: 'ABCDE12345',
        keyId: 'KEY1234567',
        privateKeyPem,
      });
    expect(refusal(set(P384_KEY)).message).toMatch(/EC P-256/);
    expect(refusal(set(RSA_KEY)).code).toBe('INVALID_PUSH_CREDENTIALS');
    expect(refusal(set('not a key at all')).message).toMatch(/whole \.p8 file/);
    expect(getPushSettings(db, key, admin.orgId, deployment.id, PUBLIC_URL).apns).toBeNull();
  });

  it('reads project and account from an FCM service-account file and checks its RSA key', async () => {
    const db = openDb();
    const { admin, deployment } = await orgWithDeployment(db, 'acme');
    const set = (serviceAccountJson: string) => () =>
      setFcmCredentials(db, key, admin, { deploymentId: deployment.id, serviceAccountJson });
    expect(refusal(set('{"project_id": ')).message).toMatch(/not JSON/);
    expect(refusal(set(serviceAccount({ client_email: '', private_key: 7 }))).message).toMatch(
      /no client_email, private_key/,
    );
    expect(refusal(set(serviceAccount({ private_key: P256_KEY }))).message).toMatch(/RSA/);

    const view = set(serviceAccount({}))();
    expect(view.fcm).toMatchObject({
      projectId: 'acme-app',
      clientEmail: 'push@acme-app.iam.gserviceaccount.com',
      setByName: admin.name,
    });
    expect(JSON.stringify(view)).not.toContain(RSA_KEY.split('\n')[1]);
    expect(loadPushCredentials(db, key, deployment.id, PUBLIC_URL).fcm).toMatchObject({
      projectId: 'acme-app',
      clientEmail: 'push@acme-app.iam.gserviceaccount.com',
      privateKeyPem: expect.stringContaining('BEGIN PRIVATE KEY'),
    });
    expect(clearFcmCredentials(db, key, admin, deployment.id).fcm).toBeNull();
  });

  it("answers another org's deployment as missing and changes nothing of it", async () => {
    const db = openDb();
    const { deployment } = await orgWithDeployment(db, 'acme');
    const { admin: intruder } = await orgWithDeployment(db, 'globex');
    const before = db
      .select()
      .from(pushSettings)
      .where(eq(pushSettings.deploymentId, deployment.id))
      .get();
    expect(refusal(() => getPushSettings(db, key, intruder.orgId, deployment.id)).code).toBe(
      'NOT_FOUND',
    );
    expect(refusal(() => clearApnsCredentials(db, key, intruder, deployment.id)).code).toBe(
      'NOT_FOUND',
    );
    const after = db
      .select()
      .from(pushSettings)
      .where(eq(pushSettings.deploymentId, deployment.id))
      .get();
    expect(after).toEqual(before);
  });

  it('sets up a deployment made before push existed the first time it is read', async () => {
    const db = openDb();
    const { admin, deployment } = await orgWithDeployment(db, 'acme');
    db.delete(pushSettings).run();
    const view = getPushSettings(db, key, admin.orgId, deployment.id, PUBLIC_URL);
    expect(view.vapidPublicKey).toMatch(/^[A-Za-z0-9_-]{87}$/);
    expect(db.select().from(pushSettings).all()).toHaveLength(1);
  });
});
