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
  'frames',
  'p50',
  'p95',
  'max',
  'missed a vsync',
  'missed two',
];

function rows(runs: RunResult[]): string[][] {
  const line = (label: string, run: RunResult, stats: FrameStats) => [
    label,
    ms(run.firstByteMs),
    ms(run.canvasMountedMs),
    ms(run.nodesRenderedMs),
    ms(run.interactiveMs),
    String(run.longTasksAfterRender),
    ms(run.firstPanMs),
    String(stats.frames),
    frame(stats.p50),
    frame(stats.p95),
    frame(stats.max),
    percent(stats.missedOne),
    percent(stats.missedTwo),
  ];
  const all = frameStats(runs.flatMap((run) => run.frameIntervals));
  const summary: RunResult = {
    firstByteMs: median(runs.map((run) => run.firstByteMs)),
    canvasMountedMs: median(runs.map((run) => run.canvasMountedMs)),
    nodesRenderedMs: median(runs.map((run) => run.nodesRenderedMs)),
    interactiveMs: median(runs.map((run) => run.interactiveMs)),
    longTasksAfterRender: median(runs.map((run) => run.longTasksAfterRender)),
    firstPanMs: median(runs.map((run) => run.firstPanMs)),
    frameIntervals: [],
  };
  return [
    ...runs.map((run, i) => line(String(i + 1), run, frameStats(run.frameIntervals))),
    line('median / all frames', summary, all),
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

/** The aim: the 300-node canvas drawn in under a second, and panning at 60 Hz. */
export function aimLine(runs: RunResult[]): string {
  const rendered = median(runs.map((run) => run.nodesRenderedMs));
  const frames = frameStats(runs.flatMap((run) => run.frameIntervals));
  const fast = rendered < 1000;
  const smooth = frames.p95 < lateAfter(1);
  return `Aim (under 1 s to draw, smooth panning): drawing ${fast ? 'met' : 'not met'} (median ${ms(rendered)}), panning ${smooth ? 'met' : 'not met'} (p95 frame ${frame(frames.p95)}).`;
}
