/**
 * Code that runs inside the studio page (installed before any of its scripts), so times are
 * the page's own `performance.now()`, counted from the start of the navigation, and are not
 * skewed by the round trips of the driver.
 */
export interface ProbeResult {
  /** The first byte of the page's HTML reached the browser. */
  firstByteMs: number;
  /** React Flow's container is in the page (it comes with the server-rendered HTML). */
  canvasMountedMs: number;
  /** All nodes are in the DOM and measured (React Flow hides a node until it has a size). */
  nodesRenderedMs: number;
  /** End of the last long task (≥ 50 ms) before 500 quiet ms after the nodes rendered. */
  interactiveMs: number;
  longTasksAfterRender: number;
}

declare global {
  interface Window {
    canvasProbe: {
      result: () => ProbeResult | null;
      startFrames: () => void;
      stopFrames: () => number[];
    };
  }
}

/**
 * The script for `page.addInitScript`. The probe is sent as its source text; tsx compiles with
 * esbuild's keepNames, which wraps named functions in a `__name` helper that exists only in
 * Node, so the page gets a stand-in that returns the function unchanged.
 */
export function probeScript(expectedNodes: number): string {
  return `var __name = (fn) => fn;\n(${installProbe.toString()})(${JSON.stringify(expectedNodes)});`;
}

/** Runs in the page: must not close over anything outside itself. */
function installProbe(expectedNodes: number) {
  const QUIET_MS = 500;
  /** When each long task ended. */
  const longTaskEnds: number[] = [];
  new PerformanceObserver((list) => {
    for (const entry of list.getEntries()) longTaskEnds.push(entry.startTime + entry.duration);
  }).observe({ type: 'longtask', buffered: true });

  let mounted: number | null = null;
  let rendered: number | null = null;
  const watch = (now: number) => {
    if (mounted === null && document.querySelector('.react-flow')) mounted = now;
    const nodes = document.querySelectorAll<HTMLElement>('.react-flow__node');
    const allShown =
      nodes.length >= expectedNodes &&
      Array.from(nodes).every((node) => node.style.visibility !== 'hidden');
    if (allShown) rendered = now;
    else requestAnimationFrame(watch);
  };
  requestAnimationFrame(watch);

  let frames: number[] | null = null;
  const recordFrame = (now: number) => {
    if (!frames) return;
    frames.push(now);
    requestAnimationFrame(recordFrame);
  };

  window.canvasProbe = {
    result() {
      if (rendered === null || mounted === null) return null;
      const after = longTaskEnds.filter((end) => end > (rendered ?? 0));
      const quietSince = after.at(-1) ?? rendered;
      if (performance.now() - quietSince < QUIET_MS) return null;
      const navigation = performance.getEntriesByType('navigation')[0] as
        | PerformanceNavigationTiming
        | undefined;
      return {
        firstByteMs: navigation?.responseStart ?? 0,
        canvasMountedMs: mounted,
        nodesRenderedMs: rendered,
        interactiveMs: quietSince,
        longTasksAfterRender: after.length,
      };
    },
    startFrames() {
      frames = [];
      requestAnimationFrame(recordFrame);
    },
    stopFrames() {
      const times = frames ?? [];
      frames = null;
      return times.slice(1).map((time, i) => time - (times[i] ?? time));
    },
  };
}
