import { expect, type Page, test } from '@playwright/test';
import { nodeGeometry } from '../app/(studio)/studio/bots/[botId]/_canvas/nodeGeometry';
import { createBot, signIn } from './helpers';

test.use({ viewport: { width: 1600, height: 1000 } });

/**
 * The canvas draws nodes and edges from predicted sizes and handle positions before the browser
 * has laid the nodes out. If the stylesheet and the prediction drift apart, edges end beside
 * their handles: this compares the two on every node of the template (each kind of node is in
 * it), drawn in full and zoomed out.
 */
test('nodes are laid out where the canvas predicted, handles included', async ({ page }) => {
  await signIn(page, 'designer@acme.test');
  await createBot(page, 'Geometry bot', 'customerSupport');
  const zoomIn = page.getByRole('button', { name: 'Zoom In' });
  for (let i = 0; i < 10 && (await page.locator('.flow-node.is-far').count()) > 0; i++) {
    await zoomIn.click();
  }
  await expect(page.locator('.flow-node.is-far')).toHaveCount(0);
  await expectPredictedLayout(page);

  const zoomOut = page.getByRole('button', { name: 'Zoom Out' });
  for (let i = 0; i < 10 && (await page.locator('.flow-node:not(.is-far)').count()) > 0; i++) {
    await zoomOut.click();
  }
  await expect(page.locator('.flow-node:not(.is-far)')).toHaveCount(0);
  await expectPredictedLayout(page);
});

async function expectPredictedLayout(page: Page) {
  const laidOut = await page.locator('.react-flow__node-flowNode').evaluateAll((elements) =>
    elements.map((element) => {
      const box = element.getBoundingClientRect();
      const zoom = box.width / (element as HTMLElement).offsetWidth;
      const handles = Array.from(element.querySelectorAll<HTMLElement>('.react-flow__handle')).map(
        (handle) => {
          const rect = handle.getBoundingClientRect();
          return {
            id: handle.dataset.handleid ?? '',
            x: (rect.left - box.left) / zoom,
            y: (rect.top - box.top) / zoom,
          };
        },
      );
      return {
        id: element.dataset.id ?? '',
        width: (element as HTMLElement).offsetWidth,
        height: (element as HTMLElement).offsetHeight,
        outputs: handles.filter((h) => h.id !== 'in').map((h) => h.id),
        hasInput: handles.some((h) => h.id === 'in'),
        handles,
      };
    }),
  );

  expect(laidOut.length).toBeGreaterThan(5);
  expect(laidOut.some((node) => node.outputs.length >= 3)).toBe(true);
  for (const node of laidOut) {
    const predicted = nodeGeometry(node.outputs, node.hasInput);
    expect({ id: node.id, width: node.width, height: node.height }).toEqual({
      id: node.id,
      width: predicted.width,
      height: predicted.height,
    });
    for (const handle of node.handles) {
      const expected = predicted.handles.find((h) => h.id === handle.id);
      expect(expected, `${node.id} has a handle ${handle.id}`).toBeDefined();
      expect(Math.abs(handle.x - (expected?.x ?? 0)), `${node.id}/${handle.id} x`).toBeLessThan(
        0.6,
      );
      expect(Math.abs(handle.y - (expected?.y ?? 0)), `${node.id}/${handle.id} y`).toBeLessThan(
        0.6,
      );
    }
  }
}
