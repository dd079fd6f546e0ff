import { setTimeout as sleep } from 'node:timers/promises';
import { baselineCustomers, type CustomerDriver, parleyCustomers } from './load/customers';
import { type PhaseSummary, Recorder } from './load/recorder';

/** What the orchestrator asks for; passed as JSON in argv[2]. */
export interface LoadPlan {
  target: 'parley' | 'baseline';
  base: string;
  levels: number[];
  rampMs: number;
  warmupMs: number;
  windowMs: number;
  replyTimeoutMs: number;
  startTimeoutMs: number;
}

/** Messages to the orchestrator, which samples the server's CPU on the window edges. */
export type GeneratorMessage =
  | { type: 'window-start'; level: number }
  | { type: 'window-end'; level: number }
  | {
      type: 'phase';
      level: number;
      customers: number;
      /** Distinct reasons customers could not start, if any did not. */
      startFailures: string[];
      summary: PhaseSummary;
      /** CPU this process used during the window, in cores (1 = one core fully busy). */
      generatorCores: number;
    };

/** Resolves once the message is handed over, so exiting right after cannot drop it. */
function report(message: GeneratorMessage) {
  return new Promise<void>((resolve) => {
    if (!process.send) return resolve();
    process.send(message, undefined, undefined, () => resolve());
  });
}

async function runPhase(plan: LoadPlan, level: number) {
  const driver: CustomerDriver =
    plan.target === 'parley'
      ? parleyCustomers(plan.base, level)
      : baselineCustomers(plan.base, level);
  const recorder = new Recorder();
  let stopping = false;
  let customers = 0;
  const startFailures = new Set<string>();
  let settled = 0;
  let allSettled: () => void = () => undefined;
  const everyoneStarted = new Promise<void>((resolve) => {
    allSettled = resolve;
  });
  const settle = () => {
    if (++settled === level) allSettled();
  };

  // Arrivals are spread over the ramp so that 1,000 customers do not all start in one tick.
  const runs = Array.from({ length: level }, async (_, index) => {
    await sleep((index * plan.rampMs) / level);
    let ready = false;
    try {
      await driver.run({
        index,
        recorder,
        replyTimeoutMs: plan.replyTimeoutMs,
        shouldStop: () => stopping,
        ready: () => {
          ready = true;
          customers++;
          settle();
        },
      });
    } catch (error) {
      if (!ready) {
        startFailures.add(error instanceof Error ? error.message : String(error));
        settle();
      } else if (recorder.inWindow(performance.now())) recorder.errors++;
    }
  });

  await Promise.race([everyoneStarted, sleep(plan.startTimeoutMs)]);
  await sleep(plan.warmupMs);
  await report({ type: 'window-start', level });
  const cpuBefore = process.cpuUsage();
  const windowStart = performance.now();
  recorder.openWindow(windowStart);
  await sleep(plan.windowMs);
  const windowEnd = performance.now();
  recorder.closeWindow(windowEnd);
  const cpu = process.cpuUsage(cpuBefore);
  await report({ type: 'window-end', level });

  stopping = true;
  await Promise.race([Promise.all(runs), sleep(plan.replyTimeoutMs + 2_000)]);
  driver.close();
  await report({
    type: 'phase',
    level,
    customers,
    startFailures: [...startFailures],
    summary: recorder.summary(),
    generatorCores: (cpu.user + cpu.system) / 1000 / (windowEnd - windowStart),
  });
}

const plan = JSON.parse(process.argv[2] ?? '{}') as LoadPlan;
for (const level of plan.levels) {
  await runPhase(plan, level);
  // Lets the server finish the turns still queued, so the next phase starts from quiet.
  await sleep(1_000);
}
process.exit(0);
