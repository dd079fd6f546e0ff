import { type APIRequestContext, expect, type Page, test } from '@playwright/test';
import { createBot, signIn } from './helpers';

test.use({ viewport: { width: 1600, height: 1000 } });
test.describe.configure({ timeout: 180_000 });

const DEPLOYMENT = 'acme-app';
const DEPLOYMENT_NAME = 'Acme mobile app';
const TEMPLATE_GREETING = "Hi! I'm the Parley assistant.";
const NEW_GREETING = 'Welcome to version two of the assistant.';

interface Entry {
  seq: number;
  actor: { type: string };
  payload: { text?: string };
}

async function publish(page: Page, note: string, version: number) {
  await expect(page.getByTestId('save-status')).toHaveText('All changes saved');
  await page.getByRole('button', { name: 'Publish…' }).click();
  const dialog = page.getByRole('dialog', { name: 'Publish a new version' });
  await dialog.getByLabel('Note').fill(note);
  // Its template's test cases have not run on this draft: publishing asks first.
  await dialog.getByLabel('Publish anyway').check();
  await dialog.getByRole('button', { name: 'Publish' }).click();
  await expect(
    page.getByRole('status').filter({ hasText: `Published version ${version}.` }),
  ).toBeVisible();
}

/** Picks the deployment in the version's "Make live on…" menu and confirms. */
async function makeLive(page: Page, version: number) {
  await page.getByRole('tab', { name: 'Versions' }).click();
  const menu = page.getByLabel(`Make version ${version} live on`);
  const deploymentId = await menu
    .locator('option', { hasText: DEPLOYMENT_NAME })
    .getAttribute('value');
  await menu.selectOption(deploymentId ?? '');
  const confirm = page.getByRole('dialog', { name: 'Make this version live?' });
  await expect(confirm).toContainText(`will use version ${version}`);
  await confirm.getByRole('button', { name: 'Make live' }).click();
  await expect(versionItem(page, version).getByText(/^live on /)).toHaveText(
    `live on ${DEPLOYMENT_NAME}`,
  );
}

/** A version's entry in the Versions tab (its other menus name the other versions too). */
function versionItem(page: Page, version: number) {
  return page
    .getByRole('list', { name: 'Versions' })
    .getByRole('listitem')
    .filter({ has: page.locator('strong', { hasText: new RegExp(`^Version ${version}$`) }) });
}

async function startConversation(request: APIRequestContext) {
  const response = await request.post(`/api/v1/deployments/${DEPLOYMENT}/conversations`, {
    data: {},
  });
  expect(response.status()).toBe(201);
  return (await response.json()) as {
    conversationId: string;
    accessToken: string;
    entries: Entry[];
  };
}

function botTexts(entries: Entry[]): string[] {
  return entries.flatMap((entry) =>
    entry.actor.type === 'bot' && entry.payload.text ? [entry.payload.text] : [],
  );
}

test('making a new version live changes new conversations, while running ones stay on theirs', async ({
  page,
  request,
}) => {
  await signIn(page, 'admin@acme.test');
  await createBot(page, 'Live switch bot', 'customerSupport');
  await publish(page, 'The template as it is', 1);
  await makeLive(page, 1);

  const before = await startConversation(request);
  expect(botTexts(before.entries).join(' ')).toContain(TEMPLATE_GREETING);

  await page.getByTestId('flow-node-greet').click();
  await page.getByRole('tab', { name: 'Inspector' }).click();
  await page
    .getByRole('form', { name: /Settings of/ })
    .getByRole('combobox', { name: 'Text' })
    .fill(NEW_GREETING);
  await publish(page, 'A new greeting', 2);
  await makeLive(page, 2);
  await expect(versionItem(page, 1).getByText(/^live on /)).toHaveCount(0);

  const after = await startConversation(request);
  expect(botTexts(after.entries)).toContain(NEW_GREETING);

  // The conversation that began on version 1 starts over with version 1's greeting.
  const headers = { authorization: `Bearer ${before.accessToken}` };
  const sent = await request.post(`/api/v1/conversations/${before.conversationId}/messages`, {
    headers,
    data: { clientMessageId: 'live-switch-start-over', text: 'Start over' },
  });
  expect(sent.status()).toBe(201);
  const { entry } = (await sent.json()) as { entry: Entry };
  await expect
    .poll(async () => {
      const response = await request.get(
        `/api/v1/conversations/${before.conversationId}/entries?after=${entry.seq}`,
        { headers },
      );
      return botTexts(((await response.json()) as { entries: Entry[] }).entries).join(' ');
    })
    .toContain(TEMPLATE_GREETING);
});
