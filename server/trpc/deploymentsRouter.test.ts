import { eq } from 'drizzle-orm';
import { describe, expect, it, vi } from 'vitest';
import type { Db } from '../db/client';
import { deployments } from '../db/schema';
import { createSecretLookup } from '../deployments/deploymentSecrets';
import { deriveSecretsKey } from '../deployments/secretCipher';
import { callerFor, createOrg, createStaff, trpcRejection } from '../testing/fixtures';
import { useTestDb } from '../testing/testDb';

// The router derives its key from the server's session secret, read once from the environment.
const SESSION_SECRET = 'router-test-session-secret-0123456789abcdef';
vi.stubEnv('NEXTAUTH_SECRET', SESSION_SECRET);

const VALUE = 'sk_live_router-value-31d2';

async function orgWithDeployment(db: Db, slug: string) {
  const org = createOrg(db, slug);
  const admin = await createStaff(db, org.id, 'admin');
  const { deployment } = await callerFor(db, admin).deployments.create({
    name: `${slug} app`,
    channel: 'in_app',
    publicId: `${slug}-app`,
  });
  return { org, admin, deployment };
}

describe('deployments router: secrets', () => {
  const openDb = useTestDb();

  it('lets an admin set, list, replace and delete a secret without ever reading it back', async () => {
    const db = openDb();
    const { admin, deployment } = await orgWithDeployment(db, 'acme');
    const api = callerFor(db, admin).deployments;
    const lookup = createSecretLookup(db, deriveSecretsKey(SESSION_SECRET));

    expect(await api.secrets({ id: deployment.id })).toEqual([]);
    const created = await api.setSecret({ id: deployment.id, name: 'ORDERS_TOKEN', value: VALUE });
    expect(created).toMatchObject({ name: 'ORDERS_TOKEN', updatedByName: admin.name });
    expect(JSON.stringify(created)).not.toContain(VALUE);
    const listed = await api.secrets({ id: deployment.id });
    expect(listed.map((secret) => secret.name)).toEqual(['ORDERS_TOKEN']);
    expect(JSON.stringify(listed)).not.toContain(VALUE);
    expect(lookup(deployment.id, 'ORDERS_TOKEN')).toBe(VALUE);

    await api.setSecret({ id: deployment.id, name: 'ORDERS_TOKEN', value: 'replaced' });
    expect(await api.secrets({ id: deployment.id })).toHaveLength(1);
    expect(lookup(deployment.id, 'ORDERS_TOKEN')).toBe('replaced');

    await api.deleteSecret({ id: deployment.id, name: 'ORDERS_TOKEN' });
    expect(await api.secrets({ id: deployment.id })).toEqual([]);
    const missing = await trpcRejection(
      api.deleteSecret({ id: deployment.id, name: 'ORDERS_TOKEN' }),
    );
    expect(missing.code).toBe('NOT_FOUND');
    expect(missing.message).toContain('ORDERS_TOKEN');
  });

  it('refuses every other role, and signed-out callers', async () => {
    const db = openDb();
    const { org, admin, deployment } = await orgWithDeployment(db, 'acme');
    await callerFor(db, admin).deployments.setSecret({
      id: deployment.id,
      name: 'ORDERS_TOKEN',
      value: VALUE,
    });
    for (const role of ['agent', 'supervisor', 'designer', 'qa'] as const) {
      const api = callerFor(db, await createStaff(db, org.id, role)).deployments;
      const calls = [
        api.secrets({ id: deployment.id }),
        api.setSecret({ id: deployment.id, name: 'ORDERS_TOKEN', value: 'mine' }),
        api.deleteSecret({ id: deployment.id, name: 'ORDERS_TOKEN' }),
      ];
      for (const call of calls) expect((await trpcRejection(call)).code).toBe('FORBIDDEN');
    }
    const signedOut = callerFor(db, null).deployments.secrets({ id: deployment.id });
    expect((await trpcRejection(signedOut)).code).toBe('UNAUTHORIZED');
    expect(await callerFor(db, admin).deployments.secrets({ id: deployment.id })).toHaveLength(1);
  });

  it('answers NOT_FOUND for another org’s deployment and changes nothing there', async () => {
    const db = openDb();
    const a = await orgWithDeployment(db, 'org-a');
    const b = await orgWithDeployment(db, 'org-b');
    await callerFor(db, a.admin).deployments.setSecret({
      id: a.deployment.id,
      name: 'ORDERS_TOKEN',
      value: VALUE,
    });
    const asB = callerFor(db, b.admin).deployments;
    const attempts = [
      asB.secrets({ id: a.deployment.id }),
      asB.setSecret({ id: a.deployment.id, name: 'ORDERS_TOKEN', value: 'hijacked' }),
      asB.deleteSecret({ id: a.deployment.id, name: 'ORDERS_TOKEN' }),
    ];
    for (const attempt of attempts) {
      const error = await trpcRejection(attempt);
      expect(error.code).toBe('NOT_FOUND');
      expect(error.message).not.toContain('org-a');
    }
    const lookup = createSecretLookup(db, deriveSecretsKey(SESSION_SECRET));
    expect(lookup(a.deployment.id, 'ORDERS_TOKEN')).toBe(VALUE);
  });

  it('validates names and values with messages per field', async () => {
    const db = openDb();
    const { admin, deployment } = await orgWithDeployment(db, 'acme');
    const api = callerFor(db, admin).deployments;
    const invalid = [
      { name: 'orders-token', value: VALUE },
      { name: '1TOKEN', value: VALUE },
      { name: 'T'.repeat(65), value: VALUE },
      { name: 'ORDERS_TOKEN', value: '' },
      { name: 'ORDERS_TOKEN', value: 'x'.repeat(4097) },
      { name: 'ORDERS_TOKEN', value: 'line\r\nX-Injected: 1' },
    ];
    for (const input of invalid) {
      const error = await trpcRejection(api.setSecret({ id: deployment.id, ...input }));
      expect(error.code).toBe('BAD_REQUEST');
    }
    await api.setSecret({ id: deployment.id, name: '_T0', value: 'x'.repeat(4096) });
    expect((await api.secrets({ id: deployment.id })).map((secret) => secret.name)).toEqual([
      '_T0',
    ]);
  });
});

describe('deployments router: self-service action endpoints', () => {
  const openDb = useTestDb();
  const endpoints = {
    orderStatusUrl: 'https://shop.example.com/api/orders',
    passwordResetUrl: 'https://shop.example.com/api/password-reset',
    endpointTokenSecret: 'SHOP_TOKEN',
    outboundAllowList: ['Orders.Internal', '*.corp.example', 'orders.internal'],
  };

  it('lets an admin set them, and keeps the knowledge base and the other settings', async () => {
    const db = openDb();
    const { admin, deployment } = await orgWithDeployment(db, 'acme');
    const api = callerFor(db, admin).deployments;
    const before = settingsOf(db, deployment.id);
    db.update(deployments)
      .set({
        settings: {
          ...before,
          actions: { knowledgeBase: [{ id: 'a1', question: 'Hours?', answer: '9 to 5' }] },
        },
      })
      .where(eq(deployments.id, deployment.id))
      .run();

    expect(await api.actionEndpoints({ id: deployment.id })).toEqual({
      orderStatusUrl: '',
      passwordResetUrl: '',
      endpointTokenSecret: '',
      outboundAllowList: [],
    });
    const saved = await api.updateActionEndpoints({ id: deployment.id, ...endpoints });
    expect(saved.outboundAllowList).toEqual(['orders.internal', '*.corp.example']);
    expect(await api.actionEndpoints({ id: deployment.id })).toEqual(saved);

    const settings = settingsOf(db, deployment.id);
    expect(settings.actions).toEqual({
      knowledgeBase: [{ id: 'a1', question: 'Hours?', answer: '9 to 5' }],
      orderStatusUrl: endpoints.orderStatusUrl,
      passwordResetUrl: endpoints.passwordResetUrl,
      endpointTokenSecret: 'SHOP_TOKEN',
    });
    expect(settings.prechatFields).toEqual(before.prechatFields);

    await api.updateActionEndpoints({
      id: deployment.id,
      orderStatusUrl: '',
      passwordResetUrl: '',
      endpointTokenSecret: '',
      outboundAllowList: [],
    });
    expect(settingsOf(db, deployment.id).actions).toEqual({
      knowledgeBase: [{ id: 'a1', question: 'Hours?', answer: '9 to 5' }],
    });
  });

  it('refuses bad URLs, hosts this machine or metadata, and bad secret names, changing nothing', async () => {
    const db = openDb();
    const { admin, deployment } = await orgWithDeployment(db, 'acme');
    const api = callerFor(db, admin).deployments;
    await api.updateActionEndpoints({ id: deployment.id, ...endpoints });
    const invalid = [
      { orderStatusUrl: 'ftp://shop.example.com/orders' },
      { orderStatusUrl: 'https://user:pass@shop.example.com/orders' },
      { passwordResetUrl: 'not a url' },
      { endpointTokenSecret: 'shop-token' },
      { orderStatusUrl: 'https://shop.example.com/orders?key=1' },
      { outboundAllowList: ['https://orders.internal/'] },
      { outboundAllowList: ['orders internal'] },
      { outboundAllowList: ['*.com'] },
      { outboundAllowList: ['127.0.0.1'] },
      { outboundAllowList: ['[::1]'] },
      { outboundAllowList: ['169.254.169.254'] },
    ];
    for (const change of invalid) {
      const error = await trpcRejection(
        api.updateActionEndpoints({ id: deployment.id, ...endpoints, ...change }),
      );
      expect(error.code).toBe('BAD_REQUEST');
    }
    expect(await api.actionEndpoints({ id: deployment.id })).toMatchObject({
      orderStatusUrl: endpoints.orderStatusUrl,
      outboundAllowList: ['orders.internal', '*.corp.example'],
    });
  });

  it('is for admins of the deployment’s own org only', async () => {
    const db = openDb();
    const a = await orgWithDeployment(db, 'org-a');
    const b = await orgWithDeployment(db, 'org-b');
    const asB = callerFor(db, b.admin).deployments;
    for (const attempt of [
      asB.actionEndpoints({ id: a.deployment.id }),
      asB.updateActionEndpoints({ id: a.deployment.id, ...endpoints }),
    ]) {
      expect((await trpcRejection(attempt)).code).toBe('NOT_FOUND');
    }
    const designer = callerFor(db, await createStaff(db, a.org.id, 'designer')).deployments;
    const refused = await trpcRejection(
      designer.updateActionEndpoints({ id: a.deployment.id, ...endpoints }),
    );
    expect(refused.code).toBe('FORBIDDEN');
    expect(settingsOf(db, a.deployment.id).actions).toEqual({});
  });
});

describe('deployments router: knowledge base', () => {
  const openDb = useTestDb();

  it('stores the articles, giving new ones an id and keeping the action endpoints', async () => {
    const db = openDb();
    const { admin, deployment } = await orgWithDeployment(db, 'acme');
    const api = callerFor(db, admin).deployments;
    await api.updateActionEndpoints({
      id: deployment.id,
      orderStatusUrl: 'https://shop.example.com/orders',
      passwordResetUrl: '',
      endpointTokenSecret: '',
      outboundAllowList: [],
    });
    expect(await api.knowledgeBase({ id: deployment.id })).toEqual([]);

    const [hours, returns] = await api.updateKnowledgeBase({
      id: deployment.id,
      articles: [
        { question: 'When are you open?', answer: 'Monday to Friday, 9 to 5.' },
        { question: ' How do returns work? ', answer: 'Within 30 days.' },
      ],
    });
    expect(hours).toEqual({
      id: expect.any(String),
      question: 'When are you open?',
      answer: 'Monday to Friday, 9 to 5.',
    });
    expect(returns?.question).toBe('How do returns work?');
    expect(await api.knowledgeBase({ id: deployment.id })).toEqual([hours, returns]);
    expect(settingsOf(db, deployment.id).actions.orderStatusUrl).toBe(
      'https://shop.example.com/orders',
    );

    const edited = { id: returns?.id, question: 'How do returns work?', answer: 'Within 60 days.' };
    expect(await api.updateKnowledgeBase({ id: deployment.id, articles: [edited] })).toEqual([
      edited,
    ]);

    await api.updateKnowledgeBase({ id: deployment.id, articles: [] });
    expect(settingsOf(db, deployment.id).actions.knowledgeBase).toBeUndefined();
  });

  it('refuses an article without a question or answer, other roles and other orgs', async () => {
    const db = openDb();
    const a = await orgWithDeployment(db, 'org-a');
    const b = await orgWithDeployment(db, 'org-b');
    const article = { question: 'Open?', answer: 'Yes.' };
    const asA = callerFor(db, a.admin).deployments;
    for (const bad of [
      { ...article, question: ' ' },
      { ...article, answer: '' },
    ]) {
      const error = await trpcRejection(
        asA.updateKnowledgeBase({ id: a.deployment.id, articles: [bad] }),
      );
      expect(error.code).toBe('BAD_REQUEST');
    }
    const asB = callerFor(db, b.admin).deployments;
    const foreign = await trpcRejection(
      asB.updateKnowledgeBase({ id: a.deployment.id, articles: [article] }),
    );
    expect(foreign.code).toBe('NOT_FOUND');
    const designer = callerFor(db, await createStaff(db, a.org.id, 'designer')).deployments;
    const refused = await trpcRejection(designer.knowledgeBase({ id: a.deployment.id }));
    expect(refused.code).toBe('FORBIDDEN');
    expect(await asA.knowledgeBase({ id: a.deployment.id })).toEqual([]);
  });
});

function settingsOf(db: Db, id: string) {
  const row = db
    .select({ settings: deployments.settings })
    .from(deployments)
    .where(eq(deployments.id, id))
    .get();
  if (!row) throw new Error(`No deployment ${id}`);
  return row.settings;
}
