import { cpus, totalmem } from 'node:os';

/** One line naming the machine a benchmark ran on, for the results file. */
export function describeMachine(): string {
  const cores = cpus();
  const model = cores[0]?.model.trim() ?? 'unknown CPU';
  const memoryGb = Math.round(totalmem() / 1024 ** 3);
  return `${model}, ${cores.length} cores, ${memoryGb} GB RAM, Node ${process.version}`;
}

export function today(): string {
  return new Date().toISOString().slice(0, 10);
}
