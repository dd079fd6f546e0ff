import { expect, type Page, test } from '@playwright/test';
import { createBot, signIn } from './helpers';

test.use({ viewport: { width: 1600, height: 1000 } });

interface Box {
  id: string;
  x: number;
  y: number;
  width: number;
  height: number;
}

/** Every flow node's box in flow coordinates, read from React Flow's own transform. */
function flowNodeBoxes(page: Page): Promise<Box[]> {
  return page.locator('.react-flow__node-flowNode').evaluateAll((elements) =>
    elements.map((element) => {
      const html = element as HTMLElement;
      const match = /translate\((-?[\d.]+)px,\s*(-?[\d.]+)px\)/.exec(html.style.transform);
      return {
        id: html.dataset.id ?? '',
        x: Number(match?.[1]),
        y: Number(match?.[2]),
        width: html.offsetWidth,
        height: html.offsetHeight,
      };
    }),
  );
}

function overlapping(boxes: Box[]): string[] {
  const pairs: string[] = [];
  for (const [i, a] of boxes.entries()) {
    for (const b of boxes.slice(i + 1)) {
      const apart =
        a.x + a.width <= b.x ||
        b.x + b.width <= a.x ||
        a.y + a.height <= b.y ||
        b.y + b.height <= a.y;
      if (!apart) pairs.push(`${a.id}/${b.id}`);
    }
  }
  return pairs;
}

test('auto-layout untangles the template and undo puts every node back', async ({ page }) => {
  await signIn(page, 'designer@acme.test');
  await createBot(page, 'Layout bot', 'customerSupport');
  const before = await flowNodeBoxes(page);
  // The template as drawn by hand has nodes on top of each other: something to untangle.
  expect(overlapping(before).length).toBeGreaterThan(0);

  await page.getByRole('button', { name: 'Auto-layout' }).click();
  await expect.poll(async () => overlapping(await flowNodeBoxes(page))).toEqual([]);
  const after = await flowNodeBoxes(page);
  expect(after).toHaveLength(before.length);
  // Top-down along the edges: the start comes first, the greeting below it.
  const y = (id: string) => after.find((box) => box.id === id)?.y ?? Number.NaN;
  expect(y('start')).toBeLessThan(y('greet'));
  expect(y('greet')).toBeLessThan(y('menu'));
  await expect(page.getByTestId('save-status')).toHaveText('All changes saved');

  await page.keyboard.press('ControlOrMeta+z');
  await expect.poll(() => flowNodeBoxes(page)).toEqual(before);
  await page.keyboard.press('ControlOrMeta+Shift+z');
  await expect.poll(() => flowNodeBoxes(page)).toEqual(after);
});
