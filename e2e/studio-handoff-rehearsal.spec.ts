import { expect, type Page, test } from '@playwright/test';
import { openDemoBotPreview } from './helpers';

test.use({ viewport: { width: 1600, height: 1000 } });
test.describe.configure({ timeout: 120_000 });

async function askForAPerson(page: Page) {
  const preview = page.getByRole('region', { name: 'Preview' });
  const message = preview.getByTestId('preview-chat').getByRole('textbox', { name: 'Message' });
  await message.fill('I need to talk to a person about my order A1001');
  await message.press('Enter');
  return preview.getByRole('region', { name: 'Hand-off rehearsal' });
}

test('QA sees where a hand-off would go now, then plays "no agent" and an agent handing back', async ({
  page,
}) => {
  const preview = await openDemoBotPreview(page, 'qa@acme.test');
  const chat = preview.getByTestId('preview-chat');
  await expect(chat.getByText(/^Hi! I'm the Parley assistant/)).toBeVisible();

  const rehearsal = await askForAPerson(page);
  await expect(rehearsal).toContainText('If a customer asked now');
  await expect(rehearsal.getByText('Orders', { exact: true })).toBeVisible();
  await expect(rehearsal).toContainText('orders ≥ 1');
  // Alice is the demo's Orders agent: whatever her presence, routing judges her.
  await expect(rehearsal.getByRole('listitem').filter({ hasText: 'Alice' })).toBeVisible();

  await rehearsal.getByRole('button', { name: 'Take “No agent available”' }).click();
  await expect(chat.getByText(/^All our agents are busy right now/)).toBeVisible();
  await expect(rehearsal).toHaveCount(0);

  await preview.getByRole('button', { name: 'Restart' }).click();
  await expect(chat.getByText(/^Hi! I'm the Parley assistant/)).toBeVisible();
  const again = await askForAPerson(page);
  await again.getByRole('button', { name: 'An agent hands back to the bot' }).click();
  await expect(chat.getByText('Is there anything else I can help you with?')).toBeVisible();
  await expect(again).toHaveCount(0);
});
