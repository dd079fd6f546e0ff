import { expect, type Page, test } from '@playwright/test';
import { clickEmptyCanvas, createBot, signIn } from './helpers';

test.use({ viewport: { width: 1600, height: 1000 } });
test.describe.configure({ timeout: 120_000 });

/**
 * Headless Chromium does not turn Ctrl/Cmd+C and V into clipboard events, so the test sends
 * them the way the browser does, carrying the clipboard's text; returns what it holds after.
 */
async function clipboardEvent(page: Page, type: 'copy' | 'paste', text = ''): Promise<string> {
  return page.evaluate(
    ([type, text]) => {
      const clipboardData = new DataTransfer();
      if (text) clipboardData.setData('text/plain', text);
      const target = document.activeElement ?? document.body;
      target.dispatchEvent(
        new ClipboardEvent(type, { clipboardData, bubbles: true, cancelable: true }),
      );
      return clipboardData.getData('text/plain');
    },
    [type, text] as const,
  );
}

test('a designer finds a node, duplicates it, and pastes a copy into another bot', async ({
  page,
}) => {
  await signIn(page, 'designer@acme.test');
  await createBot(page, 'Find and copy bot', 'customerSupport');
  await clickEmptyCanvas(page);

  await page.keyboard.press('ControlOrMeta+f');
  const find = page.getByRole('search', { name: 'Find a node' });
  await find.getByRole('searchbox').fill('anything else');
  await expect(page.getByTestId('flow-node-anythingElse')).toHaveClass(/is-found/);
  await find.getByRole('searchbox').press('Enter');
  await expect(find.getByRole('status')).toHaveText('1 of 1');
  await expect(page.getByTestId('flow-node-goodbye')).not.toHaveClass(/is-found/);
  await find.getByRole('searchbox').press('Escape');
  await expect(find).toHaveCount(0);

  await page.getByTestId('flow-node-goodbye').click();
  await page.keyboard.press('ControlOrMeta+d');
  await expect(page.getByTestId('flow-node-end1')).toBeVisible();
  await expect(page.getByTestId('flow-node-end1')).toHaveClass(/is-selected/);
  const copied = await clipboardEvent(page, 'copy');
  expect(copied).toContain('parley.flowFragment');
  await expect(page.getByTestId('save-status')).toHaveText('All changes saved');

  await createBot(page, 'Paste target bot', 'blank');
  await clickEmptyCanvas(page);
  await clipboardEvent(page, 'paste', copied);
  await expect(page.getByTestId('flow-node-end1')).toBeVisible();
  await expect(page.getByTestId('flow-node-end1')).toContainText('Thanks for chatting with us');
  await page.keyboard.press('ControlOrMeta+z');
  await expect(page.getByTestId('flow-node-end1')).toHaveCount(0);
});
