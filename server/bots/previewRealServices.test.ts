import { createServer, type IncomingHttpHeaders } from 'node:http';
import type { AddressInfo } from 'node:net';
import { eq } from 'drizzle-orm';
import { afterEach, describe, expect, it } from 'vitest';
import type { Db } from '../db/client';
import { deployments, type StaffRole } from '../db/schema';
import { createDeployment } from '../deployments/deploymentCatalog';
import { setDeploymentSecret } from '../deployments/deploymentSecrets';
import { deriveSecretsKey } from '../deployments/secretCipher';
import { DomainError } from '../errors';
import { callerFor, createOrg, createStaff } from '../testing/fixtures';
import { useTestDb } from '../testing/testDb';
import { previewTurn } from './previewTurn';

const secretsKey = deriveSecretsKey('session-secret-0123456789abcdef0123456789');
const TOKEN = 'sk_live_orders-91ab';

/** The shop's order service on loopback: A1001 is "packed" there, unlike in the mock. */
async function orderService() {
  const seen: { url: string; headers: IncomingHttpHeaders }[] = [];
  const server = createServer((req, res) => {
    seen.push({ url: req.url ?? '', headers: req.headers });
    res.writeHead(200, { 'content-type': 'application/json' });
    res.end(JSON.stringify({ found: true, status: 'packed', echo: TOKEN }));
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  const origin = `http://127.0.0.1:${(server.address() as AddressInfo).port}`;
  return {
    seen,
    origin,
    close: () => new Promise<void>((resolve) => server.close(() => resolve())),
  };
}

describe('previewing with a deployment’s real services', () => {
  const openDb = useTestDb();
  let close: (() => Promise<void>) | undefined;
  afterEach(async () => {
    await close?.();
    close = undefined;
  });

  async function setUp(db: Db) {
    const service = await orderService();
    close = service.close;
    const org = createOrg(db, 'acme');
    const designer = await createStaff(db, org.id, 'designer');
    const admin = await createStaff(db, org.id, 'admin');
    const bots = callerFor(db, designer).bots;
    const bot = await bots.create({ name: 'Support', template: 'customerSupport' });
    const { document } = await bots.draft({ botId: bot.id });
    const { deployment } = createDeployment(db, admin, { name: 'Shop', channel: 'web' });
    const row = db.select().from(deployments).where(eq(deployments.id, deployment.id)).get();
    db.update(deployments)
      .set({
        settings: {
          ...(row?.settings ?? ({} as never)),
          actions: {
            orderStatusUrl: `${service.origin}/orders`,
            endpointTokenSecret: 'ORDERS_TOKEN',
          },
        },
      })
      .where(eq(deployments.id, deployment.id))
      .run();
    setDeploymentSecret(db, secretsKey, admin, {
      id: deployment.id,
      name: 'ORDERS_TOKEN',
      value: TOKEN,
    });
    return { org, bot, document, deployment, service, designerBots: bots };
  }

  async function askForOrder(
    db: Db,
    actor: { orgId: string; role: StaffRole },
    setup: Awaited<ReturnType<typeof setUp>>,
    deploymentId = setup.deployment.id,
  ) {
    const options = {
      liveConfig: () => ({ secretsKey, trustedOrigins: [setup.service.origin] }),
    };
    const base = { botId: setup.bot.id, document: setup.document, realServices: { deploymentId } };
    const first = await previewTurn(
      db,
      actor,
      { ...base, state: null, input: { type: 'start' } },
      options,
    );
    return previewTurn(
      db,
      actor,
      { ...base, state: first.state, input: { type: 'text', text: 'where is my order A1001' } },
      options,
    );
  }

  it('calls the deployment’s endpoint with its secret, and the trace hides the secret', async () => {
    const db = openDb();
    const setup = await setUp(db);

    const turn = await askForOrder(db, { orgId: setup.org.id, role: 'designer' }, setup);

    expect(setup.service.seen).toHaveLength(1);
    expect(setup.service.seen[0]?.headers.authorization).toBe(`Bearer ${TOKEN}`);
    const texts = turn.entries.map((entry) => entry.payload.text);
    expect(texts).toContain('Order A1001 is packed.');
    const action = turn.trace.steps
      .flatMap((step) => step.reasons)
      .find((reason) => reason.kind === 'action');
    expect(action).toMatchObject({ action: 'orderStatus', mocked: false });
    expect(JSON.stringify(turn.trace)).not.toContain(TOKEN);
    expect(JSON.stringify(turn.trace)).toContain('[secret ORDERS_TOKEN]');
  });

  it('is for designers and admins: QA is refused and nothing is called', async () => {
    const db = openDb();
    const setup = await setUp(db);

    await expect(
      askForOrder(db, { orgId: setup.org.id, role: 'admin' }, setup),
    ).resolves.toBeTruthy();
    const refused = askForOrder(db, { orgId: setup.org.id, role: 'qa' }, setup);

    await expect(refused).rejects.toBeInstanceOf(DomainError);
    await expect(refused).rejects.toMatchObject({ code: 'FORBIDDEN' });
    expect(setup.service.seen).toHaveLength(1);
  });

  it('refuses another organisation’s deployment as if it did not exist', async () => {
    const db = openDb();
    const setup = await setUp(db);
    const globex = createOrg(db, 'globex');
    const theirAdmin = await createStaff(db, globex.id, 'admin');
    const { deployment: theirs } = createDeployment(db, theirAdmin, {
      name: 'Globex shop',
      channel: 'web',
    });

    await expect(
      askForOrder(db, { orgId: setup.org.id, role: 'designer' }, setup, theirs.id),
    ).rejects.toMatchObject({ code: 'NOT_FOUND' });
    expect(setup.service.seen).toHaveLength(0);
  });

  it('keeps to the mocks unless asked: QA previews as before', async () => {
    const db = openDb();
    const setup = await setUp(db);
    const qa = callerFor(db, await createStaff(db, setup.org.id, 'qa')).bots;

    const started = await qa.previewTurn({
      botId: setup.bot.id,
      document: setup.document,
      state: null,
      input: { type: 'start' },
    });
    const turn = await qa.previewTurn({
      botId: setup.bot.id,
      document: setup.document,
      state: started.state,
      input: { type: 'text', text: 'where is my order A1001' },
    });

    expect(turn.entries.map((entry) => entry.payload.text)).toContain('Order A1001 is shipped.');
    const switchedOn = qa.previewTurn({
      botId: setup.bot.id,
      document: setup.document,
      state: null,
      input: { type: 'start' },
      realServices: { deploymentId: setup.deployment.id },
    });
    await expect(switchedOn).rejects.toMatchObject({ code: 'FORBIDDEN' });
    expect(setup.service.seen).toHaveLength(0);
  });

  it('lists the org’s own deployments by name only, to QA as well', async () => {
    const db = openDb();
    const setup = await setUp(db);
    const globex = createOrg(db, 'globex');
    createDeployment(db, await createStaff(db, globex.id, 'admin'), {
      name: 'Globex shop',
      channel: 'web',
    });
    const qa = callerFor(db, await createStaff(db, setup.org.id, 'qa')).bots;
    const page = { page: 1, pageSize: 20, search: '' };

    const listed = await setup.designerBots.previewDeployments(page);

    expect(listed.items).toEqual([
      { id: setup.deployment.id, name: 'Shop', publicId: expect.any(String) },
    ]);
    // QA picks a deployment for its push settings; its real services stay refused to them.
    expect((await qa.previewDeployments(page)).items).toEqual(listed.items);
  });
});
