import { and, count, eq, lte } from 'drizzle-orm';
import type { Db } from '../db/client';
import { type ConsideredAgent, type RequiredSkill, workItems } from '../db/schema';
import { loadAgentSnapshots } from './agentSnapshots';
import { judgeAgents } from './eligibility';
import { mergeSkills } from './enqueueHandoff';
import type { Handoff } from './handoff';
import { type NoAgentReason, routeHandoff } from './routeHandoff';

export interface HandoffRehearsal {
  /** Null when the hand-off would wait in its queue; else the `noAgent` reason the bot hears. */
  noAgent: { reason: NoAgentReason; explanation: string } | null;
  queue: { id: string; name: string } | null;
  requiredSkills: RequiredSkill[];
  /** The queue's optional skills, which the item would wait for first. */
  optionalSkills: RequiredSkill[];
  /** Customers already waiting in the queue who would be served first. */
  waitingAhead: number;
  /** Each agent of the queue and the verdict on them; the chosen one first. */
  considered: ConsideredAgent[];
  chosen: { id: string; name: string } | null;
  /** Why nobody would be offered it now, in a supervisor's words; empty when someone would. */
  waitingReason: string;
}

const EXPLANATIONS: Record<NoAgentReason, (queue: string) => string> = {
  NO_QUEUE: (queue) => `This org has no queue named "${queue}".`,
  CLOSED: (queue) => `${queue} is outside its business hours, or on a holiday.`,
  NO_CAPABLE_AGENT: (queue) =>
    `No active member of ${queue} holds every required skill at its level.`,
  NO_AGENT_ONLINE: (queue) =>
    `${queue}'s capable members are all offline, and the queue is set not to wait for them.`,
};

/**
 * What routing would decide for this hand-off now, changing nothing: the `noAgent` rule, then
 * the same judge a routing pass uses over the queue's agents as they are. The studio's preview
 * shows it, so a designer sees who would get the customer, or why nobody would.
 */
export function rehearseHandoff(
  db: Db,
  orgId: string,
  handoff: Handoff,
  at: Date = new Date(),
): HandoffRehearsal {
  const route = routeHandoff(db, orgId, handoff, at);
  const queue = route.queue;
  const noAgent = route.ok
    ? null
    : {
        reason: route.reason,
        explanation: queue
          ? EXPLANATIONS[route.reason](queue.name)
          : handoff.queue
            ? EXPLANATIONS.NO_QUEUE(handoff.queue)
            : 'This org has no queue yet.',
      };
  const requiredSkills = mergeSkills(handoff.skills, queue?.requiredSkills ?? []);
  if (!queue) {
    return {
      noAgent,
      queue: null,
      requiredSkills,
      optionalSkills: [],
      waitingAhead: 0,
      considered: [],
      chosen: null,
      waitingReason: '',
    };
  }
  const optionalSkills = queue.optionalSkillsWaitSeconds === null ? [] : queue.optionalSkills;
  const judgement = judgeAgents(
    {
      id: 'rehearsal',
      queueId: queue.id,
      overflowQueueId: null,
      size: queue.workItemSize,
      requiredSkills,
      optionalSkills,
      optionalSkillsUntil:
        queue.optionalSkillsWaitSeconds === null
          ? null
          : at.getTime() + queue.optionalSkillsWaitSeconds * 1000,
      passedOverBy: [],
      newRound: false,
    },
    loadAgentSnapshots(db, orgId),
    queue.routingModel,
    at.getTime(),
  );
  const ahead = db
    .select({ n: count() })
    .from(workItems)
    .where(
      and(
        eq(workItems.queueId, queue.id),
        eq(workItems.status, 'queued'),
        lte(workItems.priority, handoff.priority),
      ),
    )
    .get();
  return {
    noAgent,
    queue: { id: queue.id, name: queue.name },
    requiredSkills,
    optionalSkills,
    waitingAhead: ahead?.n ?? 0,
    considered: judgement.considered,
    chosen: judgement.chosen && { id: judgement.chosen.id, name: judgement.chosen.name },
    waitingReason: noAgent ? '' : judgement.waitingReason,
  };
}
