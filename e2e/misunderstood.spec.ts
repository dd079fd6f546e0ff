import { expect, type Page, test } from '@playwright/test';
import { signIn } from './helpers';

test.use({ viewport: { width: 1600, height: 1000 } });
test.describe.configure({ timeout: 120_000 });

/** Off the demo bot's topics and worded unlike its phrases: its menu does not understand it. */
const UNKNOWN = 'is there a promo code';
const INTENT = 'shippingInfo';

async function customerSays(page: Page, text: string) {
  await page.goto('/demo/store');
  const chat = page.getByRole('dialog', { name: 'Chat with us' });
  await page.getByRole('button', { name: 'Chat with us' }).click();
  const messages = chat.getByRole('log', { name: 'Messages' });
  await expect(messages.locator('.bubble').first()).toBeVisible();
  const box = chat.getByRole('textbox', { name: 'Message' });
  await box.fill(text);
  await box.press('Enter');
  await expect(messages).toContainText("Sorry, I didn't get that");
}

test('a message the demo bot did not understand is added to an intent, and the draft then recognises it', async ({
  browser,
  page,
}) => {
  const customer = await browser.newPage();
  await customerSays(customer, UNKNOWN);
  await customer.close();

  await signIn(page, 'designer@acme.test');
  await page.goto('/studio');
  const badge = page.getByRole('link', { name: /^\d+ misunderstood$/ });
  await expect(badge).toBeVisible();
  await badge.click();
  await expect(
    page.getByRole('heading', { level: 1, name: 'Customer support: misunderstood messages' }),
  ).toBeVisible();

  const message = page.getByRole('listitem').filter({ hasText: UNKNOWN }).last();
  await expect(message).toContainText('%');
  // The intent it came closest to is preselected; the designer may choose any.
  await message.getByLabel(`Intent for “${UNKNOWN}”`).selectOption(INTENT);
  await message
    .getByRole('button', { name: `Add to intent: add “${UNKNOWN}” to “${INTENT}”` })
    .click();
  await expect(message).toContainText(`In “${INTENT}”`);
  await expect(page.getByTestId('save-status')).toHaveText('All changes saved');
  // Marked added once the draft saved: it leaves the inbox.
  await expect(page.getByRole('listitem').filter({ hasText: UNKNOWN })).toHaveCount(0);

  // Undo takes the phrase out of the draft and puts the message back; Redo adds it again.
  await page.getByRole('button', { name: 'Undo' }).click();
  const back = page.getByRole('listitem').filter({ hasText: UNKNOWN }).last();
  await expect(back.getByRole('button', { name: `Ignore “${UNKNOWN}”` })).toBeVisible();
  await page.getByRole('button', { name: 'Redo' }).click();
  await expect(page.getByTestId('save-status')).toHaveText('All changes saved');
  await expect(page.getByRole('listitem').filter({ hasText: UNKNOWN })).toHaveCount(0);

  await page.getByRole('link', { name: 'Intents & entities' }).click();
  const tryIt = page.getByRole('region', { name: 'Try it' });
  await tryIt.getByLabel('A customer says').fill(UNKNOWN);
  await tryIt.getByRole('button', { name: 'Try' }).click();
  await expect(tryIt.getByTestId('nlu-trial')).toContainText(`Recognised ${INTENT}`);

  // Leave the demo draft as other specs expect it.
  await page
    .getByRole('list', { name: 'Intents' })
    .getByRole('button', { name: new RegExp(INTENT) })
    .click();
  await page
    .getByRole('region', { name: `Intent ${INTENT}` })
    .getByRole('button', { name: `Remove phrase “${UNKNOWN}”` })
    .click();
  await expect(page.getByTestId('save-status')).toHaveText('All changes saved');
});

test('ignoring a message takes it out of the inbox, and Undo brings it back', async ({
  browser,
  page,
}) => {
  const text = 'my cat likes to sleep on the piano';
  const customer = await browser.newPage();
  await customerSays(customer, text);
  await customer.close();

  await signIn(page, 'designer@acme.test');
  await page.goto('/studio');
  await page.getByRole('link', { name: /^\d+ misunderstood$/ }).click();
  const message = () => page.getByRole('listitem').filter({ hasText: text });
  await message()
    .last()
    .getByRole('button', { name: `Ignore “${text}”` })
    .focus();
  await page.keyboard.press('Enter');
  await expect(message()).toHaveCount(0);
  const toast = page.getByRole('status').filter({ hasText: `Ignored “${text}”.` });
  await toast.getByRole('button', { name: 'Undo' }).click();
  await expect(
    message()
      .last()
      .getByRole('button', { name: `Ignore “${text}”` }),
  ).toBeVisible();
});
