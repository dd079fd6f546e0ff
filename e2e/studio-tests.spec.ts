import { type Browser, expect, type Page, test } from '@playwright/test';
import { createBot, openEditor, signIn } from './helpers';

// Room for the canvas, the side panel and the preview side by side.
test.use({ viewport: { width: 1600, height: 1000 } });
test.describe.configure({ timeout: 180_000 });

async function signedIn(browser: Browser, email: string): Promise<Page> {
  const context = await browser.newContext({ viewport: { width: 1600, height: 1000 } });
  const page = await context.newPage();
  await signIn(page, email);
  return page;
}

function testRow(page: Page, name: string) {
  return page.getByRole('list', { name: 'Test cases' }).getByRole('listitem', { name });
}

/** The designer rewrites the order-status answer in the inspector and waits for the save. */
async function setOrderAnswer(page: Page, text: string) {
  await page.getByTestId('flow-node-orderAnswer').click();
  await page.getByRole('tab', { name: 'Inspector' }).click();
  await page.getByRole('form', { name: 'Settings of Order status' }).getByLabel('Text').fill(text);
  await expect(page.getByTestId('save-status')).toHaveText('All changes saved');
}

test('QA saves a preview chat as a test case that guards the order answer through a change and a publish', async ({
  browser,
}) => {
  const designer = await signedIn(browser, 'designer@acme.test');
  await createBot(designer, 'Tested support', 'customerSupport');
  const editorUrl = designer.url();

  // QA chats with the draft and keeps the conversation as a test case.
  const qa = await signedIn(browser, 'qa@acme.test');
  await openEditor(qa, editorUrl);
  await qa.getByRole('button', { name: 'Preview', exact: true }).click();
  const preview = qa.getByRole('region', { name: 'Preview' });
  const chat = preview.getByTestId('preview-chat');
  await chat.getByRole('textbox', { name: 'Message' }).fill('where is my order A1001');
  await chat.getByRole('textbox', { name: 'Message' }).press('Enter');
  await expect(chat.getByText('Order A1001 is shipped.')).toBeVisible();
  await expect(qa.locator('.react-flow__node[data-id="anythingElse"]')).toHaveClass(
    /is-preview-current/,
  );

  await preview.getByRole('button', { name: 'Save as test case' }).click();
  const save = preview.getByRole('form', { name: 'Save as test case' });
  await expect(save.getByLabel('Test case name')).toHaveValue('where is my order A1001');
  await save.getByRole('button', { name: 'Save test case' }).click();

  // Saving brings up the Tests tab, which lists it beside the template's own cases; it runs green.
  await expect(qa.getByRole('tab', { name: 'Tests' })).toHaveAttribute('aria-selected', 'true');
  const tests = qa.getByRole('tabpanel', { name: 'Tests' });
  const saved = testRow(qa, 'where is my order A1001');
  await expect(saved).toContainText('Not run');
  await saved.getByRole('button', { name: 'Run where is my order A1001' }).click();
  await expect(saved).toContainText('Passed');

  // The designer rewords the answer the test pins word for word.
  await setOrderAnswer(designer, 'Your order {{orderNumber}} is {{orderState}}.');

  await tests.getByRole('button', { name: 'Run all' }).click();
  await expect(saved).toContainText('Failed');
  await expect(saved.getByTestId('expected')).toHaveText(
    'bot says exactly "Order A1001 is shipped."',
  );
  await expect(saved.getByTestId('actual')).toContainText('"Your order A1001 is shipped."');
  await expect(testRow(qa, 'Order status with the number')).toContainText('Failed');

  // Opening it in the preview replays the customer's part against the draft, with the trace
  // (after a reload: QA's editor shows the draft as it was when opened).
  await openEditor(qa);
  await qa.getByRole('tab', { name: 'Tests' }).click();
  await saved.getByRole('button', { name: 'Open where is my order A1001 in the preview' }).click();
  await expect(chat.getByText('Your order A1001 is shipped.')).toBeVisible();
  await expect(
    preview.getByRole('region', { name: 'Trace' }).getByTestId('trace-step-orderAnswer'),
  ).toBeVisible();

  // Publishing shows the failure and asks before going ahead.
  await designer.getByRole('button', { name: 'Publish…' }).click();
  const dialog = designer.getByRole('dialog', { name: 'Publish a new version' });
  await expect(dialog.getByRole('region', { name: 'Test results' })).toContainText('2 failed');
  await expect(dialog).toContainText('Failed: where is my order A1001');
  const publish = dialog.getByRole('button', { name: 'Publish' });
  await expect(publish).toBeDisabled();
  await dialog.getByLabel('Publish anyway').check();
  await expect(publish).toBeEnabled();
  await dialog.getByRole('button', { name: 'Cancel' }).click();

  // Putting the answer back turns every test green, and publishing no longer asks.
  await setOrderAnswer(designer, 'Order {{orderNumber}} is {{orderState}}.');
  await qa.getByRole('tab', { name: 'Tests' }).click();
  await tests.getByRole('button', { name: 'Run all' }).click();
  await expect(tests.getByText(/^Draft: 13 passed, 0 failed, 0 not run$/)).toBeVisible();
  await expect(saved).toContainText('Passed');

  await designer.getByRole('button', { name: 'Publish…' }).click();
  await expect(dialog.getByRole('region', { name: 'Test results' })).toContainText('13 passed');
  await expect(dialog.getByLabel('Publish anyway')).toHaveCount(0);
  await dialog.getByLabel('Note').fill('Tested');
  await publish.click();
  await expect(
    designer.getByRole('status').filter({ hasText: 'Published version 1.' }),
  ).toBeVisible();
});

test('a designer loosens a test to survive a rewording, and undoes deleting one', async ({
  page,
}) => {
  await signIn(page, 'designer@acme.test');
  await createBot(page, 'Loosened tests', 'customerSupport');
  await setOrderAnswer(page, 'Good news: order {{orderNumber}} is {{orderState}}.');
  await page.getByRole('tab', { name: 'Tests' }).click();
  const tests = page.getByRole('tabpanel', { name: 'Tests' });
  const orderCase = testRow(page, 'Order status with the number');
  await orderCase.getByRole('button', { name: 'Run Order status with the number' }).click();
  await expect(orderCase).toContainText('Failed');

  // Loosen the exact answer to "containing" a part the rewording kept.
  await orderCase.getByRole('button', { name: 'Edit Order status with the number' }).click();
  const form = page.getByRole('form', { name: 'Edit test case' });
  // The first message expected at turn 1 is the order answer, word for word.
  const answer = form
    .getByRole('group', { name: /^Turn 1:/ })
    .locator('.tests-expectation')
    .filter({ hasText: 'Bot says' })
    .first();
  await expect(answer.getByLabel('Bot message')).toHaveValue('Order A1001 is shipped.');
  await answer.getByLabel('How the text must match').selectOption('contains');
  await answer.getByLabel('Bot message').fill('order A1001 is shipped');
  await form.getByRole('button', { name: 'Save test case' }).click();
  await expect(orderCase).toContainText('Not run');
  await orderCase.getByRole('button', { name: 'Run Order status with the number' }).click();
  await expect(orderCase).toContainText('Passed');

  // Deleting is undone from the notice.
  await testRow(page, 'FAQ: returns').getByRole('button', { name: 'Delete FAQ: returns' }).click();
  await expect(testRow(page, 'FAQ: returns')).toHaveCount(0);
  await tests
    .getByRole('status')
    .filter({ hasText: 'Deleted “FAQ: returns”.' })
    .getByRole('button', { name: 'Undo' })
    .click();
  await expect(testRow(page, 'FAQ: returns')).toBeVisible();
});
