import { expect, type Page, test } from '@playwright/test';
import { signIn } from './helpers';

async function openRoutingSection(page: Page, section: string) {
  await page
    .getByRole('navigation', { name: 'Routing' })
    .getByRole('link', { name: section })
    .click();
  await expect(page.getByRole('heading', { level: 1, name: section })).toBeVisible();
}

test('the admin sets up routing: a skill, a queue with hours and a member, an agent, a status and a quick text', async ({
  page,
}) => {
  test.slow();
  await signIn(page, 'admin@acme.test');
  await page.goto('/admin');
  await page
    .getByRole('navigation', { name: 'Admin' })
    .getByRole('link', { name: 'Routing' })
    .click();
  await expect(page.getByRole('heading', { level: 1, name: 'Queues' })).toBeVisible();
  await expect(page.getByRole('row', { name: /Orders/ })).toBeVisible();

  await openRoutingSection(page, 'Skills');
  await page.getByRole('button', { name: 'New skill' }).click();
  const newSkill = page.getByRole('dialog', { name: 'New skill' });
  await newSkill.getByLabel('Name').fill('returns');
  await newSkill.getByRole('button', { name: 'Add skill' }).click();
  await expect(page.getByRole('row', { name: /returns/ })).toBeVisible();
  await page.getByRole('button', { name: 'New skill' }).click();
  await newSkill.getByLabel('Name').fill('Returns');
  await newSkill.getByRole('button', { name: 'Add skill' }).click();
  await expect(newSkill.locator('.field-error')).toHaveText(
    'There is already a skill named “returns”.',
  );
  await newSkill.getByRole('button', { name: 'Cancel' }).click();

  await openRoutingSection(page, 'Queues');
  await page.getByRole('link', { name: 'New queue' }).click();
  await expect(page.getByRole('heading', { level: 1, name: 'New queue' })).toBeVisible();
  await page.getByLabel('Name', { exact: true }).fill('Returns');
  await page
    .getByRole('group', { name: "Agents who take this queue's work" })
    .getByLabel('Alice Agent')
    .check();
  const required = page.getByRole('group', { name: 'Required skills' });
  await required.getByRole('button', { name: 'Add skill' }).click();
  await required.getByRole('combobox', { name: 'Skill', exact: true }).selectOption('returns');
  await required.getByLabel('Minimum level for returns').fill('4');
  await page.getByLabel('Open only during business hours').check();
  await page.getByLabel('Time zone').selectOption('Europe/Paris');
  await page.getByLabel('Monday closes').fill('08:00');
  await page.getByRole('button', { name: 'Add holiday' }).click();
  await page.getByLabel('Date of holiday 1').fill('2026-12-25');
  await page.getByLabel('Name of holiday 1').fill('Christmas');
  await page.getByLabel('Take the bot’s “No agent available” path').check();
  await page.getByRole('button', { name: 'Create queue' }).click();
  await expect(
    page.getByText('Monday: the closing time must be after the opening time.'),
  ).toBeVisible();
  await page.getByLabel('Monday closes').fill('17:30');
  await page.getByRole('button', { name: 'Create queue' }).click();

  const returnsRow = page.getByRole('row', { name: /Returns/ });
  await expect(returnsRow).toContainText('Business hours');
  await expect(returnsRow.getByRole('cell').nth(2)).toHaveText('1');
  await returnsRow.getByRole('link', { name: 'Returns' }).click();
  await expect(page.getByLabel('Time zone')).toHaveValue('Europe/Paris');
  await expect(page.getByLabel('Monday closes')).toHaveValue('17:30');
  await expect(page.getByLabel('Name of holiday 1')).toHaveValue('Christmas');
  await expect(page.getByLabel('Take the bot’s “No agent available” path')).toBeChecked();
  await expect(required.getByLabel('Minimum level for returns')).toHaveValue('4');

  await openRoutingSection(page, 'Agents');
  await page.getByRole('button', { name: 'Edit Bob Agent' }).click();
  const bob = page.getByRole('dialog', { name: 'Edit Bob Agent' });
  await bob.getByLabel('Capacity').fill('0');
  await bob.getByRole('button', { name: 'Save agent' }).click();
  await expect(bob.getByText('Capacity must be at least 1.')).toBeVisible();
  await bob.getByLabel('Capacity').fill('5');
  const skills = bob.getByRole('group', { name: 'Skills' });
  await skills.getByRole('button', { name: 'Add skill' }).click();
  await skills.getByRole('combobox', { name: 'Skill', exact: true }).nth(1).selectOption('returns');
  await skills.getByLabel('Level for returns').fill('6');
  await bob.getByLabel('Returns', { exact: true }).check();
  await bob.getByRole('button', { name: 'Save agent' }).click();
  await expect(bob).toBeHidden();
  const bobRow = page.getByRole('row', { name: /Bob Agent/ });
  await expect(bobRow).toContainText('0 of 5 in use');
  await expect(bobRow).toContainText('accounts 7, returns 6');
  await expect(bobRow).toContainText('Accounts, Returns');

  await openRoutingSection(page, 'Presence statuses');
  await expect(page.getByRole('row', { name: /Lunch/ })).toContainText('no new work');
  await page.getByRole('button', { name: 'New status' }).click();
  const status = page.getByRole('dialog', { name: 'New status' });
  await status.getByLabel('Name').fill('Coaching');
  await status.getByLabel('Takes work').check();
  await status.getByRole('button', { name: 'Add status' }).click();
  await expect(page.getByRole('row', { name: /Coaching/ })).toContainText('takes work');

  await openRoutingSection(page, 'Quick texts');
  await page.getByRole('button', { name: 'New quick text' }).click();
  const text = page.getByRole('dialog', { name: 'New quick text' });
  await text.getByLabel('Title').fill('Refund timing');
  await text.getByLabel('Text').fill('Refunds reach you within 5 days, {{contact.name}}.');
  await text.getByRole('button', { name: 'Add quick text' }).click();
  await expect(page.getByRole('row', { name: /Refund timing/ })).toBeVisible();
  const search = page.getByRole('searchbox', { name: 'Search quick texts' });
  await search.fill('REFUND');
  await expect(page.getByRole('row')).toHaveCount(2);
  await expect(page.getByRole('row', { name: /Refund timing/ })).toBeVisible();
  await search.fill('order number');
  await expect(page.getByRole('row', { name: /Order lookup/ })).toBeVisible();
  await expect(page.getByRole('row', { name: /Refund timing/ })).toHaveCount(0);
});

test('the admin renames, edits and deletes routing records, each delete confirmed first', async ({
  page,
}) => {
  test.slow();
  await signIn(page, 'admin@acme.test');
  await page.goto('/admin/routing/skills');

  await page.getByRole('button', { name: 'New skill' }).click();
  const newSkill = page.getByRole('dialog', { name: 'New skill' });
  await newSkill.getByLabel('Name').fill('warranty');
  await newSkill.getByRole('button', { name: 'Add skill' }).click();
  await page.getByRole('button', { name: 'Rename warranty' }).click();
  const rename = page.getByRole('dialog', { name: 'Rename warranty' });
  await expect(rename.getByLabel('Name')).toHaveValue('warranty');
  await rename.getByLabel('Name').fill('');
  await rename.getByRole('button', { name: 'Rename skill' }).click();
  await expect(rename.locator('.field-error')).toBeVisible();
  await rename.getByLabel('Name').fill('guarantees');
  await rename.getByRole('button', { name: 'Rename skill' }).click();
  await expect(page.getByRole('row', { name: /guarantees/ })).toBeVisible();
  await page.getByRole('button', { name: 'Delete guarantees' }).click();
  const deleteSkill = page.getByRole('dialog', { name: 'Delete skill?' });
  await expect(deleteSkill).toContainText('Nobody holds “guarantees”.');
  await deleteSkill.getByRole('button', { name: 'Cancel' }).click();
  await expect(page.getByRole('row', { name: /guarantees/ })).toBeVisible();
  await page.getByRole('button', { name: 'Delete guarantees' }).click();
  await deleteSkill.getByRole('button', { name: 'Delete skill' }).click();
  await expect(page.getByRole('row', { name: /guarantees/ })).toHaveCount(0);

  await openRoutingSection(page, 'Presence statuses');
  await page.getByRole('button', { name: 'New status' }).click();
  await page.getByRole('dialog', { name: 'New status' }).getByLabel('Name').fill('Meeting');
  await page.getByRole('button', { name: 'Add status' }).click();
  await expect(page.getByRole('row', { name: /Meeting/ })).toContainText('no new work');
  await page.getByRole('button', { name: 'Edit Meeting' }).click();
  const editStatus = page.getByRole('dialog', { name: 'Edit Meeting' });
  await editStatus.getByLabel('Takes work').check();
  await editStatus.getByRole('button', { name: 'Save status' }).click();
  await expect(page.getByRole('row', { name: /Meeting/ })).toContainText('takes work');
  await page.getByRole('button', { name: 'Delete Meeting' }).click();
  const deleteStatus = page.getByRole('dialog', { name: 'Delete status?' });
  await expect(deleteStatus).toContainText('Nobody is in “Meeting” now.');
  await deleteStatus.getByRole('button', { name: 'Delete status' }).click();
  await expect(page.getByRole('row', { name: /Meeting/ })).toHaveCount(0);

  await openRoutingSection(page, 'Quick texts');
  await page.getByRole('button', { name: 'New quick text' }).click();
  const newText = page.getByRole('dialog', { name: 'New quick text' });
  await newText.getByLabel('Title').fill('Order number');
  await newText.getByLabel('Text').fill('Which order is it, {{contact.name}}?');
  await newText.getByRole('button', { name: 'Add quick text' }).click();
  await page.getByRole('button', { name: 'Edit Order number' }).click();
  const editText = page.getByRole('dialog', { name: 'Edit Order number' });
  await expect(editText.getByLabel('Text')).toHaveValue('Which order is it, {{contact.name}}?');
  await editText.getByLabel('Title').fill('Order number please');
  await editText.getByRole('button', { name: 'Save quick text' }).click();
  await expect(page.getByRole('row', { name: /Order number please/ })).toBeVisible();
  await page.getByRole('button', { name: 'Delete Order number please' }).click();
  const deleteText = page.getByRole('dialog', { name: 'Delete quick text?' });
  await expect(deleteText).toContainText(
    'Agents will no longer find “Order number please” in the console.',
  );
  await deleteText.getByRole('button', { name: 'Delete quick text' }).click();
  await expect(page.getByRole('row', { name: /Order number please/ })).toHaveCount(0);

  await openRoutingSection(page, 'Queues');
  await page.getByRole('link', { name: 'New queue' }).click();
  await page.getByLabel('Name', { exact: true }).fill('Short-lived');
  await page.getByRole('button', { name: 'Create queue' }).click();
  await page.getByRole('button', { name: 'Delete Short-lived' }).click();
  const deleteQueue = page.getByRole('dialog', { name: 'Delete queue?' });
  await expect(deleteQueue).toContainText(
    'Bots handing off to “Short-lived” will take their “No agent available” path.',
  );
  await deleteQueue.getByRole('button', { name: 'Delete queue' }).click();
  await expect(page.getByRole('row', { name: /Short-lived/ })).toHaveCount(0);
});

test('a supervisor cannot open Admin → Routing', async ({ page }) => {
  await signIn(page, 'supervisor@acme.test');
  await page.goto('/admin/routing/queues');
  await expect(page.getByRole('heading', { name: 'You don’t have access to Admin' })).toBeVisible();
  await expect(page.getByRole('navigation', { name: 'Routing' })).toHaveCount(0);
});
