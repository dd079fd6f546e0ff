import { expect, test } from '@playwright/test';
import { signIn } from './helpers';

test('the admin points the self-service actions at the shop and allows one private host', async ({
  page,
}) => {
  await signIn(page, 'admin@acme.test');
  // A deployment of its own: the demo deployments keep the endpoints the other tests use.
  await page.goto('/admin/deployments');
  await page.getByRole('button', { name: 'New deployment' }).click();
  const dialog = page.getByRole('dialog', { name: 'New deployment' });
  await dialog.getByLabel('Name').fill('Acme actions');
  await dialog.getByRole('button', { name: 'Create deployment' }).click();
  await page
    .getByRole('dialog', { name: 'Deployment created' })
    .getByRole('button', { name: 'I have saved it' })
    .click();
  await page.getByRole('link', { name: 'Acme actions' }).click();

  const card = page.getByRole('region', { name: 'Self-service actions' });
  const orderUrl = card.getByLabel('Order status URL');
  await expect(orderUrl).toHaveValue('');
  await orderUrl.fill('https://shop.example.com/api/orders');
  await card.getByLabel('Password reset URL').fill('https://shop.example.com/api/reset');
  await card.getByLabel('Bearer token secret').fill('SHOP_TOKEN');
  const hosts = card.getByLabel('Private hosts the bot may call');
  await hosts.fill('https://orders.internal/');
  await card.getByRole('button', { name: 'Save action settings' }).click();
  await expect(card.getByRole('alert')).toContainText('a host name like orders.internal');

  await hosts.fill('Orders.Internal\n*.corp.example');
  await card.getByRole('button', { name: 'Save action settings' }).click();
  await expect(card.getByRole('status')).toHaveText('Action settings saved.');
  await expect(card.getByRole('alert')).toHaveCount(0);
  await expect(hosts).toHaveValue('orders.internal\n*.corp.example');

  await page.reload();
  await expect(orderUrl).toHaveValue('https://shop.example.com/api/orders');
  await expect(card.getByLabel('Password reset URL')).toHaveValue(
    'https://shop.example.com/api/reset',
  );
  await expect(card.getByLabel('Bearer token secret')).toHaveValue('SHOP_TOKEN');
  await expect(hosts).toHaveValue('orders.internal\n*.corp.example');
});
