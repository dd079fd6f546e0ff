import { expect, type Page, test } from '@playwright/test';
import { openDemoBotPreview } from './helpers';

// Room for the canvas and the preview beside it.
test.use({ viewport: { width: 1600, height: 1000 } });
test.describe.configure({ mode: 'serial', timeout: 120_000 });

function node(page: Page, id: string) {
  return page.getByTestId(`flow-node-${id}`);
}

function canvasNode(page: Page, id: string) {
  return page.locator(`.react-flow__node[data-id="${id}"]`);
}

test('a designer chats with the draft, reads the trace and previews an unsaved edit', async ({
  page,
}) => {
  const preview = await openDemoBotPreview(page, 'designer@acme.test');
  const chat = preview.getByTestId('preview-chat');

  await expect(chat.getByText(/^Hi! I'm the Parley assistant/)).toBeVisible();
  await expect(canvasNode(page, 'menu')).toHaveClass(/is-preview-current/);

  await chat.getByRole('textbox', { name: 'Message' }).fill('where is my order A1001');
  await chat.getByRole('textbox', { name: 'Message' }).press('Enter');
  await expect(chat.getByText('Order A1001 is shipped.')).toBeVisible();
  await expect(canvasNode(page, 'anythingElse')).toHaveClass(/is-preview-current/);

  const trace = preview.getByRole('region', { name: 'Trace' });
  const lookup = trace.getByTestId('trace-step-lookupOrder');
  await expect(lookup).toBeVisible();
  await expect(trace).toContainText('Action orderStatus (mock)');
  await expect(trace).toContainText(/Top intents: orderStatus \d+%/);
  await lookup.click();
  await expect(node(page, 'lookupOrder')).toBeInViewport();
  await page.getByRole('tab', { name: 'Inspector' }).click();
  await expect(page.getByRole('form', { name: 'Settings of Look up the order' })).toBeVisible();
  await page.getByRole('tab', { name: 'Preview' }).click();

  await trace.getByTestId('trace-step-greet').click();
  await expect(node(page, 'greet')).toBeInViewport();
  await page.getByRole('tab', { name: 'Inspector' }).click();
  await page
    .getByRole('form', { name: 'Settings of Greeting' })
    .getByLabel('Text')
    .fill('Welcome to the draft being previewed!');
  await page.getByRole('tab', { name: 'Preview' }).click();
  await preview.getByRole('button', { name: 'Restart' }).click();
  await expect(chat.getByText('Welcome to the draft being previewed!')).toBeVisible();
  await expect(chat.getByText('Order A1001 is shipped.')).toHaveCount(0);
  await expect(page.getByTestId('save-status')).toHaveText('All changes saved');
});

test('a draft with errors is not previewed, and the panel says what to fix', async ({ page }) => {
  const preview = await openDemoBotPreview(page, 'designer@acme.test');
  const chat = preview.getByTestId('preview-chat');
  await expect(chat.getByRole('button', { name: 'Where is my order?' })).toBeVisible();

  await node(page, 'orderAnswer').click();
  await page.keyboard.press('Delete');
  await expect(node(page, 'orderAnswer')).toHaveCount(0);
  await preview.getByRole('button', { name: 'Restart' }).click();

  const failure = preview.getByRole('alert');
  await expect(failure).toContainText('Connect the "Yes" output of "Order found?"');
  await failure.getByRole('button', { name: /Order found\?/ }).click();
  await expect(node(page, 'orderFound')).toBeInViewport();

  await page.keyboard.press('Control+z');
  await expect(node(page, 'orderAnswer')).toBeVisible();
  await preview.getByRole('button', { name: 'Restart' }).click();
  await expect(failure).toHaveCount(0);

  await chat.getByRole('button', { name: 'Where is my order?' }).click();
  await expect(chat.getByText(/What's your order number\?/)).toBeVisible();
  // Keys typed in the chat edit the message, not the flow: the selected node stays.
  const composer = chat.getByRole('textbox', { name: 'Message' });
  await composer.fill('A10022');
  await composer.press('Backspace');
  await chat.getByRole('button', { name: 'Send' }).click();
  await expect(chat.getByText('Order A1002 is processing.')).toBeVisible();
  await expect(node(page, 'orderFound')).toBeVisible();
});
