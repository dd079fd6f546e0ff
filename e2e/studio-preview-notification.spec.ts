import path from 'node:path';
import { expect, type Locator, test } from '@playwright/test';
import Database from 'better-sqlite3';
import { openDemoBotPreview } from './helpers';

test.use({ viewport: { width: 1600, height: 1000 } });
test.describe.configure({ timeout: 120_000 });

const AGENT_WORDS = 'Your parcel left the warehouse this morning.';

/**
 * Push for the demo's mobile app keeps replies' words off the lock screen, titled "Acme": set
 * in the server's database (what Admin → Deployments → Push notifications saves), and put back
 * as it was afterwards, so other specs see the demo's settings.
 */
function makeMobileAppPushPrivate(): () => void {
  const db = new Database(path.join(process.env.E2E_DATA_DIR ?? '.e2e-data', 'parley.db'));
  db.pragma('busy_timeout = 5000');
  const settingsOf = `deployment_id = (select id from deployments where public_id = 'acme-app')`;
  const before = db
    .prepare(`select show_text as showText, title from push_settings where ${settingsOf}`)
    .get() as { showText: number; title: string | null } | undefined;
  if (!before) throw new Error('the demo mobile app has no push settings');
  db.prepare(`update push_settings set show_text = 0, title = 'Acme' where ${settingsOf}`).run();
  return () => {
    db.prepare(`update push_settings set show_text = ?, title = ? where ${settingsOf}`).run(
      before.showText,
      before.title,
    );
    db.close();
  };
}

async function putAppInBackground(preview: Locator, deploymentName?: string) {
  await preview.getByRole('button', { name: 'Settings' }).click();
  const settings = preview.getByRole('form', { name: 'Preview settings' });
  await settings.getByRole('checkbox', { name: 'App in the background' }).check();
  if (deploymentName) {
    await settings.getByLabel('Push settings of').selectOption({ label: deploymentName });
  }
  await settings.getByRole('button', { name: 'Restart with these settings' }).click();
}

async function askForAPersonAndReplyAsAgent(preview: Locator) {
  const chat = preview.getByTestId('preview-chat');
  await expect(chat.getByText(/^Hi! I'm the Parley assistant/)).toBeVisible();
  const message = chat.getByRole('textbox', { name: 'Message' });
  await message.fill('I need to talk to a person about my order A1001');
  await message.press('Enter');
  const rehearsal = preview.getByRole('region', { name: 'Hand-off rehearsal' });
  const reply = rehearsal.getByRole('textbox', { name: /^Reply as an agent/ });
  await reply.fill(AGENT_WORDS);
  // Sent from the keyboard, as an agent would.
  await reply.press('Enter');
  return { chat, rehearsal };
}

test('with the app in the background, QA sees the notification an agent’s reply would become', async ({
  page,
}) => {
  const preview = await openDemoBotPreview(page, 'qa@acme.test');
  await putAppInBackground(preview);
  await expect(preview.getByTestId('preview-setup-summary')).toContainText(
    'app in the background (default push settings)',
  );

  const { chat, rehearsal } = await askForAPersonAndReplyAsAgent(preview);
  await expect(rehearsal).toContainText('Sent: the customer gets the notification');

  const notification = preview.getByRole('region', { name: "Notification of the agent's reply" });
  await expect(notification).toContainText(AGENT_WORDS);
  await expect(notification).toContainText('collapse id “preview”');
  await expect(notification).toContainText('No deployment chosen: the defaults are shown');
  // A notification, not a chat bubble: the customer is not looking at the chat.
  await expect(chat.getByText(AGENT_WORDS)).toHaveCount(0);

  await rehearsal.getByRole('button', { name: 'An agent hands back to the bot' }).click();
  const botNotification = preview.getByRole('region', { name: "Notification of the bot's reply" });
  await expect(botNotification).toContainText('Is there anything else I can help you with?');
  await expect(notification).toHaveCount(0);
  await botNotification.getByRole('button', { name: 'Dismiss the notification' }).click();
  await expect(botNotification).toHaveCount(0);
});

test('a deployment that keeps replies private shows “You have a new reply”, not the words', async ({
  page,
}) => {
  const restore = makeMobileAppPushPrivate();
  try {
    const preview = await openDemoBotPreview(page, 'qa@acme.test');
    await putAppInBackground(preview, 'Acme mobile app');
    await expect(preview.getByTestId('preview-setup-summary')).toContainText(
      "app in the background (Acme mobile app's push settings)",
    );

    await askForAPersonAndReplyAsAgent(preview);

    const notification = preview.getByRole('region', {
      name: "Notification of the agent's reply",
    });
    await expect(notification.getByText('Acme', { exact: true })).toBeVisible();
    await expect(notification.getByText('You have a new reply', { exact: true })).toBeVisible();
    await expect(notification).toContainText('Private: only ‘You have a new reply’ is shown');
    await expect(notification).not.toContainText(AGENT_WORDS);
  } finally {
    restore();
  }
});
