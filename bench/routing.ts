import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { eq, sql } from 'drizzle-orm';
import { openDatabase } from '../server/db/client';
import {
  agentSkills,
  agentStates,
  deployments,
  messagingSessions,
  queueMembers,
  queues,
  routingDecisions,
  skills,
  staffUsers,
  workItems,
} from '../server/db/schema';
import { EventHub } from '../server/messaging/eventHub';
import { SessionHandoverEntries } from '../server/messaging/sessionHandoverEntries';
import { enqueueHandoff } from '../server/routing/enqueueHandoff';
import { Router } from '../server/routing/router';
import { StaffEvents } from '../server/routing/staffEvents';
import { atomically } from '../server/routing/workItem';
import { closeSessionItems, holdersOf } from '../server/routing/workItemMoves';
import { seedDemoOrg } from '../server/seed/seedDemoOrg';
import { describeMachine, today } from './machine';
import { numberOption } from './numberOption';
import { writeResultsSection } from './resultsFile';

/**
 * `npm run bench:routing`: the routing engine on the embedded default (a SQLite file in WAL
 * mode, synchronous FULL) with 1,000 online agents (capacity 3, each in 2 of 20 queues with
 * that queue's skill at a level from 1 to 10) and 10,000 customers waiting (priorities 1-5,
 * each needing its queue's skill at level 1-5). First one pass hands out every free slot; then,
 * in the steady state, one conversation at a time ends and the router is told, which frees a
 * slot and offers it to the next customer in line, while agents accept what they are offered.
 * It reports assignments per second for both, and the time of one routing decision (the
 * `closed` signal: the pass that finds the next item for the freed agent and offers it).
 * Options: --agents=N, --items=N, --decisions=N (steady-state decisions, default 300).
 */
const agentCount = numberOption('agents', 1_000);
const itemCount = numberOption('items', 10_000);
const decisionCount = numberOption('decisions', 300);
const QUEUE_COUNT = 20;
const CAPACITY = 3;

// A fixed sequence, so every run routes the same org.
let seed = 20301206;
const random = () => {
  seed = (seed * 1103515245 + 12345) % 2 ** 31;
  return seed / 2 ** 31;
};
const pick = (n: number) => Math.floor(random() * n);

function queueAt<T>(made: T[], index: number): T {
  const found = made[index];
  if (!found) throw new Error(`no queue ${index}`);
  return found;
}

const scratch = mkdtempSync(path.join(tmpdir(), 'parley-routing-'));
const db = openDatabase(path.join(scratch, 'parley.db'));
try {
  await seedDemoOrg(db, { demoPassword: 'bench-password' });
  const deployment = db
    .select()
    .from(deployments)
    .where(eq(deployments.publicId, 'acme-app'))
    .get();
  if (!deployment) throw new Error('the demo deployment is missing');
  const orgId = deployment.orgId;
  const start = Date.now();

  db.transaction(() => {
    const made: { queue: typeof queues.$inferSelect; skill: typeof skills.$inferSelect }[] = [];
    for (let q = 0; q < QUEUE_COUNT; q++) {
      const skill = db
        .insert(skills)
        .values({ orgId, name: `skill-${q}` })
        .returning()
        .get();
      made.push({
        skill,
        queue: db
          .insert(queues)
          .values({ orgId, name: `Queue ${q}`, offerTimeoutSeconds: 600 })
          .returning()
          .get(),
      });
    }
    for (let a = 0; a < agentCount; a++) {
      const user = db
        .insert(staffUsers)
        .values({
          orgId,
          email: `agent-${a}@bench.test`,
          name: `Agent ${a}`,
          role: 'agent',
          passwordHash: 'not-used',
        })
        .returning()
        .get();
      db.insert(agentStates)
        .values({
          orgId,
          userId: user.id,
          presence: 'online',
          capacity: CAPACITY,
          updatedAt: new Date(start),
        })
        .run();
      const first = a % QUEUE_COUNT;
      for (const q of new Set([first, (first + 1 + pick(QUEUE_COUNT - 1)) % QUEUE_COUNT])) {
        const { queue, skill } = queueAt(made, q);
        db.insert(queueMembers).values({ orgId, userId: user.id, queueId: queue.id }).run();
        db.insert(agentSkills)
          .values({ orgId, userId: user.id, skillId: skill.id, level: 1 + pick(10) })
          .run();
      }
    }
    for (let i = 0; i < itemCount; i++) {
      const { queue, skill } = queueAt(made, pick(QUEUE_COUNT));
      const asked = new Date(start - (itemCount - i) * 1000);
      const session = db
        .insert(messagingSessions)
        .values({
          orgId,
          deploymentId: deployment.id,
          channel: deployment.channel,
          status: 'waiting',
          agentType: 'bot_to_agent',
          createdAt: asked,
        })
        .returning()
        .get();
      enqueueHandoff(
        db,
        session,
        queue,
        {
          queue: queue.name,
          skills: [{ skill: skill.name, minLevel: 1 + pick(5) }],
          priority: 1 + pick(5),
          details: {},
          said: [],
        },
        asked,
      );
    }
  });

  const router = new Router({
    db,
    handover: new SessionHandoverEntries(new EventHub()),
    staffEvents: new StaffEvents(),
    now: () => start,
  });
  const count = (status: 'offered' | 'accepted' | 'queued') =>
    db
      .select({ n: sql<number>`count(*)` })
      .from(workItems)
      .where(eq(workItems.status, status))
      .get()?.n ?? 0;

  let begun = performance.now();
  router.route(orgId);
  const firstPassMs = performance.now() - begun;
  const firstOffers = count('offered');
  console.log(
    `first pass: ${firstOffers} offers in ${(firstPassMs / 1000).toFixed(2)} s (${Math.round((firstOffers * 1000) / firstPassMs)}/s), ${count('queued')} still waiting`,
  );

  // Agents accept everything they were offered, as consoles would over the next seconds.
  for (const item of db.select().from(workItems).where(eq(workItems.status, 'offered')).all()) {
    if (item.offeredTo) router.accept(orgId, item.id, item.offeredTo);
  }

  const accepted = db.select().from(workItems).where(eq(workItems.status, 'accepted')).all();
  const decisionMs: number[] = [];
  let offersMade = 0;
  begun = performance.now();
  for (let d = 0; d < decisionCount && accepted.length > 0; d++) {
    const [done] = accepted.splice(pick(accepted.length), 1);
    if (!done) break;
    const closed = atomically(db, () => {
      db.update(messagingSessions)
        .set({ status: 'ended', endedAt: new Date(start), endedBy: 'customer' })
        .where(eq(messagingSessions.id, done.sessionId))
        .run();
      return closeSessionItems(db, done.sessionId, new Date(start));
    });
    const decided = performance.now();
    router.closed(orgId, holdersOf(closed));
    decisionMs.push(performance.now() - decided);
    for (const item of db.select().from(workItems).where(eq(workItems.status, 'offered')).all()) {
      if (!item.offeredTo) continue;
      accepted.push(router.accept(orgId, item.id, item.offeredTo));
      offersMade += 1;
    }
  }
  const steadyMs = performance.now() - begun;
  decisionMs.sort((a, b) => a - b);
  const at = (q: number) => decisionMs[Math.floor(q * (decisionMs.length - 1))] ?? 0;
  const steadyRate = (offersMade * 1000) / steadyMs;
  const logRows = db.select({ n: sql<number>`count(*)` }).from(routingDecisions).get()?.n ?? 0;
  console.log(
    `steady state: ${offersMade} assignments in ${(steadyMs / 1000).toFixed(2)} s (${steadyRate.toFixed(1)}/s, each with its end and accept); one decision p50 ${at(0.5).toFixed(2)} ms, p99 ${at(0.99).toFixed(2)} ms; ${logRows} decision log rows`,
  );

  writeResultsSection(
    'routing',
    `
## Routing (\`npm run bench:routing\`)

Machine: ${describeMachine()}. Date: ${today()}. The embedded default: one SQLite file (WAL, \`synchronous = FULL\`), one process. ${agentCount.toLocaleString('en-US')} agents online (capacity ${CAPACITY}, each in 2 of ${QUEUE_COUNT} queues holding that queue's skill at level 1-10) and ${itemCount.toLocaleString('en-US')} customers waiting (priority 1-5, each needing its queue's skill at level 1-5). The machine was shared with other work: the figures are upper bounds on time.

| phase | assignments | time s | assignments/s | one decision p50 ms | p99 ms |
|---|---:|---:|---:|---:|---:|
| first pass (every free slot, one \`route\`) | ${firstOffers.toLocaleString('en-US')} | ${(firstPassMs / 1000).toFixed(2)} | ${Math.round((firstOffers * 1000) / firstPassMs).toLocaleString('en-US')} | – | – |
| steady state (a conversation ends, the next customer is offered, the agent accepts) | ${offersMade} | ${(steadyMs / 1000).toFixed(2)} | ${steadyRate.toFixed(1)} | ${at(0.5).toFixed(2)} | ${at(0.99).toFixed(2)} |

One decision is the router's \`closed\` signal after a conversation ends: the pass that finds the best waiting item for the freed room, offers it, logs why, and tells waiting customers whose place changed. The decision log held ${logRows.toLocaleString('en-US')} rows at the end. Queue membership is per queue: a routing decision weighs only the agents of the item's queues (about ${Math.round((agentCount * 2) / QUEUE_COUNT)} here).
`,
  );
} finally {
  db.$client.close();
  rmSync(scratch, { recursive: true, force: true });
}
