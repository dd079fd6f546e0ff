import { expect, type Locator, type Page, test } from '@playwright/test';
import { clickEmptyCanvas, createBot, openEditor, signIn } from './helpers';

test.use({ viewport: { width: 1600, height: 1000 } });
test.describe.configure({ timeout: 120_000 });

async function box(locator: Locator) {
  await expect(locator).toBeVisible();
  const found = await locator.boundingBox();
  if (!found) throw new Error('element is not on screen');
  return found;
}

/** Presses the mouse at `from`, moves in small steps as a hand would, and lets go at `to`. */
async function drag(page: Page, from: { x: number; y: number }, to: { x: number; y: number }) {
  await page.mouse.move(from.x, from.y);
  await page.mouse.down();
  await page.mouse.move((from.x + to.x) / 2, (from.y + to.y) / 2, { steps: 5 });
  await page.mouse.move(to.x, to.y, { steps: 5 });
  await page.mouse.up();
}

test('a designer leaves a sticky note that undo takes back and a reload keeps', async ({
  page,
}) => {
  await signIn(page, 'designer@acme.test');
  await createBot(page, 'Notes bot');

  // Pan the start node out of the middle, where the new note lands.
  const canvas = await box(page.getByTestId('flow-canvas'));
  await drag(page, { x: canvas.x + 60, y: canvas.y + 60 }, { x: canvas.x + 60, y: canvas.y + 460 });

  await page.getByRole('button', { name: 'Add note' }).click();
  const note = page.getByTestId('sticky-note-note1');
  const text = note.getByRole('textbox', { name: 'Note text' });
  await expect(text).toBeFocused();
  await page.keyboard.type('Ask legal about\nthe refund wording');
  await expect(text).toHaveValue('Ask legal about\nthe refund wording');

  await clickEmptyCanvas(page);
  await page.keyboard.press('ControlOrMeta+z');
  await expect(text).toHaveValue('');
  await page.keyboard.press('ControlOrMeta+z');
  await expect(note).toHaveCount(0);
  await page.keyboard.press('ControlOrMeta+Shift+z');
  await page.keyboard.press('ControlOrMeta+Shift+z');
  await expect(text).toHaveValue('Ask legal about\nthe refund wording');

  await note.getByRole('button', { name: 'Pink' }).click();
  await expect(note).toHaveClass(/note-pink/);
  await expect(page.getByTestId('save-status')).toHaveText('All changes saved');

  await openEditor(page);
  await expect(text).toHaveValue('Ask legal about\nthe refund wording');
  await expect(note).toHaveClass(/note-pink/);

  // Select the note by its top bar, away from its buttons, and delete it with the keyboard. The
  // canvas may still be settling after the reload, so the click is repeated until it selects.
  const cornerHandle = note.locator('.react-flow__resize-control.handle.bottom.right');
  await expect(async () => {
    const bar = await box(note.locator('.sticky-note-bar'));
    await page.mouse.click(bar.x + bar.width * 0.6, bar.y + bar.height / 2);
    await expect(cornerHandle).toBeVisible({ timeout: 2_000 });
  }).toPass();

  // Resizing from a corner is one step for undo.
  const size = await box(note);
  const corner = await box(cornerHandle);
  const grab = { x: corner.x + corner.width / 2, y: corner.y + corner.height / 2 };
  await drag(page, grab, { x: grab.x + 120, y: grab.y + 80 });
  await expect.poll(async () => (await box(note)).width).toBeGreaterThan(size.width + 100);
  await page.keyboard.press('ControlOrMeta+z');
  await expect.poll(async () => Math.round((await box(note)).width)).toBe(Math.round(size.width));

  await page.keyboard.press('Delete');
  await expect(note).toHaveCount(0);
  await page.keyboard.press('ControlOrMeta+z');
  await expect(note).toBeVisible();
  await note.getByRole('button', { name: 'Delete note' }).click();
  await expect(note).toHaveCount(0);
  await expect(page.getByTestId('save-status')).toHaveText('All changes saved');
});

test('dropping a connection on empty canvas offers the steps to add there', async ({ page }) => {
  await signIn(page, 'designer@acme.test');
  await createBot(page, 'Picker bot');
  const output = await box(
    page.locator('.react-flow__handle[data-nodeid="start"][data-handleid="next"]'),
  );
  const from = { x: output.x + output.width / 2, y: output.y + output.height / 2 };
  const picker = page.getByRole('dialog', { name: 'Add a connected step' });

  await drag(page, from, { x: from.x + 40, y: from.y + 220 });
  await expect(picker.getByRole('combobox', { name: 'Step type' })).toBeFocused();
  await page.keyboard.press('Escape');
  await expect(picker).toHaveCount(0);

  await drag(page, from, { x: from.x + 40, y: from.y + 220 });
  await page.keyboard.type('messa');
  const options = picker.getByRole('option');
  await expect(options.first()).toHaveAccessibleName('Message');
  await expect(options.first()).toHaveAttribute('aria-selected', 'true');
  await page.keyboard.press('ArrowDown');
  await page.keyboard.press('ArrowUp');
  await expect(picker.getByRole('option', { name: 'Message' })).toHaveAttribute(
    'aria-selected',
    'true',
  );
  await page.keyboard.press('Enter');

  await expect(picker).toHaveCount(0);
  await expect(page.getByTestId('flow-node-message1')).toBeVisible();
  const edge = page.locator('[aria-label="Edge from start (next) to message1"]');
  await expect(edge).toHaveCount(1);

  // The node and its connection were one change.
  await clickEmptyCanvas(page);
  await page.keyboard.press('ControlOrMeta+z');
  await expect(page.getByTestId('flow-node-message1')).toHaveCount(0);
  await expect(edge).toHaveCount(0);
});

test('a QA user reads the notes in the draft, a version and a comparison, unchangeable', async ({
  page,
}) => {
  await signIn(page, 'qa@acme.test');
  await page.goto('/studio');
  await page.getByRole('link', { name: 'Customer support' }).click();
  const note = page.getByTestId('sticky-note-note-fallback');
  const readOnlyNote = async () => {
    await expect(note).toContainText('After two misunderstood messages');
    await expect(note.getByRole('textbox')).toHaveCount(0);
    await expect(note.getByRole('button', { name: 'Delete note' })).toHaveCount(0);
  };
  await readOnlyNote();

  await page.getByRole('tab', { name: 'Versions' }).click();
  const versions = page.getByRole('list', { name: 'Versions' });
  await versions.getByRole('button', { name: 'Open' }).first().click();
  await expect(page.getByText(/Version \d+, read-only/)).toBeVisible();
  await readOnlyNote();

  await page.getByRole('tab', { name: 'Versions' }).click();
  await versions
    .getByRole('button', { name: /Compare version \d+ with draft/ })
    .first()
    .click();
  await expect(page.getByText(/Comparing Version \d+ → Draft/)).toBeVisible();
  await readOnlyNote();
});
