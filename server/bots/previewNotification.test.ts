import { describe, expect, it } from 'vitest';
import type { Db } from '../db/client';
import { pushSettings } from '../db/schema';
import { createDeployment } from '../deployments/deploymentCatalog';
import { callerFor, createOrg, createStaff, trpcRejection } from '../testing/fixtures';
import { supportBot } from '../testing/supportBot';
import { useTestDb } from '../testing/testDb';

/** A deployment of the org with push set up as given; the credentials are never read here. */
async function deploymentWithPush(
  db: Db,
  orgId: string,
  settings: { enabled: boolean; showText: boolean; title: string | null } | null,
) {
  const admin = await createStaff(db, orgId, 'admin', `admin-${Math.random()}@test.example`);
  const { deployment } = createDeployment(db, admin, { name: 'Acme app', channel: 'in_app' });
  if (settings) {
    db.insert(pushSettings)
      .values({
        orgId,
        deploymentId: deployment.id,
        ...settings,
        vapidPublicKey: 'unused-public-key',
        vapidPrivateKeySealed: 'unused-sealed-key',
        updatedAt: new Date(),
      })
      .run();
  }
  return deployment;
}

const reply = { actorName: 'Alice', text: 'Your parcel left the warehouse today.', seq: 7 };

describe('the notification a backgrounded app would get in the preview', () => {
  const openDb = useTestDb();

  it('follows the defaults with no deployment chosen: the replier’s name and the words', async () => {
    const { qa } = await supportBot(openDb());

    const shown = await qa.previewNotification(reply);

    expect(shown).toMatchObject({
      deployment: null,
      pushStatus: 'defaults',
      textPrivate: false,
      message: {
        title: 'Alice',
        body: 'Your parcel left the warehouse today.',
        collapseKey: 'preview',
        data: { conversationId: 'preview', seq: 7 },
      },
    });
  });

  it('keeps the words private under the deployment’s own title when it says so', async () => {
    const db = openDb();
    const { org, qa } = await supportBot(db);
    const deployment = await deploymentWithPush(db, org.id, {
      enabled: true,
      showText: false,
      title: 'Acme Support',
    });

    const shown = await qa.previewNotification({ ...reply, deploymentId: deployment.id });

    expect(shown).toMatchObject({
      deployment: { id: deployment.id, name: 'Acme app' },
      pushStatus: 'on',
      textPrivate: true,
      message: { title: 'Acme Support', body: 'You have a new reply', collapseKey: 'preview' },
    });
    expect(JSON.stringify(shown)).not.toContain('parcel');
  });

  it('says when the deployment would send nothing: push off, or never set up', async () => {
    const db = openDb();
    const { org, qa } = await supportBot(db);
    const off = await deploymentWithPush(db, org.id, {
      enabled: false,
      showText: true,
      title: null,
    });
    const bare = await deploymentWithPush(db, org.id, null);

    const whenOff = await qa.previewNotification({ ...reply, deploymentId: off.id });
    const whenBare = await qa.previewNotification({ ...reply, deploymentId: bare.id });

    expect(whenOff).toMatchObject({ pushStatus: 'off', message: { title: 'Alice' } });
    expect(whenBare).toMatchObject({ pushStatus: 'notSetUp', textPrivate: false });
  });

  it('refuses another organisation’s deployment as if it did not exist, and agents', async () => {
    const db = openDb();
    const { org, qa } = await supportBot(db);
    const globex = createOrg(db, 'globex');
    const theirs = await deploymentWithPush(db, globex.id, {
      enabled: true,
      showText: true,
      title: 'Globex',
    });

    const refused = await trpcRejection(
      qa.previewNotification({ ...reply, deploymentId: theirs.id }),
    );
    expect(refused.code).toBe('NOT_FOUND');
    expect(refused.message).not.toContain('Globex');

    const agent = callerFor(db, await createStaff(db, org.id, 'agent')).bots;
    expect((await trpcRejection(agent.previewNotification(reply))).code).toBe('FORBIDDEN');
  });

  it('turns the bot’s answer to a hand-back into a notification when the app is away', async () => {
    const db = openDb();
    const { org, bot, document, qa } = await supportBot(db);
    const deployment = await deploymentWithPush(db, org.id, {
      enabled: true,
      showText: false,
      title: 'Acme Support',
    });
    const turn = (state: unknown, input: Parameters<typeof qa.previewTurn>[0]['input']) =>
      qa.previewTurn({
        botId: bot.id,
        document,
        state: state as never,
        input,
        background: { deploymentId: deployment.id },
      });
    const started = await turn(null, { type: 'start' });
    const escalated = await turn(started.state, {
      type: 'text',
      text: 'I need to talk to a person about my order A1001',
    });

    const handedBack = await turn(escalated.state, { type: 'returned' });

    // The customer's own messages are answered while they are there: nothing to notify.
    expect(started.notification).toBeNull();
    expect(escalated.notification).toBeNull();
    const lastReply = handedBack.entries.findLast((entry) => entry.actor.type === 'bot');
    expect(handedBack.notification).toMatchObject({
      pushStatus: 'on',
      textPrivate: true,
      message: {
        title: 'Acme Support',
        body: 'You have a new reply',
        data: { conversationId: 'preview', seq: lastReply?.seq },
      },
    });

    const inFront = await qa.previewTurn({
      botId: bot.id,
      document,
      state: escalated.state,
      input: { type: 'returned' },
    });
    expect(inFront.notification).toBeNull();

    const defaults = await qa.previewTurn({
      botId: bot.id,
      document,
      state: escalated.state,
      input: { type: 'returned' },
      background: {},
    });
    expect(defaults.notification).toMatchObject({
      pushStatus: 'defaults',
      message: { title: 'Support', body: lastReply?.payload.text },
    });
  });
});
