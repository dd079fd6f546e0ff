import { type Browser, expect, type Page } from '@playwright/test';
import { SignJWT } from 'jose';
import { E2E_DEMO_PASSWORD } from '../playwright.config';

export async function signIn(page: Page, email: string, password = E2E_DEMO_PASSWORD) {
  await page.goto('/signin');
  await page.getByLabel('Email').fill(email);
  await page.getByLabel('Password').fill(password);
  await page.getByRole('button', { name: 'Sign in' }).click();
  await expect(page).not.toHaveURL(/\/signin/);
}

/** The page's own error message (Next.js also keeps an empty route announcer with role=alert). */
export function errorAlert(page: Page) {
  return page.locator('.alert[role="alert"]');
}

/** Creates a bot from the studio's bots list and waits for its editor to show the start node. */
export async function createBot(
  page: Page,
  name: string,
  template: 'blank' | 'customerSupport' = 'blank',
) {
  await page.goto('/studio');
  await page.getByRole('button', { name: 'New bot' }).click();
  const dialog = page.getByRole('dialog', { name: 'New bot' });
  await dialog.getByLabel('Name').fill(name);
  await dialog.getByLabel('Start from').selectOption(template);
  await dialog.getByRole('button', { name: 'Create bot' }).click();
  await expect(page.getByRole('heading', { name })).toBeVisible();
  await expect(page.getByTestId('flow-node-start')).toBeVisible();
  await untilInteractive(page);
}

/**
 * Opens a bot's editor by its address. The page arrives with the canvas drawn by the server and
 * ignores clicks until its code runs, which marks the canvas interactive.
 */
export async function openEditor(page: Page, url?: string) {
  if (url) await page.goto(url);
  else await page.reload();
  await untilInteractive(page);
}

/** The editor's code has run and taken over the canvas, which now answers clicks and drags. */
async function untilInteractive(page: Page) {
  await expect(page.getByTestId('flow-canvas')).toHaveAttribute('data-interactive', '');
}

/** Clicks the canvas's empty pane (its top-left corner), which clears the selection. */
export async function clickEmptyCanvas(page: Page) {
  await page
    .getByTestId('flow-canvas')
    .locator('.react-flow__pane')
    .click({ position: { x: 5, y: 5 } });
}

/** The web store deployment's admin page, where its identity and pre-chat settings live. */
async function openWebStoreDeployment(page: Page) {
  await page.goto('/admin/deployments');
  await page.getByRole('link', { name: 'Acme web store' }).click();
  await expect(page.getByRole('heading', { name: 'Acme web store' })).toBeVisible();
}

/** Replaces the web store's pre-chat form with these fields (none: the chat starts at once). */
export async function setPrechatFields(
  page: Page,
  fields: { label: string; name: string; email?: boolean; required?: boolean }[],
) {
  await openWebStoreDeployment(page);
  const form = page.getByRole('form', { name: 'Pre-chat fields' });
  // The fields load after the page; removing "all" before they arrive would remove none.
  await expect(form).toBeVisible();
  const remove = form.getByRole('button', { name: /^Remove field/ });
  while ((await remove.count()) > 0) await remove.first().click();
  for (const [index, field] of fields.entries()) {
    await form.getByRole('button', { name: 'Add field' }).click();
    const row = form.getByRole('group', { name: `Field ${index + 1}` });
    await row.getByLabel('Label').fill(field.label);
    await row.getByLabel('Name').fill(field.name);
    if (field.email) await row.getByLabel('Type').selectOption('email');
    if (field.required) await row.getByLabel('Required').check();
  }
  await form.getByRole('button', { name: 'Save pre-chat form' }).click();
  await expect(form.getByRole('status')).toHaveText('Pre-chat form saved.');
}

/** Turns optional identity verification on and returns the new signing secret. */
export async function enableIdentity(page: Page) {
  await openWebStoreDeployment(page);
  await page.getByLabel('Mode').selectOption('optional');
  await page.getByLabel('Generate a new secret (shown once)').check();
  await page.getByRole('button', { name: 'Save identity settings' }).click();
  const dialog = page.getByRole('dialog', { name: 'New signing secret' });
  const secret = (await dialog.getByTestId('secret-once').textContent()) ?? '';
  await dialog.getByRole('button', { name: 'I have saved it' }).click();
  return secret.trim();
}

/** Back to anonymous chats: identity verification off. */
export async function disableIdentity(page: Page) {
  await openWebStoreDeployment(page);
  await page.getByLabel('Mode').selectOption('none');
  await page.getByRole('button', { name: 'Save identity settings' }).click();
  await expect(page.getByText('Identity settings saved.')).toBeVisible();
}

/** What the app's backend would sign for its signed-in customer, with the web store's secret. */
export function identityToken(
  secret: string,
  claims: { sub: string; name: string; email: string },
) {
  return new SignJWT(claims)
    .setProtectedHeader({ alg: 'HS256' })
    .setIssuedAt()
    .setExpirationTime('10m')
    .sign(new TextEncoder().encode(secret));
}

/** The demo store's other tests expect an anonymous chat that starts at once. */
export async function resetWebStore(browser: Browser) {
  const admin = await browser.newPage();
  await signIn(admin, 'admin@acme.test');
  await setPrechatFields(admin, []);
  await disableIdentity(admin);
  await admin.close();
}

/** Signs in as `email`, opens the demo bot in the studio and its preview; the preview region. */
export async function openDemoBotPreview(page: Page, email: string) {
  await signIn(page, email);
  await page.goto('/studio');
  await page.getByRole('link', { name: 'Customer support' }).click();
  await expect(page.getByTestId('flow-node-start')).toBeVisible();
  await page.getByRole('button', { name: 'Preview', exact: true }).click();
  return page.getByRole('region', { name: 'Preview' });
}
