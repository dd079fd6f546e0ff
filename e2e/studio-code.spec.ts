import { expect, type Page, test } from '@playwright/test';
import { createBot, signIn } from './helpers';

test.use({ viewport: { width: 1600, height: 1000 } });
test.describe.configure({ timeout: 120_000 });

/**
 * Replaces everything in the Monaco editor on screen with `text`. Monaco closes brackets and
 * quotes as they are typed, so whatever it added after the cursor is removed.
 */
async function replaceCode(page: Page, text: string) {
  await page.locator('.flow-code .monaco-editor .view-lines').click();
  await page.keyboard.press('ControlOrMeta+a');
  await page.keyboard.insertText(text);
  await page.keyboard.press('ControlOrMeta+Shift+End');
  await page.keyboard.press('Delete');
}

const codedFlow = {
  schemaVersion: 1,
  nodes: [
    { id: 'start', type: 'start', label: 'Start' },
    { id: 'hello', type: 'message', label: 'Hello', data: { text: 'Hello from the code view' } },
    {
      id: 'calc',
      type: 'action',
      label: 'Compute',
      data: { action: 'script', inputs: [{ name: 'source', value: 'return { total: 42 };' }] },
    },
  ],
  edges: [{ id: 'e1', sourceNodeId: 'start', sourceOutput: 'next', targetNodeId: 'hello' }],
  layout: { nodes: { start: { x: 0, y: 0 }, hello: { x: 0, y: 160 }, calc: { x: 320, y: 160 } } },
};

test('a designer edits the flow as JSON: invalid edits are refused, valid ones applied and undoable', async ({
  page,
}) => {
  await signIn(page, 'designer@acme.test');
  await createBot(page, 'Code view bot');

  await page.getByRole('button', { name: 'Code' }).click();
  const code = page.getByRole('region', { name: 'Flow as JSON' });
  await expect(code.locator('.monaco-editor')).toBeVisible();
  await expect(code.locator('.view-lines')).toContainText('schemaVersion');

  await replaceCode(
    page,
    JSON.stringify({ schemaVersion: 1, nodes: [{ id: 'start', type: 'nope' }] }),
  );
  await code.getByRole('button', { name: 'Apply changes' }).click();
  await expect(code.getByRole('alert')).toContainText('nodes.0.type: Unknown node type "nope".');

  await replaceCode(page, JSON.stringify(codedFlow));
  await code.getByRole('button', { name: 'Apply changes' }).click();
  await expect(code.getByRole('alert')).toHaveCount(0);
  await expect(code.getByRole('button', { name: 'Apply changes' })).toBeDisabled();

  await page.getByRole('button', { name: 'Code' }).click();
  await expect(page.getByTestId('flow-node-hello')).toContainText('Hello from the code view');
  await page.getByTestId('flow-node-calc').click();
  const script = page.getByRole('form', { name: /Settings of/ }).locator('.monaco-editor');
  await expect(script).toBeVisible();
  await expect(script.locator('.view-lines')).toContainText('total');
  await expect(page.getByTestId('save-status')).toHaveText('All changes saved');

  await page.getByRole('button', { name: 'Undo' }).click();
  await expect(page.getByTestId('flow-node-hello')).toHaveCount(0);
  await page.getByRole('button', { name: 'Redo' }).click();
  await expect(page.getByTestId('flow-node-hello')).toBeVisible();
});
