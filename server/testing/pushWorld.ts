import { eq } from 'drizzle-orm';
import { afterEach } from 'vitest';
import {
  deployments,
  pushDeliveries,
  pushRegistrations,
  staffUsers,
  workItems,
} from '../db/schema';
import { deriveSecretsKey } from '../deployments/secretCipher';
import type { PushSender } from '../push/providers/pushSender';
import { createPushSender } from '../push/providers/pushSender';
import {
  ensurePushSettings,
  loadPushCredentials,
  setApnsCredentials,
  setFcmCredentials,
} from '../push/pushSettings';
import { type PushTestProviders, startPushTestProviders } from '../push/testing/pushTestProviders';
import { apiClient } from './apiClient';
import { useTestApi } from './apiServer';

const secretsKey = deriveSecretsKey('a-test-secret-of-at-least-thirty-two-characters');

export const DEVICE_TOKEN = 'a1b2c3d4e5f60718293a4b5c6d7e8f90a1b2c3d4e5f60718293a4b5c6d7e8f90';

/**
 * The public API with push switched on for `acme-app`, sending to look-alikes of APNs, FCM and
 * a Web Push service over TLS, and a customer whose iPhone is registered and who is talking to
 * Alice.
 */
export function usePushWorld() {
  const startApi = useTestApi();
  const started: { providers: PushTestProviders; sender: PushSender }[] = [];
  afterEach(async () => {
    for (const { providers, sender } of started.splice(0)) {
      await sender.close();
      await providers.close();
    }
  });

  return async (options: { collapseWindowMs?: number } = {}) => {
    const providers = await startPushTestProviders();
    const { apns } = providers;
    const sender = createPushSender({ env: providers.env, ca: providers.ca });
    started.push({ providers, sender });
    const api = await startApi({
      push: {
        sender,
        deploymentPush: (deploymentId) => loadPushCredentials(api.db, secretsKey, deploymentId),
        pollMs: 20,
        retryBaseMs: 50,
        collapseWindowMs: options.collapseWindowMs ?? 60_000,
      },
    });
    const { db, runtime } = api;
    const deployment = db
      .select()
      .from(deployments)
      .where(eq(deployments.publicId, 'acme-app'))
      .get();
    if (!deployment) throw new Error('acme-app missing');
    const admin = db.select().from(staffUsers).where(eq(staffUsers.email, 'admin@acme.test')).get();
    if (!admin) throw new Error('admin missing');
    ensurePushSettings(db, secretsKey);
    setApnsCredentials(db, secretsKey, admin, { deploymentId: deployment.id, ...apns.credentials });
    const { fcm } = providers;
    setFcmCredentials(db, secretsKey, admin, {
      deploymentId: deployment.id,
      serviceAccountJson: JSON.stringify({
        type: 'service_account',
        project_id: fcm.credentials.projectId,
        client_email: fcm.credentials.clientEmail,
        private_key: fcm.credentials.privateKeyPem,
      }),
    });

    const alice = db.select().from(staffUsers).where(eq(staffUsers.email, 'alice@acme.test')).get();
    if (!alice) throw new Error('alice missing');
    const agent = { id: alice.id, orgId: alice.orgId, name: alice.name };
    runtime.router.setPresence(alice.orgId, alice.id, { presence: 'online' }, alice.id);

    const client = apiClient(api.base);
    const { body } = await client.start();
    const { conversationId, accessToken } = body;
    const registered = await client.call(
      'POST',
      '/api/v1/push-registrations',
      { platform: 'apns', token: DEVICE_TOKEN, bundleId: apns.bundleId, environment: 'sandbox' },
      accessToken,
    );
    await client.send(conversationId, accessToken, {
      clientMessageId: 'ask',
      text: 'I need to talk to a person about my order A1001',
    });
    await runtime.botTurns.idle();
    const item = db.select().from(workItems).where(eq(workItems.sessionId, conversationId)).get();
    if (item?.status !== 'offered') throw new Error(`expected an offer, got ${item?.status}`);
    runtime.router.accept(alice.orgId, item.id, alice.id);

    let replies = 0;
    /** Alice answers; resolves once any notification it caused has been sent or recorded. */
    const reply = async (text: string) => {
      await runtime.agentConversations.reply(agent, conversationId, {
        text,
        clientMessageId: `alice-${++replies}`,
      });
      await runtime.pushWorker?.idle();
    };
    const deliveries = () =>
      db.select().from(pushDeliveries).where(eq(pushDeliveries.sessionId, conversationId)).all();
    const registration = () =>
      db.select().from(pushRegistrations).where(eq(pushRegistrations.id, registered.body.id)).get();
    return {
      ...api,
      apns,
      fcm,
      webPush: providers.webPush,
      sender,
      deploymentPush: (deploymentId: string) => loadPushCredentials(db, secretsKey, deploymentId),
      client,
      conversationId,
      accessToken,
      agent,
      reply,
      deliveries,
      registration,
    };
  };
}

/** Waits for a condition the worker brings about in its own time (a retry, a window's end). */
export async function eventually(check: () => boolean, timeoutMs = 5_000) {
  for (const deadline = Date.now() + timeoutMs; !check(); ) {
    if (Date.now() > deadline) throw new Error('the condition did not come about in time');
    await new Promise((resolve) => setTimeout(resolve, 10));
  }
}
