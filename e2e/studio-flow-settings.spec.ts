import { expect, type Page, test } from '@playwright/test';
import { createBot, openEditor, signIn } from './helpers';

test.use({ viewport: { width: 1600, height: 1000 } });
test.describe.configure({ timeout: 120_000 });

/** Opens the flow settings from the toolbar with the keyboard. */
async function openSettings(page: Page) {
  await page.getByRole('button', { name: 'Flow settings' }).focus();
  await page.keyboard.press('Enter');
  const dialog = page.getByRole('dialog', { name: 'Flow settings' });
  await expect(dialog).toBeVisible();
  return dialog;
}

test('a designer declares a variable and tunes understanding and fallback, kept and undoable', async ({
  page,
}) => {
  await signIn(page, 'designer@acme.test');
  await createBot(page, 'Flow settings e2e bot', 'customerSupport');
  await expect(page.getByTestId('save-status')).toHaveText('All changes saved');

  let dialog = await openSettings(page);
  const variables = dialog.getByRole('table', { name: 'Variables' });

  // A new variable's name is chosen for it and ready to be typed over.
  await dialog.getByRole('button', { name: 'Add variable' }).click();
  const row = variables.getByRole('row').last();
  const name = row.getByLabel(/^Variable \d+ name$/);
  await expect(name).toBeFocused();
  await expect(name).toHaveValue('variable1');
  await name.fill('order total');
  await expect(row.getByRole('alert')).toHaveText(
    'Use letters, digits and underscores, starting with a letter.',
  );
  await name.fill('topic');
  await expect(row.getByRole('alert')).toHaveText('Another variable is already called “topic”.');
  await name.fill('orderTotal');
  await expect(row.getByRole('alert')).toHaveCount(0);

  await row.getByLabel(/^Variable \d+ type$/).selectOption('number');
  const fallbackDefault = row.getByLabel(/^Variable \d+ default$/);
  await fallbackDefault.fill('twelve');
  await expect(row.getByRole('alert')).toHaveText('Not a number: enter one like 42 or 9.99.');
  await expect(fallbackDefault).toHaveValue('twelve');
  await expect(fallbackDefault).toHaveAttribute('aria-invalid', 'true');
  await fallbackDefault.fill('12.5');
  await expect(row.getByRole('alert')).toHaveCount(0);
  await row.getByLabel(/^Variable \d+ description$/).fill('The order’s total, in euros');

  const understanding = dialog.getByRole('region', { name: 'Understanding' });
  const threshold = understanding.getByLabel('Confidence threshold');
  await threshold.fill('1.5');
  await expect(understanding.getByRole('alert')).toHaveText(
    'Enter a number from 0 to 1, e.g. 0.6.',
  );
  await threshold.fill('0.75');
  await expect(understanding.getByRole('alert')).toHaveCount(0);

  const fallback = dialog.getByRole('region', { name: 'Fallback' });
  await fallback.getByLabel(/Didn.t understand/).fill('Sorry, I missed that. Say it again?');
  await fallback
    .getByLabel('Offer a human after this many misunderstood messages in a row')
    .fill('3');
  await fallback.getByLabel('Also offer a human after a number of customer messages').check();
  await fallback.getByLabel('Customer messages before a human is offered').fill('8');
  await fallback.getByLabel('Node that offers a human').selectOption('');
  await expect(page.getByTestId('save-status')).toHaveText('All changes saved');

  // Escape closes the dialog; the Problems panel leads back to the setting it is about.
  await page.keyboard.press('Escape');
  await expect(dialog).toBeHidden();
  await page.getByRole('tab', { name: /Problems/ }).click();
  const turnLimitProblem = page
    .getByRole('list', { name: 'Problems' })
    .getByRole('button', { name: /after 8 messages, but no node is chosen/ });
  await turnLimitProblem.click();
  await expect(dialog).toBeVisible();
  await expect(fallback.getByRole('heading', { name: 'Fallback' })).toBeFocused();
  await fallback.getByLabel('Node that offers a human').selectOption('offerHuman');
  await dialog.getByRole('button', { name: 'Done' }).click();
  await expect(dialog).toBeHidden();
  await expect(turnLimitProblem).toHaveCount(0);
  await expect(page.getByTestId('save-status')).toHaveText('All changes saved');

  // The draft kept every change.
  await openEditor(page);
  dialog = await openSettings(page);
  const kept = dialog.getByRole('table', { name: 'Variables' }).getByRole('row').last();
  await expect(kept.getByLabel(/^Variable \d+ name$/)).toHaveValue('orderTotal');
  await expect(kept.getByLabel(/^Variable \d+ type$/)).toHaveValue('number');
  await expect(kept.getByLabel(/^Variable \d+ default$/)).toHaveValue('12.5');
  await expect(dialog.getByLabel('Confidence threshold')).toHaveValue('0.75');
  await expect(dialog.getByLabel(/Didn.t understand/)).toHaveValue(
    'Sorry, I missed that. Say it again?',
  );
  await expect(
    dialog.getByLabel('Offer a human after this many misunderstood messages in a row'),
  ).toHaveValue('3');
  await expect(dialog.getByLabel('Customer messages before a human is offered')).toHaveValue('8');
  await expect(dialog.getByLabel('Node that offers a human')).toHaveValue('offerHuman');

  // A settings change is one step of the editor's undo, from the toolbar or the dialog.
  await dialog.getByLabel('Confidence threshold').fill('0.9');
  await page.keyboard.press('Escape');
  await expect(dialog).toBeHidden();
  await page.getByRole('button', { name: 'Undo' }).click();
  dialog = await openSettings(page);
  await expect(dialog.getByLabel('Confidence threshold')).toHaveValue('0.75');

  const steps = dialog.getByLabel('Most steps in one turn');
  await steps.fill('250');
  await dialog.getByRole('button', { name: 'Undo' }).click();
  await expect(steps).toHaveValue('100');
  await dialog.getByRole('button', { name: 'Redo' }).click();
  await expect(steps).toHaveValue('250');
  await expect(page.getByTestId('save-status')).toHaveText('All changes saved');
});

test('a QA user reads the flow settings but cannot change them', async ({ page }) => {
  await signIn(page, 'qa@acme.test');
  await page.goto('/studio');
  await page.getByRole('link', { name: 'Customer support' }).click();
  await expect(page.getByTestId('flow-node-start')).toBeVisible();
  const dialog = await openSettings(page);
  await expect(dialog).toContainText('Your role can read these settings but not change them.');
  await expect(dialog.getByLabel('Variable 1 name')).toHaveValue('topic');
  await expect(dialog.getByLabel('Variable 1 name')).toBeDisabled();
  await expect(dialog.getByLabel('Confidence threshold')).toBeDisabled();
  await expect(dialog.getByLabel('Node that offers a human')).toBeDisabled();
  await expect(dialog.getByRole('button', { name: 'Add variable' })).toHaveCount(0);
  await expect(dialog.getByRole('button', { name: 'Undo' })).toHaveCount(0);
  await page.keyboard.press('Escape');
  await expect(dialog).toBeHidden();
});
