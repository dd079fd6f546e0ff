import { expect, type Page, test } from '@playwright/test';
import { createBot, openDemoBotPreview, signIn } from './helpers';

test.use({ viewport: { width: 1600, height: 1000 } });
test.describe.configure({ timeout: 120_000 });

const TEMPLATE_GREETING = /^Hi! I'm the Parley assistant/;

function previewOf(page: Page) {
  const preview = page.getByRole('region', { name: 'Preview' });
  return {
    preview,
    chat: preview.getByTestId('preview-chat'),
    settings: preview.getByRole('form', { name: 'Preview settings' }),
  };
}

async function openPreviewSettings(page: Page) {
  const { preview, settings } = previewOf(page);
  await preview.getByRole('button', { name: 'Settings' }).click();
  await expect(settings).toBeVisible();
  return settings;
}

async function say(page: Page, text: string) {
  const composer = previewOf(page).chat.getByRole('textbox', { name: 'Message' });
  await composer.fill(text);
  await composer.press('Enter');
}

test('QA previews a published version while the draft says something else', async ({ page }) => {
  await signIn(page, 'designer@acme.test');
  await createBot(page, 'Rehearsed versions', 'customerSupport');
  await expect(page.getByTestId('save-status')).toHaveText('All changes saved');
  await page.getByRole('button', { name: 'Publish…' }).click();
  const dialog = page.getByRole('dialog', { name: 'Publish a new version' });
  await dialog.getByLabel('Note').fill('as shipped');
  // The template's test cases have not run on this draft: publishing asks first.
  await dialog.getByLabel('Publish anyway').check();
  await dialog.getByRole('button', { name: 'Publish' }).click();
  await expect(page.getByRole('status').filter({ hasText: 'Published version 1.' })).toBeVisible();
  await page.getByTestId('flow-node-greet').click();
  await page
    .getByRole('form', { name: 'Settings of Greeting' })
    .getByLabel('Text')
    .fill('Hello from the draft.');
  await expect(page.getByTestId('save-status')).toHaveText('All changes saved');

  await page.getByRole('button', { name: 'Preview', exact: true }).click();
  const { chat, preview } = previewOf(page);
  await expect(chat.getByText('Hello from the draft.')).toBeVisible();

  const settings = await openPreviewSettings(page);
  await settings.getByLabel('Version').selectOption({ label: 'Version 1 — as shipped' });
  await settings.getByRole('button', { name: 'Restart with these settings' }).click();
  await expect(preview.getByTestId('preview-setup-summary')).toHaveText('Version 1 · mock actions');
  await expect(chat.getByText(TEMPLATE_GREETING)).toBeVisible();
  await expect(chat.getByText('Hello from the draft.')).toHaveCount(0);
  await say(page, 'where is my order A1001');
  await expect(chat.getByText('Order A1001 is shipped.')).toBeVisible();

  await openPreviewSettings(page);
  await settings.getByLabel('Version').selectOption({ label: 'The draft, as on the canvas' });
  await settings.getByRole('button', { name: 'Restart with these settings' }).click();
  await expect(chat.getByText('Hello from the draft.')).toBeVisible();
});

test('QA starts from the selected node with variables set, and runs as a verified customer', async ({
  page,
}) => {
  await openDemoBotPreview(page, 'qa@acme.test');
  const { chat, preview } = previewOf(page);
  await expect(chat.getByText(TEMPLATE_GREETING)).toBeVisible();

  await page.getByTestId('flow-node-orderAnswer').click();
  const settings = await openPreviewSettings(page);
  await settings.getByLabel('Start from the selected node, "Order status"').check();
  await settings.getByRole('button', { name: 'Set a variable' }).click();
  await settings.getByLabel('Variable').selectOption('orderNumber');
  await settings.getByLabel('Value of orderNumber').fill('A2002');
  await settings.getByRole('button', { name: 'Set a variable' }).click();
  await settings.getByLabel('Variable').nth(1).selectOption('orderState');
  await settings.getByLabel('Value of orderState').fill('delayed');
  await settings.getByRole('button', { name: 'Restart with these settings' }).click();
  await expect(chat.getByText('Order A2002 is delayed.')).toBeVisible();
  await expect(chat.getByText(TEMPLATE_GREETING)).toHaveCount(0);
  await expect(preview.getByTestId('preview-setup-summary')).toHaveText(
    'Draft · from Order status · 2 variables set · mock actions',
  );

  await openPreviewSettings(page);
  await settings.getByLabel('Start from "Order status"').uncheck();
  await settings.getByRole('button', { name: 'Remove orderNumber' }).click();
  await settings.getByRole('button', { name: 'Remove orderState' }).click();
  await settings.getByLabel('Preview as').selectOption('contact');
  await expect(settings.getByRole('searchbox', { name: 'Search contacts' })).toBeVisible();
  await settings.getByLabel('Preview as').selectOption('customerId');
  await settings.getByLabel('Customer id').fill('cus_42');
  await settings.getByRole('button', { name: 'Restart with these settings' }).click();
  await expect(preview.getByTestId('preview-setup-summary')).toHaveText(
    'Draft · as cus_42 · mock actions',
  );
  await expect(chat.getByText(TEMPLATE_GREETING)).toBeVisible();
  await say(page, 'I forgot my password');
  await expect(
    chat.getByText(/^I've sent a password reset link to the email address on your account/),
  ).toBeVisible();
  await expect(chat.getByText("What's the email address on your account?")).toHaveCount(0);
});

test('a designer previews with the web store’s real services; QA has only the mocks', async ({
  page,
  browser,
}) => {
  await openDemoBotPreview(page, 'designer@acme.test');
  const { chat, preview } = previewOf(page);
  await expect(chat.getByText(TEMPLATE_GREETING)).toBeVisible();

  const settings = await openPreviewSettings(page);
  await settings.getByLabel('Services').selectOption({ label: 'Real services of Acme web store' });
  await expect(settings.getByRole('note')).toContainText("Acme web store's endpoints");
  await settings.getByRole('button', { name: 'Restart with these settings' }).click();
  await expect(preview.getByTestId('preview-setup-summary')).toHaveText(
    'Draft · real services of Acme web store',
  );
  await say(page, 'where is my order A1001');
  await expect(chat.getByText('Order A1001 is shipped.')).toBeVisible();
  const trace = preview.getByRole('region', { name: 'Trace' });
  await expect(trace).toContainText('Action orderStatus: request');
  await expect(trace).not.toContainText('(mock)');

  const qaPage = await browser.newPage();
  try {
    await openDemoBotPreview(qaPage, 'qa@acme.test');
    const qaSettings = await openPreviewSettings(qaPage);
    await expect(qaSettings).toContainText('Actions answer from their mocks.');
    await expect(qaSettings.getByLabel('Services')).toHaveCount(0);
  } finally {
    await qaPage.close();
  }
});
