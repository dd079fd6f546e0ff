import { expect, test } from '@playwright/test';
import { errorAlert, signIn } from './helpers';

test('the admin adds a user, who signs in with the temporary password, then deactivates them', async ({
  page,
  browser,
}) => {
  await signIn(page, 'admin@acme.test');
  await page.goto('/admin/users');
  await page.getByRole('button', { name: 'Add user' }).click();
  const dialog = page.getByRole('dialog', { name: 'Add user' });
  await dialog.getByLabel('Name').fill('Carol Agent');
  await dialog.getByLabel('Email').fill('carol@acme.test');
  await dialog.getByLabel('Role').selectOption('agent');
  await dialog.getByRole('button', { name: 'Add user' }).click();
  const secretDialog = page.getByRole('dialog', { name: 'User created' });
  const password = (await secretDialog.getByTestId('secret-once').textContent()) ?? '';
  await secretDialog.getByRole('button', { name: 'I have saved it' }).click();

  const carol = await browser.newContext();
  const carolPage = await carol.newPage();
  await signIn(carolPage, 'carol@acme.test', password);
  await expect(carolPage.getByRole('heading', { name: 'Agent console' })).toBeVisible();

  const row = page.getByRole('row', { name: /carol@acme.test/ });
  await row.getByRole('button', { name: 'Deactivate' }).click();
  await page
    .getByRole('dialog', { name: 'Deactivate user?' })
    .getByRole('button', { name: 'Deactivate' })
    .click();
  await expect(row).toContainText('deactivated');

  await carolPage.reload();
  await expect(carolPage).toHaveURL(/\/signin/);
  await carol.close();
});

test('the admin cannot change their own role', async ({ page }) => {
  await signIn(page, 'admin@acme.test');
  await page.goto('/admin/users');
  await page.getByRole('combobox', { name: 'Role of Ada Admin' }).selectOption('agent');
  await expect(errorAlert(page)).toHaveText('You cannot change your own role.');
  await page.reload();
  await expect(page.getByRole('combobox', { name: 'Role of Ada Admin' })).toHaveValue('admin');
});
