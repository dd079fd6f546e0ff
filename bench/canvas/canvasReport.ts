import type { RunResult } from './measureRun';

export interface FrameStats {
  frames: number;
  p50: number;
  p95: number;
  max: number;
  /** Share of frames that missed a 60 Hz vsync, and that missed two or more. */
  missedOne: number;
  missedTwo: number;
}

const VSYNC_MS = 1000 / 60;
/**
 * Animation frames come on vsyncs, so intervals are whole multiples of 16.7 ms give or take a
 * fraction of a millisecond (16.6, 16.8, 33.3...): a frame missed a vsync when it came after
 * more than one and a half.
 */
const lateAfter = (vsyncs: number) => (vsyncs + 0.5) * VSYNC_MS;

export function frameStats(intervals: number[]): FrameStats {
  const sorted = [...intervals].sort((a, b) => a - b);
  const at = (q: number) => sorted[Math.min(sorted.length - 1, Math.floor(q * sorted.length))] ?? 0;
  const share = (limit: number) =>
    sorted.length === 0 ? 0 : sorted.filter((ms) => ms > limit).length / sorted.length;
  return {
    frames: sorted.length,
    p50: at(0.5),
    p95: at(0.95),
    max: sorted.at(-1) ?? 0,
    missedOne: share(lateAfter(1)),
    missedTwo: share(lateAfter(2)),
  };
}

const ms = (value: number) => `${Math.round(value)} ms`;
const frame = (value: number) => `${value.toFixed(1)} ms`;
const percent = (value: number) => `${(value * 100).toFixed(0)}%`;
const median = (values: number[]) => [...values].sort((a, b) => a - b)[values.length >> 1] ?? 0;

const header = [
  'run',
  'first byte',
  'canvas mounted',
  'nodes rendered',
  'interactive',
  'long tasks',
  'first pan',
  'pan at',
  'frames',
  'p50',
  'p95',
  'max',
  'missed a vsync',
  'missed two',
];

/** The drags each run makes: at the view the editor opened at, then fitted. */
const VIEWS = [
  { label: 'opening', intervals: (run: RunResult) => run.frameIntervals },
  { label: 'fitted', intervals: (run: RunResult) => run.fittedFrameIntervals },
] as const;

function rows(runs: RunResult[]): string[][] {
  const loadCells = (run: RunResult) => [
    ms(run.firstByteMs),
    ms(run.canvasMountedMs),
    ms(run.nodesRenderedMs),
    ms(run.interactiveMs),
    String(run.longTasksAfterRender),
    ms(run.firstPanMs),
  ];
  const frameCells = (stats: FrameStats) => [
    String(stats.frames),
    frame(stats.p50),
    frame(stats.p95),
    frame(stats.max),
    percent(stats.missedOne),
    percent(stats.missedTwo),
  ];
  // The load figures once per run, on the row of its first drag.
  const linesOf = (
    label: string,
    run: RunResult,
    statsOf: (view: (typeof VIEWS)[number]) => FrameStats,
  ) =>
    VIEWS.map((view, i) => [
      i === 0 ? label : '',
      ...(i === 0 ? loadCells(run) : loadCells(run).map(() => '')),
      view.label,
      ...frameCells(statsOf(view)),
    ]);
  const summary: RunResult = {
    firstByteMs: median(runs.map((run) => run.firstByteMs)),
    canvasMountedMs: median(runs.map((run) => run.canvasMountedMs)),
    nodesRenderedMs: median(runs.map((run) => run.nodesRenderedMs)),
    interactiveMs: median(runs.map((run) => run.interactiveMs)),
    longTasksAfterRender: median(runs.map((run) => run.longTasksAfterRender)),
    firstPanMs: median(runs.map((run) => run.firstPanMs)),
    frameIntervals: [],
    fittedFrameIntervals: [],
  };
  return [
    ...runs.flatMap((run, i) =>
      linesOf(String(i + 1), run, (view) => frameStats(view.intervals(run))),
    ),
    ...linesOf('median / all frames', summary, (view) =>
      frameStats(runs.flatMap((run) => view.intervals(run))),
    ),
  ];
}

export function formatConsole(runs: RunResult[]): string {
  const table = [header, ...rows(runs)];
  const widths = header.map((_, col) => Math.max(...table.map((row) => (row[col] ?? '').length)));
  return table
    .map((row) => row.map((cell, col) => cell.padStart(widths[col] ?? 0)).join('  '))
    .join('\n');
}

export function formatMarkdownTable(runs: RunResult[]): string {
  const align = header.map((_, col) => (col === 0 ? '---' : '--:'));
  return [header, align, ...rows(runs)].map((row) => `| ${row.join(' | ')} |`).join('\n');
}

/**
 * The aim: the 300-node canvas drawn in under a second, and panning at 60 Hz at the view
 * the editor opens at (the fitted view's figure follows, comparable with the older results).
 */
export function aimLine(runs: RunResult[]): string {
  const rendered = median(runs.map((run) => run.nodesRenderedMs));
  const [opening, fitted] = VIEWS.map((view) =>
    frameStats(runs.flatMap((run) => view.intervals(run))),
  );
  const fast = rendered < 1000;
  const smooth = (opening?.p95 ?? Number.POSITIVE_INFINITY) < lateAfter(1);
  return `Aim (under 1 s to draw, smooth panning): drawing ${fast ? 'met' : 'not met'} (median ${ms(rendered)}), panning ${smooth ? 'met' : 'not met'} (p95 frame ${frame(opening?.p95 ?? 0)} at the opening view; ${frame(fitted?.p95 ?? 0)} fitted).`;
}
