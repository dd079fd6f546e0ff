import { generateKeyPairSync } from 'node:crypto';
import { expect, test } from '@playwright/test';
import { errorAlert, signIn } from './helpers';

const APNS_KEY = generateKeyPairSync('ec', {
  namedCurve: 'prime256v1',
  privateKeyEncoding: { type: 'pkcs8', format: 'pem' },
  publicKeyEncoding: { type: 'spki', format: 'pem' },
}).privateKey;
const WRONG_CURVE_KEY = generateKeyPairSync('ec', {
  namedCurve: 'secp384r1',
  privateKeyEncoding: { type: 'pkcs8', format: 'pem' },
  publicKeyEncoding: { type: 'spki', format: 'pem' },
}).privateKey;

test('the admin sets up push for a deployment: settings, an APNs key never shown again, its removal', async ({
  page,
}) => {
  await signIn(page, 'admin@acme.test');
  await page.goto('/admin/deployments');
  await page.getByRole('button', { name: 'New deployment' }).click();
  const dialog = page.getByRole('dialog', { name: 'New deployment' });
  await dialog.getByLabel('Name').fill('Acme push');
  await dialog.getByRole('button', { name: 'Create deployment' }).click();
  await page
    .getByRole('dialog', { name: 'Deployment created' })
    .getByRole('button', { name: 'I have saved it' })
    .click();
  await page.getByRole('link', { name: 'Acme push' }).click();

  const card = page.getByRole('region', { name: 'Push notifications' });
  await expect(card.getByTestId('vapid-public-key')).toHaveText(/^[A-Za-z0-9_-]{87}$/);
  await card.getByRole('radio', { name: /Only “You have a new reply”/ }).check();
  await card.getByLabel(/^Quiet hours/).check();
  await card.getByLabel('From').fill('21:30');
  await card.getByRole('button', { name: 'Save push settings' }).click();
  await expect(card.getByRole('status')).toHaveText('Push settings saved.');

  const apns = card.getByRole('region', { name: /Apple Push Notification service/ });
  await expect(apns).toContainText('Not set');
  await apns.getByLabel('Team ID').fill('ABCDE12345');
  await apns.getByLabel('Key ID').fill('KEY1234567');
  await apns.getByLabel(/Key \(\.p8/).fill(WRONG_CURVE_KEY);
  await apns.getByRole('button', { name: 'Save key' }).click();
  await expect(errorAlert(page)).toContainText('EC P-256');
  await apns.getByLabel(/Key \(\.p8/).fill(APNS_KEY);
  await apns.getByRole('button', { name: 'Save key' }).click();
  await expect(apns).toContainText(/Set on .+ by Ada Admin\./);
  await expect(apns.getByLabel(/Key \(\.p8/)).toHaveCount(0);

  await page.reload();
  await expect(apns).toContainText('Team ID ABCDE12345, key ID KEY1234567');
  await expect(card.getByRole('radio', { name: /Only “You have a new reply”/ })).toBeChecked();
  await expect(card.getByLabel('From')).toHaveValue('21:30');
  const keyBody = APNS_KEY.split('\n')[1] ?? '';
  await expect(page.locator('body')).not.toContainText(keyBody);

  await apns.getByRole('button', { name: 'Remove' }).click();
  await page
    .getByRole('dialog', { name: 'Remove the APNs key?' })
    .getByRole('button', { name: 'Remove' })
    .click();
  await expect(apns).toContainText('Not set');
});

test('the push deliveries page lists nothing yet and says so', async ({ page }) => {
  await signIn(page, 'admin@acme.test');
  await page.goto('/admin');
  await page.getByRole('link', { name: 'Push deliveries' }).click();
  await expect(page.getByRole('heading', { name: 'Push deliveries' })).toBeVisible();
  await expect(page.getByText(/No notifications yet/)).toBeVisible();
  await page.getByLabel('Status').selectOption('failed');
  await expect(page.getByText('No deliveries match these filters.')).toBeVisible();
});
