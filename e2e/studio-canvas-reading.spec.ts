import { expect, type Page, test } from '@playwright/test';
import { LABEL_ZOOM } from '../app/(studio)/studio/bots/[botId]/_canvas/zoomLevels';
import { openEditor, signIn } from './helpers';

/** A common laptop window: the size at which the demo bot used to open as blank boxes. */
const LAPTOP = { width: 1440, height: 900 };
test.use({ viewport: LAPTOP });
test.describe.configure({ timeout: 90_000 });

const viewportTransform = (page: Page) =>
  page.locator('.react-flow__viewport').evaluate((element) => {
    const { a, e, f } = new DOMMatrix(getComputedStyle(element).transform);
    return { zoom: a, x: e, y: f };
  });

function canvasNode(page: Page, id: string) {
  return page.locator(`.react-flow__node[data-id="${id}"]`);
}

async function openDemoBot(page: Page) {
  await signIn(page, 'designer@acme.test');
  await page.goto('/studio');
  await page.getByRole('link', { name: 'Customer support' }).click();
  await expect(page.getByTestId('flow-node-start')).toBeVisible();
  await openEditor(page);
}

test('the demo bot opens on its start node with the labels drawn, the minimap showing the rest', async ({
  page,
}) => {
  await openDemoBot(page);

  const { zoom } = await viewportTransform(page);
  expect(zoom).toBeGreaterThanOrEqual(LABEL_ZOOM);
  const labels: [string, string][] = [
    ['start', 'Start'],
    ['greet', 'Greeting'],
    ['menu', 'Main menu'],
  ];
  for (const [id, label] of labels) {
    const node = page.getByTestId(`flow-node-${id}`);
    await expect(node).toBeInViewport();
    await expect(node.locator('.flow-node-label')).toHaveText(label);
    await expect(node.locator('.flow-node-label')).toBeVisible();
  }
  // Centred across the canvas, near its top, so the flow below it fills the view.
  const canvas = await page.getByTestId('flow-canvas').boundingBox();
  const start = await page.getByTestId('flow-node-start').boundingBox();
  if (!canvas || !start) throw new Error('canvas or start node not laid out');
  expect(Math.abs(start.x + start.width / 2 - (canvas.x + canvas.width / 2))).toBeLessThan(2);
  expect(start.y - canvas.y).toBeLessThan(canvas.height / 4);
  await expect(page.getByRole('img', { name: 'Minimap' })).toBeVisible();
  await expect(page.locator('.react-flow__minimap-node')).toHaveCount(38);
});

test('with the preview open the canvas keeps more than half the window', async ({ page }) => {
  await openDemoBot(page);
  await page.getByRole('button', { name: 'Preview', exact: true }).click();
  const preview = page.getByRole('region', { name: 'Preview' });
  await expect(
    preview.getByTestId('preview-chat').getByText(/^Hi! I'm the Parley assistant/),
  ).toBeVisible();

  const canvas = await page.getByTestId('flow-canvas').boundingBox();
  expect(canvas?.width ?? 0).toBeGreaterThanOrEqual(LAPTOP.width / 2);
  // The inspector is one tab away, and the conversation is still there when coming back.
  await page.getByRole('tab', { name: 'Inspector' }).click();
  await expect(preview).toBeHidden();
  await page.getByRole('tab', { name: 'Preview' }).click();
  await expect(
    preview.getByTestId('preview-chat').getByText(/^Hi! I'm the Parley assistant/),
  ).toBeVisible();
  await page.getByRole('button', { name: 'Close preview' }).click();
  await expect(page.getByRole('tab', { name: 'Preview' })).toHaveCount(0);
  await expect(page.getByRole('tab', { name: 'Inspector' })).toHaveAttribute(
    'aria-selected',
    'true',
  );
});

test('the way the preview conversation went is drawn on the canvas', async ({ page }) => {
  await openDemoBot(page);
  await page.getByRole('button', { name: 'Preview', exact: true }).click();
  const chat = page.getByRole('region', { name: 'Preview' }).getByTestId('preview-chat');
  await expect(chat.getByText(/^Hi! I'm the Parley assistant/)).toBeVisible();
  await expect(canvasNode(page, 'menu')).toHaveClass(/is-preview-current/);
  await expect(canvasNode(page, 'greet')).toHaveClass(/is-preview-visited/);

  await chat.getByRole('textbox', { name: 'Message' }).fill('where is my order A1001');
  await chat.getByRole('textbox', { name: 'Message' }).press('Enter');
  await expect(chat.getByText('Order A1001 is shipped.')).toBeVisible();

  await expect(canvasNode(page, 'anythingElse')).toHaveClass(/is-preview-current/);
  for (const id of [
    'start',
    'greet',
    'menu',
    'topicOrders',
    'lookupOrder',
    'orderFound',
    'orderAnswer',
  ]) {
    await expect(canvasNode(page, id)).toHaveClass(/is-preview-visited/);
  }
  for (const id of ['orderMissing', 'topicAccounts', 'faqSearch']) {
    await expect(canvasNode(page, id)).not.toHaveClass(/is-preview-(visited|current)/);
  }
  const taken = page.locator('.react-flow__edge.is-preview-visited');
  await expect(taken).toHaveCount(7);
  const edge = (label: string) =>
    page.locator(`[aria-roledescription="edge"][aria-label="${label}"]`);
  await expect(
    edge('Edge from orderFound (true) to orderAnswer, taken in the preview'),
  ).toHaveClass(/is-preview-visited/);
  await expect(edge('Edge from orderFound (false) to orderMissing')).not.toHaveClass(
    /is-preview-visited/,
  );

  await page
    .getByRole('region', { name: 'Preview' })
    .getByRole('button', { name: 'Restart' })
    .click();
  await expect(chat.getByText('Order A1001 is shipped.')).toHaveCount(0);
  await expect(taken).toHaveCount(2);
  await expect(canvasNode(page, 'orderAnswer')).not.toHaveClass(/is-preview-visited/);

  await page.getByRole('button', { name: 'Close preview' }).click();
  await expect(page.locator('.react-flow__node.is-preview-visited')).toHaveCount(0);
  await expect(taken).toHaveCount(0);
});
