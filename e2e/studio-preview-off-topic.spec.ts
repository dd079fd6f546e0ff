import { expect, test } from '@playwright/test';
import { openDemoBotPreview } from './helpers';

test.use({ viewport: { width: 1600, height: 1000 } });

/**
 * Small talk is not a request: the demo bot's model learned "none of these" from the off-topic
 * background, so a joke request gets the fallback instead of a confident wrong intent (it used to
 * score 1.00 for talking to a human and hand the customer to a person for nothing).
 */
test('“tell me a joke” in the demo bot’s preview reaches the fallback, not a person', async ({
  page,
}) => {
  const preview = await openDemoBotPreview(page, 'qa@acme.test');
  const chat = preview.getByTestId('preview-chat');
  await expect(chat.getByText(/^Hi! I'm the Parley assistant/)).toBeVisible();
  const message = chat.getByRole('textbox', { name: 'Message' });
  await message.fill('tell me a joke');
  await message.press('Enter');
  await expect(
    chat.getByText("Sorry, I didn't get that. Could you say it another way?"),
  ).toBeVisible();
  await expect(preview.getByRole('region', { name: 'Hand-off rehearsal' })).toHaveCount(0);
});
