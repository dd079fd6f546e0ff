import type { GeneratorMessage, LoadPlan } from '../loadGenerator';

type PhaseMessage = Extract<GeneratorMessage, { type: 'phase' }>;

export interface TargetResult {
  name: string;
  kind: LoadPlan['target'];
  synchronous: 'FULL' | 'NORMAL';
  phases: (PhaseMessage & { serverCores: number | null; machineCores: number })[];
}

interface RunContext {
  machine: string;
  date: string;
  windowSeconds: number;
  fullBuild: boolean;
}

const ms = (value: number) => value.toFixed(value < 10 ? 1 : 0);
const rate = (value: number) => Math.round(value).toLocaleString('en-US');
const cores = (value: number | null) => (value === null ? 'n/a' : value.toFixed(2));
const ratio = (a: number, b: number) => (b > 0 ? (a / b).toFixed(2) : 'n/a');

function row(cells: (string | number)[]) {
  return `| ${cells.join(' | ')} |`;
}

function phaseRows(results: TargetResult[]) {
  return results.flatMap((target) =>
    target.phases.map((phase) => {
      const { summary } = phase;
      const others = phase.machineCores - (phase.serverCores ?? 0) - phase.generatorCores;
      return row([
        target.name,
        `${phase.customers}/${phase.level}`,
        rate(summary.perSecond),
        ms(summary.p50),
        ms(summary.p95),
        ms(summary.p99),
        ms(summary.max),
        summary.errors + summary.timeouts,
        cores(phase.serverCores),
        cores(phase.generatorCores),
        cores(Math.max(0, others)),
      ]);
    }),
  );
}

const pick = (results: TargetResult[], kind: TargetResult['kind'], sync: 'FULL' | 'NORMAL') =>
  results.find((target) => target.kind === kind && target.synchronous === sync);

function comparisonRows(results: TargetResult[]) {
  const parley = pick(results, 'parley', 'FULL');
  const full = pick(results, 'baseline', 'FULL');
  const normal = pick(results, 'baseline', 'NORMAL');
  if (!parley || !full || !normal) return [];
  return parley.phases.map((phase) => {
    const f = full.phases.find((p) => p.level === phase.level)?.summary;
    const n = normal.phases.find((p) => p.level === phase.level)?.summary;
    const s = phase.summary;
    if (!f || !n) return row([phase.level, 'n/a']);
    const met = s.perSecond >= 0.5 * f.perSecond && s.p99 <= 10 * f.p99;
    return row([
      phase.level,
      ratio(s.perSecond, f.perSecond),
      ratio(s.perSecond, n.perSecond),
      ratio(s.p99, f.p99),
      ratio(s.p99, n.p99),
      met ? 'yes' : 'no',
    ]);
  });
}

/** What synchronous=FULL costs each server: its throughput and p99 against its NORMAL twin. */
function durabilityRows(results: TargetResult[]) {
  return (['parley', 'baseline'] as const).flatMap((kind) => {
    const full = pick(results, kind, 'FULL');
    const normal = pick(results, kind, 'NORMAL');
    if (!full || !normal) return [];
    return full.phases.map((phase) => {
      const relaxed = normal.phases.find((p) => p.level === phase.level)?.summary;
      if (!relaxed) return row([kind, phase.level, 'n/a']);
      return row([
        kind === 'parley' ? 'Parley (group commit)' : 'baseline (commit per request)',
        phase.level,
        ratio(phase.summary.perSecond, relaxed.perSecond),
        ratio(phase.summary.p99, relaxed.p99),
      ]);
    });
  });
}

/** Server CPU per answered message: what each message costs, independent of contention. */
function cpuPerMessageRows(results: TargetResult[]) {
  const levels = results[0]?.phases.map((phase) => phase.level) ?? [];
  return levels.map((level) =>
    row([
      level,
      ...results.map((target) => {
        const phase = target.phases.find((p) => p.level === level);
        if (!phase || phase.serverCores === null || phase.summary.perSecond === 0) return 'n/a';
        return ms((phase.serverCores * 1000) / phase.summary.perSecond);
      }),
    ]),
  );
}

function averageOthers(results: TargetResult[]) {
  const all = results.flatMap((target) => target.phases);
  const others = all.map((p) =>
    Math.max(0, p.machineCores - (p.serverCores ?? 0) - p.generatorCores),
  );
  return others.reduce((a, b) => a + b, 0) / Math.max(1, others.length);
}

export function formatConsole(results: TargetResult[]) {
  return [
    '',
    row([
      'server',
      'customers',
      'msg/s',
      'p50',
      'p95',
      'p99',
      'max',
      'failed',
      'server',
      'gen',
      'others',
    ]),
    ...phaseRows(results),
    '',
    row([
      'customers',
      'Parley/FULL msg/s',
      'Parley/NORMAL msg/s',
      'p99/FULL',
      'p99/NORMAL',
      'goal',
    ]),
    ...comparisonRows(results),
  ].join('\n');
}

export function formatMarkdown(results: TargetResult[], context: RunContext) {
  const parleyName = pick(results, 'parley', 'FULL')?.name ?? 'Parley';
  return `
## Messages: send → bot reply (\`npm run bench:messages\`)

Machine: ${context.machine}. Date: ${context.date}. Parley ran ${
    context.fullBuild
      ? 'from the production build (`scripts/start.mjs`: Next.js loaded beside the public API)'
      : 'with `--api-only` (no production build was present; /api/v1 is the same code)'
  } on a scratch database, rate limits raised out of the way.

Each phase: customers arrive over 2 s, 3 s of warm-up, then a ${context.windowSeconds} s measured window. A Parley customer starts a conversation, opens its SSE stream and sends a message (order status with a number, opening hours, shipping, returns, and the "yes" that answers the bot's "anything else?"), waiting for the bot's reply on the stream before the next one; latency is send → first bot entry received. A baseline customer sends the same messages to plain node:http doing one SQLite insert + select per request (WAL, one transaction per request); its reply is the HTTP response. The load generator is one separate process with keep-alive agents. "customers" is started/asked; "failed" counts errors and replies not received in 10 s; CPU columns are in cores (of 2) during the window: the server, the load generator, and everything else on the machine.

| server | customers | msg/s | p50 ms | p95 ms | p99 ms | max ms | failed | server CPU | generator CPU | others' CPU |
|---|---:|---:|---:|---:|---:|---:|---:|---:|---:|---:|
${phaseRows(results).join('\n')}

${parleyName} against the baseline (goal: throughput ≥ 0.5 of the baseline, p99 within 10× the baseline's p99; "goal" is judged against the baseline at the same durability, FULL):

| customers | msg/s ÷ FULL | msg/s ÷ NORMAL | p99 ÷ FULL p99 | p99 ÷ NORMAL p99 | goal |
|---:|---:|---:|---:|---:|---|
${comparisonRows(results).join('\n')}

Server CPU per answered message, in ms (server CPU time ÷ messages; less sensitive to the other load on the machine than msg/s):

| customers | ${results.map((target) => target.name).join(' | ')} |
|---:|${results.map(() => '---:').join('|')}|
${cpuPerMessageRows(results).join('\n')}

Durability: Parley acknowledges a message only after the WAL holding its transaction has been fsynced, so a 201 survives a power cut. The write batcher puts the writes of concurrent requests into one transaction, so one fsync covers all of them, and that fsync runs on Node's thread pool while the event loop serves the next requests; checkpoints run on a worker thread. Its cost, measured: each server at FULL against the same server at NORMAL (Parley's NORMAL run is a benchmark-only diagnostic that rewrites its pragma at start-up, which also turns the off-loop fsync off; Parley never ships that way). The \`bench:sqlite\` block measures the commit rates themselves.

| server | customers | msg/s FULL ÷ NORMAL | p99 FULL ÷ NORMAL |
|---|---:|---:|---:|
${durabilityRows(results).join('\n')}

Contention: the machine was shared with other work during this run; on average ${averageOthers(results).toFixed(2)} of its 2 cores were busy with processes other than the server under test and the generator. Absolute msg/s are therefore low estimates; the CPU-per-message table is the steadier figure.
`;
}
