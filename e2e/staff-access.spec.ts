import { expect, test } from '@playwright/test';
import { E2E_DEMO_PASSWORD } from '../playwright.config';
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

test('guessing one person’s password is stopped for a while, and the page says so', async ({
  page,
  browser,
}) => {
  // A dozen sign-ins, each hashing a password on a busy machine.
  test.slow();
  // A fresh colleague to guess at: a lock-out on a demo account would outlast this test
  // and shut the other tests out of it.
  const admin = await browser.newPage();
  await signIn(admin, 'admin@acme.test');
  await admin.goto('/admin/users');
  await admin.getByRole('button', { name: 'Add user' }).click();
  const dialog = admin.getByRole('dialog', { name: 'Add user' });
  await dialog.getByLabel('Name').fill('Gus Guessed');
  await dialog.getByLabel('Email').fill('gus@acme.test');
  await dialog.getByLabel('Role').selectOption('agent');
  await dialog.getByRole('button', { name: 'Add user' }).click();
  const created = admin.getByRole('dialog', { name: 'User created' });
  const password = ((await created.getByTestId('secret-once').textContent()) ?? '').trim();
  await created.getByRole('button', { name: 'I have saved it' }).click();
  await admin.close();

  await page.goto('/signin');
  const attempt = async (email: string, secret: string) => {
    await page.getByLabel('Email').fill(email);
    await page.getByLabel('Password').fill(secret);
    // The same message may already be on screen: wait for the server's answer, not the text.
    const answered = page.waitForResponse((response) =>
      response.url().includes('/api/auth/callback/credentials'),
    );
    await page.getByRole('button', { name: 'Sign in' }).click();
    await answered;
  };

  // Ten failures per email within fifteen minutes are allowed; the eleventh try is refused.
  for (let guess = 1; guess <= 10; guess += 1) {
    await attempt('gus@acme.test', `guess-${guess}`);
    await expect(errorAlert(page)).toHaveText('Wrong email or password.');
  }
  await attempt('gus@acme.test', 'guess-11');
  const tooMany = 'Too many failed attempts for this email. Wait 15 minutes and try again.';
  await expect(errorAlert(page)).toHaveText(tooMany);

  // Even the right password waits out the window, so a lucky guess learns nothing.
  await attempt('gus@acme.test', password);
  await expect(errorAlert(page)).toHaveText(tooMany);
  await expect(page).toHaveURL(/\/signin/);

  // The limit is per email: a colleague signs in from the same page meanwhile.
  await attempt('supervisor@acme.test', E2E_DEMO_PASSWORD);
  await expect(page).not.toHaveURL(/\/signin/);
});
