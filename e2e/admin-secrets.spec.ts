import { expect, test } from '@playwright/test';
import { signIn } from './helpers';

test('the admin adds a deployment secret, replaces it and deletes it, never seeing a value', async ({
  page,
}) => {
  const firstValue = 'sk_e2e_first-3b8f0c1d';
  const secondValue = 'sk_e2e_second-9a27e64b';
  await signIn(page, 'admin@acme.test');
  // A deployment of its own: the demo deployments' bots stay as the other tests expect.
  await page.goto('/admin/deployments');
  await page.getByRole('button', { name: 'New deployment' }).click();
  const dialog = page.getByRole('dialog', { name: 'New deployment' });
  await dialog.getByLabel('Name').fill('Acme secrets');
  await dialog.getByRole('button', { name: 'Create deployment' }).click();
  await page
    .getByRole('dialog', { name: 'Deployment created' })
    .getByRole('button', { name: 'I have saved it' })
    .click();
  await page.getByRole('link', { name: 'Acme secrets' }).click();

  const card = page.getByRole('region', { name: 'Secrets', exact: true });
  await expect(card).toContainText('No secrets yet.');
  await expect(card).toContainText('"secret": "ORDERS_TOKEN"');
  await card.getByLabel('Name', { exact: true }).fill('ORDERS_TOKEN');
  await card.getByLabel('Value', { exact: true }).fill(firstValue);
  await expect(card.getByLabel('Value', { exact: true })).toHaveAttribute('type', 'password');
  await card.getByRole('button', { name: 'Add secret' }).click();
  await expect(card.getByRole('status')).toHaveText('Secret ORDERS_TOKEN added.');
  const row = card.getByRole('row', { name: /ORDERS_TOKEN/ });
  await expect(row).toContainText('by Ada Admin');
  await expect(card.getByLabel('Value', { exact: true })).toHaveValue('');
  await page.reload();
  await expect(row).toBeVisible();
  await expect(page.locator('body')).not.toContainText(firstValue);

  await row.getByRole('button', { name: 'Replace ORDERS_TOKEN' }).click();
  const replace = page.getByRole('dialog', { name: 'Replace ORDERS_TOKEN' });
  await replace.getByLabel('New value').fill(secondValue);
  await replace.getByRole('button', { name: 'Save new value' }).click();
  await expect(replace).toBeHidden();
  await expect(card.getByRole('status')).toHaveText('Secret ORDERS_TOKEN replaced.');
  await expect(card.getByRole('row', { name: /ORDERS_TOKEN/ })).toHaveCount(1);
  await expect(page.locator('body')).not.toContainText(secondValue);

  await row.getByRole('button', { name: 'Delete ORDERS_TOKEN' }).click();
  const confirm = page.getByRole('dialog', { name: 'Delete ORDERS_TOKEN?' });
  await confirm.getByRole('button', { name: 'Delete secret' }).click();
  await expect(card.getByRole('status')).toHaveText('Secret ORDERS_TOKEN deleted.');
  await expect(row).toHaveCount(0);
  await expect(card).toContainText('No secrets yet.');
});
