import { and, asc, eq } from 'drizzle-orm';
import type { Db } from '../db/client';
import { queues, workItems } from '../db/schema';
import { loadAgentSnapshots } from './agentSnapshots';
import { logDecision } from './decisionLog';
import { type AgentSnapshot, type ItemToRoute, judgeAgents } from './eligibility';
import type { AfterCommit, SessionHandover } from './sessionHandover';
import { atomically, ClaimLost, type WorkItem } from './workItem';
import { acceptItem, offerItem } from './workItemMoves';

export interface Offer {
  item: WorkItem;
  agentId: string;
  autoAccepted: boolean;
}

export interface PassResult {
  offers: Offer[];
  afterCommit: AfterCommit[];
}

type Queue = typeof queues.$inferSelect;

function toRoute(item: WorkItem, newRound: boolean): ItemToRoute {
  return {
    id: item.id,
    queueId: item.queueId,
    overflowQueueId: item.overflowQueueId,
    size: item.size,
    requiredSkills: item.requiredSkills,
    optionalSkills: item.optionalSkills,
    optionalSkillsUntil: item.optionalSkillsUntil?.getTime() ?? null,
    passedOverBy: item.passedOverBy,
    newRound,
  };
}

/**
 * One routing pass over an org's waiting items, highest priority (1) first, then the longest
 * waiting: each goes to the best eligible agent by its queue's model, or records why it waits.
 * Every offer is its own conditional write, so a pass racing another changes nothing twice.
 */
export function routeQueuedItems(
  db: Db,
  orgId: string,
  at: Date,
  handover: SessionHandover,
  replyWithinSeconds: number | null,
): PassResult {
  const result: PassResult = { offers: [], afterCommit: [] };
  const items = db
    .select()
    .from(workItems)
    .where(and(eq(workItems.orgId, orgId), eq(workItems.status, 'queued')))
    .orderBy(asc(workItems.priority), asc(workItems.askedAt), asc(workItems.id))
    .all();
  if (items.length === 0) return result;
  const queueById = new Map(
    db
      .select()
      .from(queues)
      .where(eq(queues.orgId, orgId))
      .all()
      .map((queue) => [queue.id, queue]),
  );
  const agents = loadAgentSnapshots(db, orgId);
  const membersOf = new Map<string, AgentSnapshot[]>();
  for (const agent of agents) {
    for (const queueId of agent.queueIds) {
      const list = membersOf.get(queueId) ?? [];
      list.push(agent);
      membersOf.set(queueId, list);
    }
  }
  const now = at.getTime();
  for (const item of items) {
    const queue = queueById.get(item.queueId);
    if (!queue) continue;
    const candidates = [
      ...new Set([
        ...(membersOf.get(item.queueId) ?? []),
        ...(item.overflowQueueId ? (membersOf.get(item.overflowQueueId) ?? []) : []),
      ]),
    ];
    let judgement = judgeAgents(toRoute(item, false), candidates, queue.routingModel, now);
    let newRound = false;
    if (!judgement.chosen && mayStartNewRound(item, queue, judgement.considered, now)) {
      judgement = judgeAgents(toRoute(item, true), candidates, queue.routingModel, now);
      newRound = judgement.chosen !== null;
    }
    const agent = judgement.chosen;
    if (!agent) {
      if (judgement.waitingReason !== item.waitingReason) {
        atomically(db, () => {
          db.update(workItems)
            .set({ waitingReason: judgement.waitingReason })
            .where(and(eq(workItems.id, item.id), eq(workItems.status, 'queued')))
            .run();
          logDecision(db, {
            orgId,
            workItemId: item.id,
            event: 'waiting',
            reason: judgement.waitingReason,
            considered: judgement.considered,
            at,
          });
        });
      }
      continue;
    }
    const expiresAt = queue.autoAccept ? null : new Date(now + queue.offerTimeoutSeconds * 1000);
    try {
      const made = atomically(db, () => {
        const offered = offerItem(db, item, agent.id, at, expiresAt, newRound);
        if (!offered) return null;
        logDecision(db, {
          orgId,
          workItemId: item.id,
          event: 'offered',
          agentId: agent.id,
          reason: newRound
            ? `${queue.routingModel} (a new round: everyone able had passed on it)`
            : queue.routingModel,
          considered: judgement.considered,
          at,
        });
        if (!queue.autoAccept) return { item: offered, afterCommit: null };
        const accepted = acceptItem(db, item.id, agent.id, at, replyWithinSeconds, handover);
        if (!accepted) throw new ClaimLost();
        return accepted;
      });
      if (!made) continue;
      agent.load += item.size;
      agent.openItems += 1;
      agent.lastAssignedAt = now;
      result.offers.push({ item: made.item, agentId: agent.id, autoAccepted: queue.autoAccept });
      if (made.afterCommit) result.afterCommit.push(made.afterCommit);
    } catch (error) {
      if (!(error instanceof ClaimLost)) throw error;
      // Someone else took the agent's room meanwhile: leave them out for the rest of the pass.
      agent.load = agent.capacity;
    }
  }
  return result;
}

/**
 * Everyone able to take the item has passed on it: after one offer timeout of rest it goes
 * round again, rather than leaving the customer waiting for an agent who may now say yes.
 */
function mayStartNewRound(
  item: WorkItem,
  queue: Queue,
  considered: { verdict: string }[],
  now: number,
): boolean {
  return (
    considered.some(({ verdict }) => verdict === 'passed_over') &&
    item.offeredAt !== null &&
    now >= item.offeredAt.getTime() + queue.offerTimeoutSeconds * 1000
  );
}
