import { and, asc, eq, inArray, or } from 'drizzle-orm';
import type { Db } from '../db/client';
import { queues, workItems } from '../db/schema';
import { loadAgentSnapshots } from './agentSnapshots';
import { logDecision } from './decisionLog';
import { type AgentSnapshot, type ItemToRoute, type Judgement, judgeAgents } from './eligibility';
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
  /** The queues whose items the pass read; null for all of them. */
  queueIds: Set<string> | null;
}

type Queue = typeof queues.$inferSelect;

/** What a pass reads of each waiting item: not the hand-off's details, which can be large. */
const waitingColumns = {
  id: workItems.id,
  queueId: workItems.queueId,
  overflowQueueId: workItems.overflowQueueId,
  size: workItems.size,
  requiredSkills: workItems.requiredSkills,
  optionalSkills: workItems.optionalSkills,
  optionalSkillsUntil: workItems.optionalSkillsUntil,
  passedOverBy: workItems.passedOverBy,
  offeredAt: workItems.offeredAt,
  waitingReason: workItems.waitingReason,
};
type WaitingItem = {
  [K in keyof typeof waitingColumns]: WorkItem[K];
};

function toRoute(item: WaitingItem, newRound: boolean): ItemToRoute {
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
 * Items alike in what the judge reads (size, skills, whom they passed) get the same judgement
 * from the same agents. A long line is mostly such items waiting for nobody, so within one pass
 * a "nobody" is kept per set of queues until an agent of those queues changes.
 */
class NobodyMemo {
  private readonly byQueues = new Map<string, Map<string, Judgement>>();

  private static queuesKey(item: WaitingItem) {
    return `${item.queueId}|${item.overflowQueueId ?? ''}`;
  }

  private static itemKey(item: WaitingItem, now: number) {
    const preferOptional =
      item.optionalSkillsUntil !== null && now < item.optionalSkillsUntil.getTime();
    return JSON.stringify([
      item.size,
      item.requiredSkills,
      preferOptional ? item.optionalSkills : [],
      item.passedOverBy,
    ]);
  }

  get(item: WaitingItem, now: number): Judgement | undefined {
    return this.byQueues.get(NobodyMemo.queuesKey(item))?.get(NobodyMemo.itemKey(item, now));
  }

  set(item: WaitingItem, now: number, judgement: Judgement) {
    const key = NobodyMemo.queuesKey(item);
    const memo = this.byQueues.get(key) ?? new Map<string, Judgement>();
    memo.set(NobodyMemo.itemKey(item, now), judgement);
    this.byQueues.set(key, memo);
  }

  /** The agent's load changed: whatever was judged with them in it no longer holds. */
  forget(agent: AgentSnapshot) {
    for (const key of this.byQueues.keys()) {
      if (key.split('|').some((queueId) => agent.queueIds.has(queueId))) {
        this.byQueues.delete(key);
      }
    }
  }
}

/**
 * One routing pass over an org's waiting items, highest priority (1) first, between equals the
 * items of the queue with the lower priority number, then the longest waiting: each goes to the
 * best eligible agent by its queue's model, or records why it waits.
 * Every offer is its own conditional write, so a pass racing another changes nothing twice.
 *
 * With `everything` false the pass reads only items some agent of their queues has room for:
 * the others can go to nobody, and with thousands waiting, reading them on every accept and
 * end is what made each decision slow. The sweep passes over everything once a second, which
 * keeps their waiting reasons and places in line current.
 */
export function routeQueuedItems(
  db: Db,
  orgId: string,
  at: Date,
  handover: SessionHandover,
  replyWithinSeconds: number | null,
  everything: boolean,
): PassResult {
  const result: PassResult = { offers: [], afterCommit: [], queueIds: null };
  const agents = loadAgentSnapshots(db, orgId);
  const membersOf = new Map<string, AgentSnapshot[]>();
  for (const agent of agents) {
    for (const queueId of agent.queueIds) {
      const list = membersOf.get(queueId) ?? [];
      list.push(agent);
      membersOf.set(queueId, list);
    }
  }
  if (!everything) {
    result.queueIds = new Set(
      [...membersOf]
        .filter(([, members]) =>
          members.some((agent) => agent.takesWork && agent.load < agent.capacity),
        )
        .map(([queueId]) => queueId),
    );
  }
  const withRoom = result.queueIds === null ? null : [...result.queueIds];
  if (withRoom?.length === 0) return result;
  const items = db
    .select(waitingColumns)
    .from(workItems)
    .innerJoin(queues, eq(queues.id, workItems.queueId))
    .where(
      and(
        eq(workItems.orgId, orgId),
        eq(workItems.status, 'queued'),
        withRoom === null
          ? undefined
          : or(inArray(workItems.queueId, withRoom), inArray(workItems.overflowQueueId, withRoom)),
      ),
    )
    .orderBy(
      asc(workItems.priority),
      asc(queues.priority),
      asc(workItems.askedAt),
      asc(workItems.id),
    )
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
  const nobody = new NobodyMemo();
  const now = at.getTime();
  for (const item of items) {
    const queue = queueById.get(item.queueId);
    if (!queue) continue;
    const candidates = () => [
      ...new Set([
        ...(membersOf.get(item.queueId) ?? []),
        ...(item.overflowQueueId ? (membersOf.get(item.overflowQueueId) ?? []) : []),
      ]),
    ];
    let judgement =
      nobody.get(item, now) ??
      judgeAgents(toRoute(item, false), candidates(), queue.routingModel, now);
    if (!judgement.chosen) nobody.set(item, now, judgement);
    let newRound = false;
    if (!judgement.chosen && mayStartNewRound(item, queue, judgement.considered, now)) {
      judgement = judgeAgents(toRoute(item, true), candidates(), queue.routingModel, now);
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
      nobody.forget(agent);
      result.offers.push({ item: made.item, agentId: agent.id, autoAccepted: queue.autoAccept });
      if (made.afterCommit) result.afterCommit.push(made.afterCommit);
    } catch (error) {
      if (!(error instanceof ClaimLost)) throw error;
      // Someone else took the agent's room meanwhile: leave them out for the rest of the pass.
      agent.load = agent.capacity;
      nobody.forget(agent);
    }
  }
  return result;
}

/**
 * Everyone able to take the item has passed on it: after one offer timeout of rest it goes
 * round again, rather than leaving the customer waiting for an agent who may now say yes.
 */
function mayStartNewRound(
  item: WaitingItem,
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
