import { expect, type Page } from '@playwright/test';
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
