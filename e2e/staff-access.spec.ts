import { expect, test } from '@playwright/test';
import { errorAlert, signIn } from './helpers';

test('the admin signs in and sees the app shell', async ({ page }) => {
  await signIn(page, 'admin@acme.test');
  const nav = page.getByRole('navigation', { name: 'Main' });
  for (const area of ['Studio', 'Console', 'Admin', 'Reports']) {
    await expect(nav.getByRole('link', { name: area })).toBeVisible();
  }
  await expect(nav).toContainText('admin@acme.test');
  await nav.getByRole('link', { name: 'Admin' }).click();
  await expect(page.getByRole('heading', { name: 'Users' })).toBeVisible();
  await expect(page.getByRole('cell', { name: 'alice@acme.test' })).toBeVisible();
});

test('a wrong password shows an error and stays on the sign-in page', async ({ page }) => {
  await page.goto('/signin');
  await page.getByLabel('Email').fill('admin@acme.test');
  await page.getByLabel('Password').fill('not-the-password');
  await page.getByRole('button', { name: 'Sign in' }).click();
  await expect(errorAlert(page)).toHaveText('Wrong email or password.');
  await expect(page).toHaveURL(/\/signin/);
  await page.goto('/admin/users');
  await expect(page).toHaveURL(/\/signin\?callbackUrl=%2Fadmin/);
});

test('an agent cannot open the admin pages', async ({ page }) => {
  await signIn(page, 'alice@acme.test');
  const nav = page.getByRole('navigation', { name: 'Main' });
  await expect(nav.getByRole('link', { name: 'Console' })).toBeVisible();
  await expect(nav.getByRole('link', { name: 'Admin' })).toHaveCount(0);
  await page.goto('/admin/users');
  await expect(page.getByRole('heading', { name: 'You don’t have access to Admin' })).toBeVisible();
  await expect(page.getByRole('cell', { name: 'bob@acme.test' })).toHaveCount(0);
});

test('signing out ends the session', async ({ page }) => {
  await signIn(page, 'designer@acme.test');
  await page.getByRole('button', { name: 'Sign out' }).click();
  await expect(page).toHaveURL(/\/signin/);
  await page.goto('/studio');
  await expect(page).toHaveURL(/\/signin/);
});
