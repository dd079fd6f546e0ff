import { mkdtempSync, rmSync } from 'node:fs';
import { loadavg, tmpdir } from 'node:os';
import path from 'node:path';
import { chromium, type Page } from '@playwright/test';
import { aimLine, formatConsole, formatMarkdownTable } from './canvas/canvasReport';
import { ensureBuild } from './canvas/ensureBuild';
import { generateFlow } from './canvas/generateFlow';
import { measureRun, type RunResult, VIEWPORT } from './canvas/measureRun';
import { type Parley, startParley } from './canvas/startParley';
import { importBot, signIn } from './canvas/studioSession';
import { describeMachine, today } from './machine';
import { writeResultsSection } from './resultsFile';

/**
 * `npm run bench:canvas`: opens a generated 300-node flow in the studio's editor in headless
 * Chromium, three times from a cold browser context, and reports the time until every node is
 * drawn, until the page is quiet enough to use, and the frame times while the pane is dragged at
 * the opening view and after fitting the flow.
 * Parley runs from its own production build on loopback, on a scratch database.
 */
const root = path.resolve(import.meta.dirname, '..');
const DIST_DIR = '.next-canvas';
const NODE_COUNT = 300;
const RUNS = 3;
const WARM_UP_RENDERS = 3;
/** The same browser the end-to-end tests use (see playwright.config.ts). */
const CHROMIUM = process.env.CHROMIUM_PATH ?? '/usr/bin/chromium';
const CHROMIUM_ARGS = [
  '--no-sandbox',
  '--disable-gpu',
  '--disable-background-networking',
  '--disable-component-update',
  '--disable-sync',
  '--no-first-run',
  // Every new window of headless Chromium builds its (never shown) address-bar popup as a web
  // page in a renderer of its own: about half a second of CPU on the cores the server and the
  // page under test share here.
  '--disable-features=WebUIOmniboxPopup,WebUIOmniboxFullPopup',
];

async function main() {
  ensureBuild(root, DIST_DIR);
  const flow = generateFlow(NODE_COUNT);
  const scratch = mkdtempSync(path.join(tmpdir(), 'parley-canvas-'));
  let parley: Parley | null = null;
  const browser = await chromium.launch({ executablePath: CHROMIUM, args: CHROMIUM_ARGS });
  try {
    parley = await startParley(root, DIST_DIR, scratch);
    const setup = await browser.newPage();
    await signIn(setup, parley.base, 'designer@acme.test', parley.password);
    const botId = await importBot(setup, parley.base, flow);
    const storageState = await setup.context().storageState();
    const url = `${parley.base}/studio/bots/${botId}`;
    await warmUp(setup, url);
    await setup.close();
    const loadBefore = oneMinuteLoad();
    const runs: RunResult[] = [];
    for (let run = 1; run <= RUNS; run++) {
      runs.push(await measureRun(browser, storageState, url, NODE_COUNT));
      console.log(`run ${run}/${RUNS} done`);
    }
    const load = [loadBefore, oneMinuteLoad()];
    console.log(`\n${formatConsole(runs)}\n\n${aimLine(runs)}\n`);
    writeResultsSection('canvas', markdown(runs, flow.edges.length, load, browser.version()));
    console.log('Wrote the canvas block of bench/RESULTS.md');
  } finally {
    await browser.close();
    await parley?.stop();
    rmSync(scratch, { recursive: true, force: true });
  }
}

/**
 * A running server has rendered pages before: its first renders after starting are several
 * times slower while V8 compiles the rendering code, which is not what a designer waits for.
 */
async function warmUp(page: Page, url: string) {
  for (let i = 0; i < WARM_UP_RENDERS; i++) {
    const response = await page.request.get(url);
    if (!response.ok()) throw new Error(`warm-up load of the editor failed: ${response.status()}`);
  }
}

/** The machine is shared; its load next to the numbers says how much to trust them. */
const oneMinuteLoad = () => loadavg()[0] ?? 0;

function markdown(runs: RunResult[], edges: number, load: number[], version: string) {
  return `## Studio canvas: ${NODE_COUNT}-node flow (\`npm run bench:canvas\`)

Machine: ${describeMachine()}. Date: ${today()}. Chromium ${version}, headless, ${VIEWPORT.width}×${VIEWPORT.height},
software rendering (no GPU). Load average (1 min) before / after the runs:
${load.map((value) => value.toFixed(1)).join(' / ')}.

A generated support bot of ${NODE_COUNT} nodes and ${edges} edges (every node type but start
in each 9-node module, all outputs connected, on a 15-column grid; it loads and validates with
no finding) is imported as a bot, the server renders the editor ${WARM_UP_RENDERS} times unmeasured (a running
server has rendered pages before; its first renders wait for V8 to compile the rendering code),
then the editor is opened ${RUNS} times, each in a new tab of a fresh browser context (nothing
cached) that is left to settle for a second before the URL is opened, as a designer's browser is
running before they open a link: browser and server share two cores here, and navigating at once
timed Chromium starting its processes on the core the server renders on (first byte 0.4–0.9 s
instead of 0.1–0.2 s). For the same reason Chromium runs without its address-bar popup, which
headless Chromium builds as a hidden web page for every new window. Times are the page's own
clock from the start of navigation. **First byte**: the page's HTML began to arrive.
**Canvas mounted**: React Flow's container is in the page. The server renders the editor with the
draft and draws the canvas into the HTML (nodes, edges and problem marks, fitted into the pane
size the browser remembered; these fresh contexts remember none, so the server fits the pane of a
1920×1080 screen and the browser refits), so this is when the canvas's HTML began to arrive.
**Nodes rendered**: every \`.react-flow__node\` is in the DOM and shown (React Flow hides a
node until it knows its size; the studio predicts sizes and handle positions, see
\`nodeGeometry.ts\`), taken at the animation frame that shows it: the server's HTML shows them
before the app's code has run. **Interactive**: the end of the last long task (≥ 50 ms) before
500 quiet ms that follow (the page's code has loaded and taken over the canvas, which shows a
progress cursor until then); "long tasks" counts those after the nodes rendered. **First pan**: from the first drag on an empty spot of the pane (including
one round trip of the driver) to the viewport moving. Then the pane is dragged along a circle
for 3 s at the view the editor opened at (a flow this large opens at 50 % zoom on its start node,
since fitted it would draw no labels; below 60 % zoom nodes are drawn as outline, icon, label
and marks), and again after the canvas's "Fit View" control has fitted the whole flow and the
page has had a second to repaint (the view earlier results panned at; "pan at" says which), while
\`requestAnimationFrame\` records every frame: frame time percentiles and the share of frames that missed one or two 60 Hz vsyncs
(intervals come in whole vsyncs with a fraction of a millisecond of jitter, so a frame counts as
late beyond 25 ms, and as two late beyond 41.7 ms). Panning is smooth when the 95th percentile
frame came on the next vsync; the aim is judged at the opening view.

${formatMarkdownTable(runs)}

${aimLine(runs)}

These numbers are from headless Chromium drawing without a GPU, so compositing and painting
run on the CPU, and from a machine whose two cores may have been busy with other work (see the
load average): they are noisy, pessimistic bounds rather than what a designer's browser would show. Frame
times come from the main thread's animation frames; frames the compositor could have produced
alone are not counted separately.`;
}

await main();
