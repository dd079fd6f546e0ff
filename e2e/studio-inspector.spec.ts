import { expect, type Page, test } from '@playwright/test';
import { createBot, openEditor, signIn } from './helpers';

test.use({ viewport: { width: 1600, height: 1000 } });
test.describe.configure({ timeout: 120_000 });

/** Selects a node the way a keyboard user would: find it by its id, Enter centres and selects it. */
async function selectNode(page: Page, id: string) {
  await page.keyboard.press('ControlOrMeta+f');
  await page.getByRole('searchbox', { name: 'Find a node' }).fill(id);
  await page.keyboard.press('Enter');
  await page.getByRole('button', { name: 'Close find' }).click();
  const inspector = page.getByRole('form', { name: /Settings of/ });
  await expect(inspector).toContainText(id);
  return inspector;
}

test('a designer completes a variable in a message and maps an action result a reload keeps', async ({
  page,
}) => {
  await signIn(page, 'designer@acme.test');
  await createBot(page, 'Inspector e2e bot', 'customerSupport');
  await expect(page.getByTestId('save-status')).toHaveText('All changes saved');

  const message = await selectNode(page, 'orderAnswer');
  const text = message.getByRole('combobox', { name: 'Text' });
  const completions = message.getByRole('listbox', { name: 'Variables' });
  await text.click();
  await text.press('ControlOrMeta+End');
  await text.pressSequentially(' We will write to {{');
  await expect(completions).toBeVisible();
  await expect(text).toHaveAttribute('aria-expanded', 'true');
  await text.press('ArrowDown');
  await expect(completions.getByRole('option').nth(1)).toHaveAttribute('aria-selected', 'true');
  await text.pressSequentially('em');
  await expect(completions.getByRole('option').first()).toHaveText(/\{\{email\}\}/);
  await expect(completions.getByRole('option').first()).toHaveAttribute('aria-selected', 'true');
  await text.press('Enter');
  await expect(completions).toBeHidden();
  await text.pressSequentially('!');
  await expect(text).toHaveValue(
    'Order {{orderNumber}} is {{orderState}}. We will write to {{email}}!',
  );

  await text.pressSequentially(' {{');
  await expect(completions).toBeVisible();
  await text.press('Escape');
  await expect(completions).toBeHidden();
  await text.pressSequentially('refundId}}');
  await expect(message).toContainText('{{refundId}} is not a variable of this flow');

  const action = await selectNode(page, 'lookupOrder');
  const results = action.getByRole('group', { name: 'Keep results in' });
  await expect(results.getByLabel('Result 1 field')).toHaveValue('status');
  await expect(results.getByLabel('Result 1 field').getByRole('option')).toHaveText([
    'found (boolean)',
    'orderNumber (string)',
    'status (string)',
    'estimatedDelivery (string)',
    'trackingUrl (string)',
    'message (string)',
  ]);
  await results.getByRole('button', { name: 'Add a result' }).click();
  await expect(results.getByLabel('Result 2 field')).toHaveValue('found');
  await results.getByLabel('Result 2 field').selectOption('estimatedDelivery');
  await results.getByLabel('Result 2 variable').fill('deliveryDay');
  await expect(page.getByTestId('save-status')).toHaveText('All changes saved');

  await openEditor(page);
  await expect(page.getByTestId('flow-node-lookupOrder')).toBeVisible();
  const reloaded = await selectNode(page, 'lookupOrder');
  await expect(reloaded.getByLabel('Result 2 field')).toHaveValue('estimatedDelivery');
  await expect(reloaded.getByLabel('Result 2 variable')).toHaveValue('deliveryDay');

  // The variable the action now sets is offered to templates downstream.
  const answer = await selectNode(page, 'orderAnswer');
  const answerText = answer.getByRole('combobox', { name: 'Text' });
  await answerText.click();
  await answerText.press('ControlOrMeta+End');
  await answerText.pressSequentially(' {{deli');
  await expect(answer.getByRole('option', { name: /deliveryDay/ })).toBeVisible();

  // Card titles are templates too, with the same completion.
  await answer.getByRole('button', { name: 'Add a card' }).click();
  const cardTitle = answer.getByRole('combobox', { name: 'Card 1 title' });
  await cardTitle.fill('Arrives ');
  await cardTitle.pressSequentially('{{deli');
  await expect(answer.getByRole('option', { name: /deliveryDay/ })).toBeVisible();
  await cardTitle.press('Enter');
  await expect(cardTitle).toHaveValue('Arrives {{deliveryDay}}');
});

test("a node type's own inspector widgets load from its editor", async ({ page }) => {
  await signIn(page, 'designer@acme.test');
  await createBot(page, 'Node widgets e2e bot', 'customerSupport');
  await expect(page.getByTestId('save-status')).toHaveText('All changes saved');

  const condition = await selectNode(page, 'orderFound');
  const rules = condition.getByRole('group', { name: 'Rules' });
  await expect(rules.getByLabel('Rule 1 variable')).toHaveValue('orderState');

  const set = await selectNode(page, 'topicOrders');
  const assignments = set.getByRole('group', { name: 'Assignments' });
  await expect(assignments.getByLabel('Assignment 1 variable')).toHaveValue('topic');

  const escalate = await selectNode(page, 'escalateOrders');
  const skills = escalate.getByRole('group', { name: 'Required skills' });
  await expect(skills.getByLabel('Skill 1', { exact: true })).toHaveValue('orders');
  await skills.getByRole('button', { name: 'Add a skill' }).click();
  await expect(skills.getByLabel('Skill 2', { exact: true })).toHaveValue('skill2');
  await expect(page.getByTestId('save-status')).toHaveText('All changes saved');
});
