import { expect, type Page, test } from '@playwright/test';
import { signIn } from './helpers';

/** A deployment of its own: the demo deployments keep the settings the other tests use. */
async function openNewDeployment(page: Page, name: string) {
  await signIn(page, 'admin@acme.test');
  await page.goto('/admin/deployments');
  await page.getByRole('button', { name: 'New deployment' }).click();
  const dialog = page.getByRole('dialog', { name: 'New deployment' });
  await dialog.getByLabel('Name').fill(name);
  await dialog.getByRole('button', { name: 'Create deployment' }).click();
  await page
    .getByRole('dialog', { name: 'Deployment created' })
    .getByRole('button', { name: 'I have saved it' })
    .click();
  await page.getByRole('link', { name }).click();
}

test('the admin points the self-service actions at the shop and allows one private host', async ({
  page,
}) => {
  await openNewDeployment(page, 'Acme actions');

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

test('the admin writes the knowledge base the FAQ search answers from', async ({ page }) => {
  await openNewDeployment(page, 'Acme help center');
  const card = page.getByRole('region', { name: 'Knowledge base' });
  await expect(card).toContainText('No articles yet.');
  await card.getByRole('button', { name: 'Add article' }).click();
  await card.getByLabel('Question').fill(' ');
  await card.getByLabel('Answer').fill('Monday to Friday, 9 to 5.');
  await card.getByRole('button', { name: 'Save knowledge base' }).click();
  await expect(card.getByRole('alert')).toContainText('enter the question');

  await card.getByLabel('Question').fill('When are you open?');
  await card.getByRole('button', { name: 'Add article' }).click();
  const second = card.getByRole('group', { name: 'Article 2' });
  await second.getByLabel('Question').fill('How do returns work?');
  await second.getByLabel('Answer').fill('Within 30 days, free of charge.');
  await card.getByRole('button', { name: 'Save knowledge base' }).click();
  await expect(card.getByRole('status')).toHaveText('Knowledge base saved.');

  await page.reload();
  const first = card.getByRole('group', { name: 'Article 1' });
  await expect(first.getByLabel('Question')).toHaveValue('When are you open?');
  await expect(second.getByLabel('Answer')).toHaveValue('Within 30 days, free of charge.');
  await card.getByRole('button', { name: 'Remove article 1' }).click();
  await card.getByRole('button', { name: 'Save knowledge base' }).click();
  await expect(card.getByRole('status')).toHaveText('Knowledge base saved.');
  await page.reload();
  await expect(card.getByRole('group')).toHaveCount(1);
  await expect(card.getByLabel('Question')).toHaveValue('How do returns work?');
});
