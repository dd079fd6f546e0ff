import type { Browser, BrowserContextOptions, Page } from '@playwright/test';
import { type ProbeResult, probeScript } from './pageProbe';

export interface RunResult extends ProbeResult {
  /** Time from mouse-down plus first move to the viewport moving on screen. */
  firstPanMs: number;
  /** Frame intervals while the pane is dragged at the view the editor opened at. */
  frameIntervals: number[];
  /** The same drag after the canvas's "Fit View" control has fitted the whole flow. */
  fittedFrameIntervals: number[];
}

/** A desktop screen: the editor's side panels leave the canvas about 1,150 px wide. */
export const VIEWPORT = { width: 1920, height: 1080 };
const PAN_MS = 3_000;
const TAB_SETTLE_MS = 1_000;
/** One drag step per driver round trip; the pane follows a circle so it stays on screen. */
const PAN_RADIUS = 150;
const PAN_STEP_RADIANS = 0.08;
/** After a fit the canvas paints the flow again at its new zoom; the drag starts after that. */
const SETTLE_MS = 1_000;

/**
 * One cold open of the editor (a fresh browser context, so nothing is cached), then a
 * ~3 s drag of the pane while the page records every animation frame, at the view the editor
 * opened at and again after "Fit View".
 */
export async function measureRun(
  browser: Browser,
  storageState: BrowserContextOptions['storageState'],
  url: string,
  expectedNodes: number,
): Promise<RunResult> {
  const context = await browser.newContext({ viewport: VIEWPORT, storageState });
  try {
    const page = await context.newPage();
    // The designer's browser is already open: a new tab's renderer starts before the URL is
    // typed. Here browser and server share two cores, so navigating at once would time
    // Chromium starting processes on the core the server renders the page on.
    await page.waitForTimeout(TAB_SETTLE_MS);
    await page.addInitScript({ content: probeScript(expectedNodes) });
    await page.goto(url);
    const load = await page
      .waitForFunction(() => window.canvasProbe?.result(), undefined, {
        timeout: 60_000,
        polling: 100,
      })
      .catch(async (error) => {
        const drawn = await page.locator('.react-flow__node').count();
        throw new Error(`${drawn} of ${expectedNodes} nodes drawn: ${error}`);
      });
    const probe = (await load.jsonValue()) as ProbeResult;
    const firstPanMs = await firstPan(page);
    const frameIntervals = await pan(page);
    await zoomToFit(page);
    const fittedFrameIntervals = await pan(page);
    return { ...probe, firstPanMs, frameIntervals, fittedFrameIntervals };
  } finally {
    await context.close();
  }
}

/** A point where the pane itself is hit: not a node, an edge, the minimap or the controls. */
async function emptyPanePoint(page: Page) {
  const point = await page.evaluate(() => {
    const box = document.querySelector('.react-flow')?.getBoundingClientRect();
    if (!box) return null;
    for (let fy = 0.5; fy < 0.95; fy += 0.02) {
      for (let fx = 0.5; fx < 0.95; fx += 0.01) {
        const x = box.left + box.width * fx;
        const y = box.top + box.height * fy;
        if (document.elementFromPoint(x, y)?.classList.contains('react-flow__pane')) {
          return { x, y };
        }
      }
    }
    return null;
  });
  if (!point) throw new Error('no empty spot of the pane to drag');
  return point;
}

const viewportTransform = (page: Page) =>
  page.evaluate(
    () => document.querySelector<HTMLElement>('.react-flow__viewport')?.style.transform ?? '',
  );

async function firstPan(page: Page): Promise<number> {
  const { x, y } = await emptyPanePoint(page);
  const before = await viewportTransform(page);
  await page.mouse.move(x, y);
  const startedAt = await page.evaluate(() => performance.now());
  await page.mouse.down();
  await page.mouse.move(x + 20, y + 10, { steps: 2 });
  const moved = await page.waitForFunction(
    (old) => {
      const now = document.querySelector<HTMLElement>('.react-flow__viewport')?.style.transform;
      return now !== old && performance.now();
    },
    before,
    { polling: 'raf', timeout: 10_000 },
  );
  const movedAt = (await moved.jsonValue()) as number;
  await page.mouse.move(x, y);
  await page.mouse.up();
  return movedAt - startedAt;
}

/** Presses the canvas's own fit control and waits until the view has stopped moving. */
async function zoomToFit(page: Page) {
  const before = await viewportTransform(page);
  await page.getByRole('button', { name: 'Fit View' }).click();
  await page.waitForFunction(
    (old) => document.querySelector<HTMLElement>('.react-flow__viewport')?.style.transform !== old,
    before,
    { polling: 'raf', timeout: 10_000 },
  );
  await page.waitForTimeout(SETTLE_MS);
}

async function pan(page: Page): Promise<number[]> {
  const { x, y } = await emptyPanePoint(page);
  await page.mouse.move(x, y);
  await page.mouse.down();
  await page.evaluate(() => window.canvasProbe.startFrames());
  const until = Date.now() + PAN_MS;
  for (let angle = 0; Date.now() < until; angle += PAN_STEP_RADIANS) {
    await page.mouse.move(
      x + PAN_RADIUS * Math.sin(angle),
      y + PAN_RADIUS * (1 - Math.cos(angle)) * 0.5,
    );
  }
  const intervals = await page.evaluate(() => window.canvasProbe.stopFrames());
  await page.mouse.up();
  return intervals;
}
