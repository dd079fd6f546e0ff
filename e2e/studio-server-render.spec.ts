import { expect, type Page, test } from '@playwright/test';
import { createBot, openEditor, signIn } from './helpers';

const viewport = { width: 1600, height: 1000 };
test.use({ viewport });

const viewportTransform = (page: Page) =>
  page.locator('.react-flow__viewport').evaluate((element) => {
    const { a, e, f } = new DOMMatrix(getComputedStyle(element).transform);
    return { zoom: a, x: e, y: f };
  });

/**
 * A large flow takes a while to draw in the browser, so the server sends the editor with the
 * canvas already drawn, fitted into the pane size the browser remembered. Seen here with
 * scripts switched off: what the page shows before its code runs.
 */
test('the editor arrives with the flow drawn, fitted and its problems marked', async ({
  page,
  browser,
}) => {
  await signIn(page, 'designer@acme.test');
  await createBot(page, 'Server-drawn bot', 'customerSupport');
  await page.getByTestId('palette-message').click();
  const faulty = page.locator('.flow-node[data-severity="error"]');
  await expect(faulty).toHaveCount(1);
  const faultyId = await faulty.getAttribute('data-testid');
  await expect(page.getByTestId('save-status')).toHaveText('All changes saved');
  const url = page.url();
  await openEditor(page, url);
  const edgeCount = await page.locator('.react-flow__edge').count();
  const nodeCount = await page.locator('.react-flow__node-flowNode').count();
  expect(edgeCount).toBeGreaterThan(10);
  const fitted = await viewportTransform(page);

  const noScript = await browser.newContext({
    viewport,
    javaScriptEnabled: false,
    storageState: await page.context().storageState(),
  });
  try {
    const drawn = await noScript.newPage();
    await drawn.goto(url);
    await expect(drawn.getByTestId('flow-node-start')).toBeVisible();
    await expect(drawn.locator('.react-flow__node-flowNode')).toHaveCount(nodeCount);
    await expect(drawn.locator('.react-flow__edge')).toHaveCount(edgeCount);
    await expect(drawn.getByTestId(faultyId ?? '')).toHaveAttribute('data-severity', 'error');
    // Not yet usable, and it says so.
    await expect(drawn.getByTestId('flow-canvas')).not.toHaveAttribute('data-interactive', '');
    await expect(drawn.locator('.react-flow__pane')).toHaveCSS('cursor', 'progress');

    // The same fit the browser makes, so nothing jumps when the page's code takes over.
    const served = await viewportTransform(drawn);
    expect(served.zoom).toBeCloseTo(fitted.zoom, 3);
    expect(Math.abs(served.x - fitted.x)).toBeLessThan(1);
    expect(Math.abs(served.y - fitted.y)).toBeLessThan(1);
  } finally {
    await noScript.close();
  }
});
