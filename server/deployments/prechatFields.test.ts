import { eq } from 'drizzle-orm';
import { describe, expect, it } from 'vitest';
import { deployments, messagingSessions } from '../db/schema';
import { apiClient } from '../testing/apiClient';
import { useTestApi } from '../testing/apiServer';
import { callerFor, createStaff, trpcRejection } from '../testing/fixtures';

const NAME = { name: 'name', label: 'Your name', type: 'text' as const, required: true };
const EMAIL = { name: 'email', label: 'Email', type: 'email' as const, required: false };
const FIELDS = [NAME, EMAIL];

describe('pre-chat form', () => {
  const startApi = useTestApi();

  async function demoDeployment() {
    const { base, db } = await startApi();
    const deployment = db
      .select()
      .from(deployments)
      .where(eq(deployments.publicId, 'acme-web'))
      .get();
    if (!deployment) throw new Error('demo deployment missing');
    const admin = await createStaff(db, deployment.orgId, 'admin');
    return { base, db, deployment, admin: callerFor(db, admin) };
  }

  it('asks nothing until an admin adds fields, then serves them to the widget', async () => {
    const { base, deployment, admin } = await demoDeployment();
    const client = apiClient(base);
    expect((await client.call('GET', '/api/v1/deployments/acme-web/prechat')).body).toMatchObject({
      fields: [],
    });

    await admin.deployments.updatePrechatFields({ id: deployment.id, fields: FIELDS });

    expect(await admin.deployments.prechatFields({ id: deployment.id })).toEqual(FIELDS);
    const served = await client.call('GET', '/api/v1/deployments/acme-web/prechat');
    expect(served).toMatchObject({ status: 200, body: { fields: FIELDS } });
    expect((await client.call('GET', '/api/v1/deployments/nope/prechat')).status).toBe(404);
  });

  it('keeps the answers on the conversation the customer starts', async () => {
    const { base, db } = await demoDeployment();
    const started = await apiClient(base).start('acme-web', {
      prechat: { name: 'Ada', email: 'ada@example.com' },
    });
    const session = db
      .select()
      .from(messagingSessions)
      .where(eq(messagingSessions.id, started.body.conversationId))
      .get();
    expect(session?.prechat).toEqual({ name: 'Ada', email: 'ada@example.com' });
  });

  it('refuses to start a conversation without a required answer or with a bad email', async () => {
    const { base, db, deployment, admin } = await demoDeployment();
    await admin.deployments.updatePrechatFields({ id: deployment.id, fields: FIELDS });
    const client = apiClient(base);
    const sessionsBefore = db.select().from(messagingSessions).all().length;

    const missing = await client.call('POST', '/api/v1/deployments/acme-web/conversations', {
      prechat: { email: 'ada@example.com' },
    });
    expect(missing).toMatchObject({
      status: 400,
      body: { error: { code: 'PRECHAT_INVALID', message: '"Your name" is required.' } },
    });
    const badEmail = await client.call('POST', '/api/v1/deployments/acme-web/conversations', {
      prechat: { name: 'Ada', email: 'ada at example' },
    });
    expect(badEmail).toMatchObject({
      status: 400,
      body: { error: { code: 'PRECHAT_INVALID', message: '"Email" must be an email address.' } },
    });
    expect(db.select().from(messagingSessions).all()).toHaveLength(sessionsBefore);

    const started = await client.start('acme-web', { prechat: { name: ' Ada ' } });
    const session = db
      .select()
      .from(messagingSessions)
      .where(eq(messagingSessions.id, started.body.conversationId))
      .get();
    expect(session?.prechat).toEqual({ name: 'Ada' });
  });

  it('refuses two fields with the same name, or a name that is not an identifier', async () => {
    const { deployment, admin } = await demoDeployment();
    const twice = await trpcRejection(
      admin.deployments.updatePrechatFields({ id: deployment.id, fields: [NAME, NAME] }),
    );
    expect(twice.message).toMatch(/own name/);
    const spaced = await trpcRejection(
      admin.deployments.updatePrechatFields({
        id: deployment.id,
        fields: [{ ...EMAIL, name: 'e mail' }],
      }),
    );
    expect(spaced.code).toBe('BAD_REQUEST');
  });
});
