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
