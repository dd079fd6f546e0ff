import { eq } from 'drizzle-orm';
import { afterEach } from 'vitest';
import { deployments, pushDeliveries, staffUsers, workItems } from '../db/schema';
import { deriveSecretsKey } from '../deployments/secretCipher';
import { createPushSender, type PushSender } from '../push/providers/pushSender';
import { ensurePushSettings, loadPushCredentials, setApnsCredentials } from '../push/pushSettings';
import { type PushTestProviders, startPushTestProviders } from '../push/testing/pushTestProviders';
import { useTestApi } from './apiServer';

const secretsKey = deriveSecretsKey('a-test-secret-of-at-least-thirty-two-characters');

/**
 * The public API as a phone app meets it: push switched on for `acme-app`, sending to an APNs
 * look-alike that records every notification, and Alice online to take a hand-off.
 */
export function useMobileWorld() {
  const startApi = useTestApi();
  const started: { providers: PushTestProviders; sender: PushSender }[] = [];
  afterEach(async () => {
    for (const { providers, sender } of started.splice(0)) {
      await sender.close();
      await providers.close();
    }
  });

  return async () => {
    const providers = await startPushTestProviders();
    const sender = createPushSender({ env: providers.env, ca: providers.ca });
    started.push({ providers, sender });
    const api = await startApi({
      push: {
        sender,
        deploymentPush: (deploymentId) => loadPushCredentials(api.db, secretsKey, deploymentId),
        pollMs: 20,
        retryBaseMs: 50,
      },
    });
    const { db, runtime } = api;
    const deployment = db
      .select()
      .from(deployments)
      .where(eq(deployments.publicId, 'acme-app'))
      .get();
    const admin = db.select().from(staffUsers).where(eq(staffUsers.email, 'admin@acme.test')).get();
    const alice = db.select().from(staffUsers).where(eq(staffUsers.email, 'alice@acme.test')).get();
    if (!deployment || !admin || !alice) throw new Error('the demo org is incomplete');
    ensurePushSettings(db, secretsKey);
    setApnsCredentials(db, secretsKey, admin, {
      deploymentId: deployment.id,
      ...providers.apns.credentials,
    });
    const agent = { id: alice.id, orgId: alice.orgId, name: alice.name };
    runtime.router.setPresence(alice.orgId, alice.id, { presence: 'online' }, alice.id);

    /** Alice accepts the conversation the customer asked a person for. */
    const acceptHandOff = (conversationId: string) => {
      const item = db.select().from(workItems).where(eq(workItems.sessionId, conversationId)).get();
      if (item?.status !== 'offered') throw new Error(`expected an offer, got ${item?.status}`);
      runtime.router.accept(alice.orgId, item.id, alice.id);
    };
    let replies = 0;
    /** Alice answers; resolves once any notification it caused has been sent or recorded. */
    const agentReplies = async (conversationId: string, text: string) => {
      await runtime.agentConversations.reply(agent, conversationId, {
        text,
        clientMessageId: `alice-${++replies}`,
      });
      await runtime.pushWorker?.idle();
    };
    const deliveries = (conversationId: string) =>
      db.select().from(pushDeliveries).where(eq(pushDeliveries.sessionId, conversationId)).all();
    return { ...api, apns: providers.apns, acceptHandOff, agentReplies, deliveries, deployment };
  };
}
