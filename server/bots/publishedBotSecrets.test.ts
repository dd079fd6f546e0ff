import { createServer, type IncomingHttpHeaders, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import { eq } from 'drizzle-orm';
import { afterEach, describe, expect, it } from 'vitest';
import type { Db } from '../db/client';
import { deployments } from '../db/schema';
import { createSecretLookup, setDeploymentSecret } from '../deployments/deploymentSecrets';
import { deriveSecretsKey } from '../deployments/secretCipher';
import { apiClient } from '../testing/apiClient';
import { useTestApi } from '../testing/apiServer';
import { createStaff } from '../testing/fixtures';
import { publishTestFlow } from '../testing/publishTestFlow';
import { PublishedBotRunner } from './publishedBotRunner';
import { listSessionTraces } from './sessionTraces';

const key = deriveSecretsKey('session-secret-0123456789abcdef0123456789');
const TOKEN = 'sk_live_orders-7d2e';

/** A partner's API on loopback that remembers the headers of every request. */
async function recordingEndpoint() {
  const seen: IncomingHttpHeaders[] = [];
  const server: Server = createServer((req, res) => {
    seen.push(req.headers);
    res.writeHead(200, { 'content-type': 'application/json' });
    res.end('{"ok":true}');
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  const url = `http://127.0.0.1:${(server.address() as AddressInfo).port}/check`;
  return { seen, url, close: () => new Promise<void>((resolve) => server.close(() => resolve())) };
}

describe('a published bot calling an HTTP action with a secret', () => {
  const startApi = useTestApi();
  let closeEndpoint: (() => Promise<void>) | undefined;
  afterEach(async () => {
    await closeEndpoint?.();
    closeEndpoint = undefined;
  });

  /**
   * The bot of both demo deployments calls the recording endpoint with ORDERS_TOKEN, which only
   * acme-app has set.
   */
  async function botWithSecretOnApp() {
    const endpoint = await recordingEndpoint();
    closeEndpoint = endpoint.close;
    const api = await startApi({
      bot: (db) =>
        new PublishedBotRunner(db, {
          secrets: createSecretLookup(db, key),
          // The partner's API runs on this machine, which only the operator may open.
          trustedOrigins: [new URL(endpoint.url).origin],
        }),
    });
    for (const deployment of ['acme-app', 'acme-web']) {
      publishTestFlow(api.db, deployment, {
        nodes: [
          { id: 'start', type: 'start' },
          {
            id: 'call',
            type: 'action',
            data: {
              action: 'http',
              inputs: [
                { name: 'url', value: endpoint.url },
                {
                  name: 'headers',
                  value: '{"Authorization":{"secret":"ORDERS_TOKEN","prefix":"Bearer "}}',
                },
              ],
            },
          },
          { id: 'ok', type: 'end', data: { message: 'Called.' } },
          { id: 'failed', type: 'end', data: { message: 'Could not call.' } },
        ],
        edges: [
          ['start', 'next', 'call'],
          ['call', 'success', 'ok'],
          ['call', 'failure', 'failed'],
        ],
      });
    }
    const app = deploymentNamed(api.db, 'acme-app');
    const admin = await createStaff(api.db, app.orgId, 'admin');
    setDeploymentSecret(api.db, key, admin, { id: app.id, name: 'ORDERS_TOKEN', value: TOKEN });

    /** Opens a conversation on the deployment; what the bot said once it is done. */
    const chatOn = async (deployment: string) => {
      const client = apiClient(api.base);
      const { body } = await client.start(deployment);
      await api.runtime.botTurns.idle();
      const entries = await client.entries(body.conversationId, body.accessToken);
      return { sessionId: body.conversationId, texts: entries.map((e) => e.payload.text) };
    };
    return { db: api.db, orgId: app.orgId, seen: endpoint.seen, chatOn };
  }

  it("sends the deployment's secret, and keeps it out of the stored trace", async () => {
    const { db, orgId, seen, chatOn } = await botWithSecretOnApp();

    const { sessionId, texts } = await chatOn('acme-app');

    expect(seen.map((headers) => headers.authorization)).toEqual([`Bearer ${TOKEN}`]);
    expect(texts).toContain('Called.');
    const { traces } = listSessionTraces(db, orgId, sessionId);
    expect(traces).toHaveLength(1);
    expect(JSON.stringify(traces)).not.toContain(TOKEN);
  });

  it("never lends one deployment's secret to another", async () => {
    const { seen, chatOn } = await botWithSecretOnApp();

    const { texts } = await chatOn('acme-web');

    expect(seen).toEqual([]);
    expect(texts).toContain('Could not call.');
  });
});

function deploymentNamed(db: Db, publicId: string) {
  const row = db.select().from(deployments).where(eq(deployments.publicId, publicId)).get();
  if (!row) throw new Error(`No deployment ${publicId}`);
  return row;
}
