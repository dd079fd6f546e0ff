import { randomBytes } from 'node:crypto';
import {
  existsSync,
  mkdtempSync,
  readdirSync,
  readFileSync,
  readlinkSync,
  rmSync,
  statSync,
} from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { setTimeout as sleep } from 'node:timers/promises';
import { prepareAgents, runAgent } from './load/agents';
import { parleyCustomers } from './load/customers';
import { handoffCustomers } from './load/handoffCustomers';
import { HandoffStats, type HandoffSummary } from './load/handoffStats';
import { Recorder } from './load/recorder';
import { describeMachine, today } from './machine';
import { numberOption } from './numberOption';
import {
  freePort,
  machineBusyMs,
  NO_RATE_LIMITS,
  parleyEntry,
  processCpuMs,
  startParleyServer,
} from './processes';
import { writeResultsSection } from './resultsFile';

/**
 * `npm run bench:soak`: Parley under a steady load for a long time, sampled every minute, to
 * show that nothing grows without bound. Customers talk to the demo bot at a steady rate (each
 * waits for the reply, then a pause); one whose conversation is handed off or ends starts a new
 * one. With agents, a second group of customers asks for a person every time, and agents at the
 * console (signed in, Online, their live stream open) accept, answer and end each conversation.
 * Options: --minutes=N (30), --customers=N (40), --think-ms=N (500), --sample-seconds=N (60),
 * --agents=N (2 with a production build, else 0; 0 runs the bot customers alone),
 * --handoff-customers=N (8 with agents), --agent-capacity=N (10). Records its run in
 * bench/RESULTS.md.
 */
const root = path.resolve(import.meta.dirname, '..');
const minutes = numberOption('minutes', 30);
const customers = numberOption('customers', 40);
const thinkMs = numberOption('think-ms', 500);
const sampleSeconds = numberOption('sample-seconds', 60);
const entry = parleyEntry(root);
const fullBuild = entry[0] === 'scripts/start.mjs';
// The console is served by Next.js: without a build there is nobody to hand off to.
const agents = numberOption('agents', fullBuild ? 2 : 0);
const handoffCount = agents > 0 ? numberOption('handoff-customers', 8) : 0;
const agentCapacity = numberOption('agent-capacity', 10);

interface Sample {
  minute: number;
  messagesPerSecond: number;
  /** Conversations with an agent that ended since the previous sample. */
  handoffs: number;
  rssMb: number;
  fds: number;
  sockets: number;
  databaseMb: number;
  walMb: number;
  cpuCores: number;
  /** Cores busy with neither the server nor this load generator: the machine's other work. */
  otherCores: number;
}

async function main() {
  const scratch = mkdtempSync(path.join(tmpdir(), 'parley-soak-'));
  const databasePath = path.join(scratch, 'parley.db');
  const port = await freePort();
  if (agents > 0 && !fullBuild) {
    throw new Error('Agents need the console, which needs the production build: run `next build`.');
  }
  const demoPassword = randomBytes(12).toString('hex');
  const server = await startParleyServer({
    root,
    port,
    databasePath,
    args: ['--import', 'tsx', ...entry],
    env: { ...NO_RATE_LIMITS, PARLEY_DEMO_PASSWORD: demoPassword },
  });
  console.log(
    `Soak: ${customers} customers, ${thinkMs} ms between messages, ${agents} agents (capacity ${agentCapacity}) serving ${handoffCount} customers who ask for a person, ${minutes} min, sampled every ${sampleSeconds} s (${fullBuild ? 'production build' : 'API only'})`,
  );

  const recorder = new Recorder();
  const handoffs = new HandoffStats();
  const driver = parleyCustomers(server.base, customers);
  const handoffDriver = handoffCustomers(server.base, Math.max(1, handoffCount));
  let stopping = false;
  const { fire: stop, fired: stopped } = oneShot();
  // Agents are Online with their streams open before anyone asks for them.
  const logins = await prepareAgents(server.base, demoPassword, agents, agentCapacity);
  const agentsRunning = await Promise.all(
    logins.map(async (login) => {
      const online = oneShot();
      const done = runAgent(server.base, login, handoffs, stopped, online.fire);
      await Promise.race([online.fired, done]);
      // Wrapped, or the async function would wait for the agent's whole run.
      return { done };
    }),
  );
  recorder.openWindow(performance.now());
  handoffs.openWindow(performance.now());
  const running = Array.from({ length: customers }, (_, index) =>
    driver
      .run({
        index,
        recorder,
        replyTimeoutMs: 10_000,
        shouldStop: () => stopping,
        ready: () => undefined,
        thinkMs,
      })
      .catch(() => {
        recorder.errors++;
      }),
  );

  const asking = Array.from({ length: handoffCount }, (_, index) =>
    handoffDriver
      .run({ index, stats: handoffs, shouldStop: () => stopping, stopped, thinkMs })
      .catch((error: Error) => handoffs.fail('customer', error.message)),
  );

  const samples: Sample[] = [];
  const endAt = performance.now() + minutes * 60_000;
  let lastCount = 0;
  let lastServed = 0;
  let lastCpu = processCpuMs(server.pid) ?? 0;
  let lastMachine = machineBusyMs();
  let lastOwn = process.cpuUsage();
  let lastAt = performance.now();
  while (performance.now() < endAt) {
    await sleep(Math.min(sampleSeconds * 1000, endAt - performance.now()));
    const now = performance.now();
    const cpu = processCpuMs(server.pid) ?? 0;
    const machine = machineBusyMs();
    const own = process.cpuUsage(lastOwn);
    const elapsed = now - lastAt;
    const sample: Sample = {
      minute: Math.round(((now - (endAt - minutes * 60_000)) / 60_000) * 10) / 10,
      messagesPerSecond: ((recorder.answeredCount - lastCount) * 1000) / (now - lastAt),
      handoffs: handoffs.served - lastServed,
      rssMb: residentMb(server.pid),
      ...descriptors(server.pid),
      databaseMb: sizeMb(databasePath),
      walMb: sizeMb(`${databasePath}-wal`),
      cpuCores: (cpu - lastCpu) / elapsed,
      otherCores: Math.max(
        0,
        (machine - lastMachine - (cpu - lastCpu) - (own.user + own.system) / 1000) / elapsed,
      ),
    };
    samples.push(sample);
    console.log(
      `${sample.minute.toFixed(1).padStart(5)} min  ${sample.messagesPerSecond.toFixed(0).padStart(5)} msg/s  ${String(sample.handoffs).padStart(4)} hand-offs  RSS ${sample.rssMb.toFixed(0)} MB  fds ${sample.fds} (sockets ${sample.sockets})  db ${sample.databaseMb.toFixed(1)} MB  wal ${sample.walMb.toFixed(1)} MB  server CPU ${sample.cpuCores.toFixed(2)}  others ${sample.otherCores.toFixed(2)}`,
    );
    lastCount = recorder.answeredCount;
    lastServed = handoffs.served;
    lastCpu = cpu;
    lastMachine = machine;
    lastOwn = process.cpuUsage();
    lastAt = now;
  }
  recorder.closeWindow(performance.now());
  handoffs.closeWindow(performance.now());
  stopping = true;
  stop();
  await Promise.all([...running, ...asking, ...agentsRunning.map((agent) => agent.done)]);
  driver.close();
  handoffDriver.close();
  await server.stop();
  rmSync(scratch, { recursive: true, force: true });

  const summary = recorder.summary();
  const report = formatReport(samples, summary, handoffs.summary());
  console.log(`\n${report}`);
  writeResultsSection('soak', report);
}

function formatReport(
  samples: Sample[],
  summary: ReturnType<Recorder['summary']>,
  handoffs: HandoffSummary,
): string {
  const first = samples[0];
  const last = samples.at(-1);
  const growth = (pick: (sample: Sample) => number) =>
    first && last
      ? `${pick(first).toFixed(0)} → ${pick(last).toFixed(0)} (peak ${Math.max(...samples.map(pick)).toFixed(0)})`
      : '–';
  const span = first && last ? last.minute - first.minute : 0;
  const dbGrowth =
    first && last && span > 0
      ? ` Here it grew ${((last.databaseMb - first.databaseMb) / span).toFixed(1)} MB a minute.`
      : '';
  const others = samples.reduce((sum, s) => sum + s.otherCores, 0) / Math.max(1, samples.length);
  const rows = samples
    .map(
      (s) =>
        `| ${s.minute.toFixed(1)} | ${s.messagesPerSecond.toFixed(0)} | ${agents > 0 ? `${s.handoffs} | ` : ''}${s.rssMb.toFixed(0)} | ${s.fds} | ${s.sockets} | ${s.databaseMb.toFixed(1)} | ${s.walMb.toFixed(1)} | ${s.cpuCores.toFixed(2)} | ${s.otherCores.toFixed(2)} |`,
    )
    .join('\n');
  const ms = (value: number) => value.toFixed(0);
  const load =
    agents > 0
      ? `${customers} customers talking to the demo bot and ${handoffCount} asking it for a person, for ${minutes} minutes. A bot customer waits ${thinkMs} ms after each reply before the next message; one whose conversation is handed off or ends starts a new one. A customer asking for a person ("I need to talk to a person about my order A1001", which the bot hands to Orders, or without the order number, to Accounts) waits on its stream for the agent to join and reply, answers after ${thinkMs} ms, waits for the end (the rating request), and starts a new conversation. ${agents} agents (the demo's Alice and Bob${agents > 2 ? `, and ${agents - 2} more with their skills and queues` : ''}, capacity ${agentCapacity} each), signed in through next-auth, Online, each with the console's live stream (\`console.events\`) open the whole run: on every poke they read their workspace, accept each offer, answer, wait for the customer's answer and end the conversation, all over tRPC as the console does.`
      : `${customers} customers talking to the demo bot for ${minutes} minutes, each waiting ${thinkMs} ms after a reply before the next message; one whose conversation is handed off or ends starts a new one. No agents (\`--agents=0\`).`;
  const agentSide =
    agents > 0
      ? `\n\nWith agents: ${handoffs.served.toLocaleString('en')} conversations served end to end (${handoffs.servedPerMinute.toFixed(0)} a minute), ${handoffs.accepted.toLocaleString('en')} offers accepted. Wait from asking for a person to the agent joining, as the customer sees it: p50 ${ms(handoffs.joinP50)} ms, p99 ${ms(handoffs.joinP99)} ms (the bot's turn, the routing decision, the offer reaching the console, its accept). The agent's reply, from their send to the customer's stream: p50 ${ms(handoffs.replyP50)} ms, p99 ${ms(handoffs.replyP99)} ms. ${handoffs.noAgent} customers told no agent was available, ${handoffs.customerTimeouts} waits that ran out (2 min for the agent, 1 min for a reply or the end), ${handoffs.customerErrors} customer errors; on the agents' side ${handoffs.agentErrors} errors and ${handoffs.reconnects} console streams that dropped and were opened again.${handoffs.errorKinds.length > 0 ? ` Errors: ${handoffs.errorKinds.join('; ')}.` : ''}`
      : '';
  return `## Soak (\`npm run bench:soak\`)

Machine: ${describeMachine()}. Date: ${today()}. ${load} The server is the production entry point on a scratch database, with bot traces kept. The database grows with every message (its entries and the bot turn's trace).${dbGrowth} What must stay flat is the server's memory and descriptors. The machine was shared with other work during the run: on average ${others.toFixed(2)} of its cores were busy with processes other than the server and the load generator ("others" below), so latencies are upper estimates.

Bot customers: ${summary.messages.toLocaleString('en')} messages answered (${summary.perSecond.toFixed(0)}/s), p50 ${ms(summary.p50)} ms, p99 ${ms(summary.p99)} ms; ${summary.errors} errors, ${summary.timeouts} replies not received within 10 s, ${summary.restarts} new conversations after a hand-off or an end.${agentSide}

Server memory (RSS, MB) ${growth((s) => s.rssMb)}, open file descriptors ${growth((s) => s.fds)}, first sample to last.

| minute | msg/s | ${agents > 0 ? 'agent conversations ended | ' : ''}RSS MB | fds | sockets | db MB | WAL MB | server CPU (cores) | others' CPU (cores) |
|---:|---:|${agents > 0 ? '---:|' : ''}---:|---:|---:|---:|---:|---:|---:|
${rows}`;
}

/** A promise and the function that settles it. */
function oneShot() {
  let fire: () => void = () => undefined;
  const fired = new Promise<void>((resolve) => {
    fire = resolve;
  });
  return { fire, fired };
}

function residentMb(pid: number): number {
  const status = readFileSync(`/proc/${pid}/status`, 'utf8');
  return Number(/VmRSS:\s+(\d+)/.exec(status)?.[1] ?? 0) / 1024;
}

function descriptors(pid: number): { fds: number; sockets: number } {
  const fds = readdirSync(`/proc/${pid}/fd`);
  const sockets = fds.filter((fd) => {
    try {
      return readlinkSync(`/proc/${pid}/fd/${fd}`).startsWith('socket:');
    } catch {
      return false;
    }
  }).length;
  return { fds: fds.length, sockets };
}

function sizeMb(file: string): number {
  return existsSync(file) ? statSync(file).size / 1024 ** 2 : 0;
}

main().catch((error: unknown) => {
  console.error(error);
  process.exit(1);
});
