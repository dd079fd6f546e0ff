import { expect, test } from '@playwright/test';
import { signIn } from './helpers';

test('the admin creates a deployment and sees its API key once', async ({ page }) => {
  await signIn(page, 'admin@acme.test');
  await page.goto('/admin/deployments');
  await expect(page.getByRole('cell', { name: 'acme-app' })).toBeVisible();

  await page.getByRole('button', { name: 'New deployment' }).click();
  const dialog = page.getByRole('dialog', { name: 'New deployment' });
  await dialog.getByLabel('Name').fill('Acme Android');
  await dialog.getByLabel('Public id').fill('acme-android');
  await dialog.getByRole('button', { name: 'Create deployment' }).click();

  const keyDialog = page.getByRole('dialog', { name: 'Deployment created' });
  const apiKey = (await keyDialog.getByTestId('secret-once').textContent()) ?? '';
  expect(apiKey).toMatch(/^prly_[\w-]{32}$/);
  await keyDialog.getByRole('button', { name: 'I have saved it' }).click();
  await expect(keyDialog).toBeHidden();

  const row = page.getByRole('row', { name: /Acme Android/ });
  await expect(row).toContainText(`${apiKey.slice(0, 9)}…`);
  await row.getByRole('link', { name: 'Acme Android' }).click();
  await expect(page.getByRole('heading', { name: 'Acme Android' })).toBeVisible();
  await expect(page.locator('body')).not.toContainText(apiKey);
  await page.reload();
  await expect(page.getByRole('heading', { name: 'Acme Android' })).toBeVisible();
  await expect(page.locator('body')).not.toContainText(apiKey);
});

test('a taken public id is refused with a message and nothing is created', async ({ page }) => {
  await signIn(page, 'admin@acme.test');
  await page.goto('/admin/deployments');
  await page.getByRole('button', { name: 'New deployment' }).click();
  const dialog = page.getByRole('dialog', { name: 'New deployment' });
  await dialog.getByLabel('Name').fill('Duplicate');
  await dialog.getByLabel('Public id').fill('acme-web');
  await dialog.getByRole('button', { name: 'Create deployment' }).click();
  await expect(dialog.getByRole('alert')).toContainText('already in use');
  await dialog.getByRole('button', { name: 'Cancel' }).click();
  await expect(page.getByRole('row', { name: /Duplicate/ })).toHaveCount(0);
});

test('the admin turns on required identity verification with a generated secret', async ({
  page,
}) => {
  await signIn(page, 'admin@acme.test');
  // A deployment of its own: the demo deployments stay anonymous for the widget tests.
  await page.goto('/admin/deployments');
  await page.getByRole('button', { name: 'New deployment' }).click();
  const dialog = page.getByRole('dialog', { name: 'New deployment' });
  await dialog.getByLabel('Name').fill('Acme partner portal');
  await dialog.getByLabel('Channel').selectOption('web');
  await dialog.getByRole('button', { name: 'Create deployment' }).click();
  await page
    .getByRole('dialog', { name: 'Deployment created' })
    .getByRole('button', { name: 'I have saved it' })
    .click();

  await page.getByRole('link', { name: 'Acme partner portal' }).click();
  await page.getByLabel('Mode').selectOption('required');
  await page.getByRole('button', { name: 'Save identity settings' }).click();
  const secretDialog = page.getByRole('dialog', { name: 'New signing secret' });
  await expect(secretDialog.getByTestId('secret-once')).toHaveText(/^[\w-]{40,}$/);
  await secretDialog.getByRole('button', { name: 'I have saved it' }).click();
  await expect(page.getByRole('status')).toHaveText('Identity settings saved.');
  await page.goto('/admin/deployments');
  await expect(page.getByRole('row', { name: /Acme partner portal/ })).toContainText('required');
  await expect(page.getByRole('row', { name: /Acme web store/ })).toContainText('none');
});
