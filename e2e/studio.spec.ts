import { type Browser, expect, type Locator, type Page, test } from '@playwright/test';
import { openEditor, signIn } from './helpers';

// A roomy window, so the canvas shows a whole branch of the template at a readable zoom.
test.use({ viewport: { width: 1600, height: 1000 } });
// Each test is a whole editing session on a shared, busy machine.
test.describe.configure({ mode: 'serial', timeout: 120_000 });

let botUrl = '';

function node(page: Page, id: string): Locator {
  return page.getByTestId(`flow-node-${id}`);
}

function handle(page: Page, nodeId: string, handleId: string): Locator {
  return page.locator(`.react-flow__handle[data-nodeid="${nodeId}"][data-handleid="${handleId}"]`);
}

async function centreOf(locator: Locator) {
  const box = await locator.boundingBox();
  if (!box) throw new Error('element is not on screen');
  return { x: box.x + box.width / 2, y: box.y + box.height / 2 };
}

/** Drags from one handle to another with the mouse, the way a person connects two nodes. */
async function connectHandles(page: Page, from: Locator, to: Locator) {
  const start = await centreOf(from);
  const end = await centreOf(to);
  await page.mouse.move(start.x, start.y);
  await page.mouse.down();
  await page.mouse.move((start.x + end.x) / 2, (start.y + end.y) / 2, { steps: 5 });
  await page.mouse.move(end.x, end.y, { steps: 5 });
  await page.mouse.up();
}

/** Waits out the canvas's animated centring, so handles are measured where they come to rest. */
async function viewportSettled(page: Page) {
  const viewport = page.locator('.react-flow__viewport');
  let last = '';
  await expect
    .poll(async () => {
      const now = await viewport.evaluate((element) => getComputedStyle(element).transform);
      const settled = now === last;
      last = now;
      return settled;
    })
    .toBe(true);
}

async function openBotAs(browser: Browser, email: string) {
  const context = await browser.newContext({ viewport: { width: 1600, height: 1000 } });
  const page = await context.newPage();
  await signIn(page, email);
  await openEditor(page, botUrl);
  await expect(node(page, 'start')).toBeVisible();
  return { context, page };
}

test('a designer builds on the template, fixes what the validator marks and publishes v1', async ({
  page,
}) => {
  await signIn(page, 'designer@acme.test');
  await page.goto('/studio');
  await expect(page.getByRole('link', { name: 'Customer support' })).toBeVisible();

  await page.getByRole('button', { name: 'New bot' }).click();
  const dialog = page.getByRole('dialog', { name: 'New bot' });
  await dialog.getByLabel('Name').fill('Studio e2e bot');
  await dialog.getByLabel('Start from').selectOption('customerSupport');
  await dialog.getByRole('button', { name: 'Create bot' }).click();
  await expect(page.getByRole('heading', { name: 'Studio e2e bot' })).toBeVisible();
  botUrl = page.url();
  await expect(node(page, 'goodbye')).toBeVisible();
  await expect(page.getByTestId('save-status')).toHaveText('All changes saved');

  // Drop a message just below "Goodbye", where the template leaves room.
  const goodbye = await node(page, 'goodbye').boundingBox();
  const canvas = await page.getByTestId('flow-canvas').boundingBox();
  if (!goodbye || !canvas) throw new Error('canvas not drawn');
  await page.getByTestId('palette-message').dragTo(page.getByTestId('flow-canvas'), {
    targetPosition: {
      x: goodbye.x - canvas.x + goodbye.width / 2,
      y: goodbye.y - canvas.y + goodbye.height + 90,
    },
  });
  const added = node(page, 'message1');
  await expect(added).toBeVisible();
  await expect(added).toHaveAttribute('data-severity', 'error');

  const inspector = page.getByRole('form', { name: /Settings of/ });
  await inspector.getByLabel('Label', { exact: true }).fill('Extra help');
  await inspector.getByLabel('Text').fill('Our help centre is open around the clock.');
  // Centre the new node from the problems panel (which zooms in far enough to read the node,
  // drawn smaller when the template is fitted), then wire it in between "Anything else?" and
  // "Goodbye".
  await page.getByRole('tab', { name: /Problems/ }).click();
  await page
    .getByRole('list', { name: 'Problems' })
    .getByRole('button', { name: /Extra help/ })
    .first()
    .click();
  await viewportSettled(page);
  await expect(added).toContainText('Our help centre is open around the clock.');
  await connectHandles(
    page,
    handle(page, 'needsMoreCheck', 'false'),
    handle(page, 'message1', 'in'),
  );
  await connectHandles(page, handle(page, 'message1', 'next'), handle(page, 'goodbye', 'in'));
  await expect(added).toHaveAttribute('data-severity', 'none');

  // Undo takes the last connection away (the mark comes back); redo restores it.
  await page
    .getByTestId('flow-canvas')
    .locator('.react-flow__pane')
    .click({ position: { x: 5, y: 5 } });
  await page.keyboard.press('ControlOrMeta+z');
  await expect(added).toHaveAttribute('data-severity', 'error');
  await page.keyboard.press('ControlOrMeta+Shift+z');
  await expect(added).toHaveAttribute('data-severity', 'none');
  await expect(page.getByTestId('save-status')).toHaveText('All changes saved');

  await page.getByRole('button', { name: 'Publish…' }).click();
  const publish = page.getByRole('dialog', { name: 'Publish a new version' });
  await publish.getByLabel('Note').fill('Adds an extra help message');
  // Its template's test cases have not run on this draft: publishing asks first.
  await publish.getByLabel('Publish anyway').check();
  await publish.getByRole('button', { name: 'Publish' }).click();
  await expect(page.getByRole('status').filter({ hasText: 'Published version 1.' })).toBeVisible();

  await page.getByRole('tab', { name: 'Versions' }).click();
  const versions = page.getByRole('list', { name: 'Versions' });
  await expect(versions).toContainText('Version 1');
  await expect(versions).toContainText('Dana Designer');
  await expect(versions).toContainText('Adds an extra help message');

  // After a reload the draft is exactly what was saved.
  await openEditor(page);
  await node(page, 'message1').click();
  const reloaded = page.getByRole('form', { name: /Settings of/ });
  await expect(reloaded.getByLabel('Label', { exact: true })).toHaveValue('Extra help');
  await expect(reloaded.getByLabel('Text')).toHaveValue(
    'Our help centre is open around the clock.',
  );
});

test('a save over someone else’s newer save shows who changed the draft', async ({ browser }) => {
  const designer = await openBotAs(browser, 'designer@acme.test');
  const admin = await openBotAs(browser, 'admin@acme.test');

  await node(admin.page, 'greet').click();
  await admin.page
    .getByRole('form', { name: /Settings of/ })
    .getByLabel('Label', { exact: true })
    .fill('Welcome');
  await expect(admin.page.getByTestId('save-status')).toHaveText('All changes saved');

  await node(designer.page, 'message1').click();
  await designer.page
    .getByRole('form', { name: /Settings of/ })
    .getByLabel('Label', { exact: true })
    .fill('Extra help, edited');
  const conflict = designer.page.locator('.alert[role="alert"]').filter({ hasText: 'Ada Admin' });
  await expect(conflict).toContainText('saved this bot');
  await expect(designer.page.getByTestId('save-status')).toHaveText('Not saved (conflict)');

  await conflict.getByRole('button', { name: 'Reload their version' }).click();
  await expect(node(designer.page, 'greet')).toContainText('Welcome');
  await expect(node(designer.page, 'message1')).toContainText('Extra help');
  await expect(designer.page.getByTestId('save-status')).toHaveText('All changes saved');

  await designer.context.close();
  await admin.context.close();
});

test('a QA user opens the bot but the canvas is read-only', async ({ browser }) => {
  const qa = await openBotAs(browser, 'qa@acme.test');
  const page = qa.page;
  await expect(page.getByText('Read-only', { exact: true })).toBeVisible();
  await expect(page.getByTestId('flow-canvas')).toHaveAttribute('data-readonly', 'true');
  await expect(page.getByRole('complementary', { name: 'Node palette' })).toHaveCount(0);
  await expect(page.getByRole('button', { name: 'Publish…' })).toHaveCount(0);

  // Dragging a node only pans the view: the node keeps its place relative to the others.
  const offset = async () => {
    const greet = await centreOf(node(page, 'greet'));
    const start = await centreOf(node(page, 'start'));
    return { x: greet.x - start.x, y: greet.y - start.y };
  };
  const before = await offset();
  await node(page, 'greet').click();
  await expect(
    page.getByRole('form', { name: /Settings of/ }).getByLabel('Label', { exact: true }),
  ).toBeDisabled();
  const greet = await centreOf(node(page, 'greet'));
  await page.mouse.move(greet.x, greet.y);
  await page.mouse.down();
  await page.mouse.move(greet.x + 200, greet.y + 150, { steps: 5 });
  await page.mouse.up();
  const after = await offset();
  expect(after.x).toBeCloseTo(before.x, 0);
  expect(after.y).toBeCloseTo(before.y, 0);
  await qa.context.close();
});

test('a designer compares the edited draft with v1, sees what changed and restores v1', async ({
  page,
}) => {
  await signIn(page, 'designer@acme.test');
  await openEditor(page, botUrl);
  await node(page, 'message1').click();
  await page
    .getByRole('form', { name: /Settings of/ })
    .getByLabel('Text')
    .fill('Our help centre is open on weekdays.');
  await page.getByTestId('palette-message').click();
  await expect(node(page, 'message2')).toBeVisible();
  await expect(page.getByTestId('save-status')).toHaveText('All changes saved');

  await page.getByRole('tab', { name: 'Versions' }).click();
  await page.getByRole('button', { name: 'Compare version 1 with draft' }).click();
  await expect(page.getByText('Comparing Version 1 → Draft')).toBeVisible();
  await expect(page.getByTestId('flow-canvas')).toHaveAttribute('data-readonly', 'true');
  await expect(node(page, 'message1')).toHaveAttribute('data-diff', 'changed');
  await expect(node(page, 'message2')).toHaveAttribute('data-diff', 'added');
  await expect(node(page, 'goodbye')).not.toHaveAttribute('data-diff');

  await node(page, 'message1').click();
  const changes = page.getByRole('region', { name: 'Selected node changes' });
  await expect(changes.getByRole('row', { name: /data\.text/ })).toContainText(
    'Our help centre is open around the clock.',
  );
  await expect(changes.getByRole('row', { name: /data\.text/ })).toContainText(
    'Our help centre is open on weekdays.',
  );
  await expect(changes.getByRole('row', { name: /output next/ })).toContainText('message2');

  await page.getByRole('button', { name: 'Restore version 1 to draft' }).click();
  await expect(
    page.getByRole('status').filter({ hasText: 'Draft restored from version 1.' }),
  ).toBeVisible();
  await node(page, 'message1').click();
  await expect(page.getByRole('form', { name: /Settings of/ }).getByLabel('Text')).toHaveValue(
    'Our help centre is open around the clock.',
  );
  await expect(node(page, 'message2')).toHaveCount(0);
  await expect(page.getByTestId('save-status')).toHaveText('All changes saved');

  await page.getByRole('tab', { name: 'Versions' }).click();
  await page.getByRole('button', { name: 'Compare version 1 with draft' }).click();
  await expect(page.getByRole('region', { name: 'Comparison' })).toContainText('No differences');
});
