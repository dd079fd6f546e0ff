import type { Db } from '../db/client';
import { type queues, type RequiredSkill, workItems } from '../db/schema';
import { logDecision } from './decisionLog';
import type { Handoff } from './handoff';

/** Priority of an item no bot ranked: the middle of the escalate node's 1 (first) to 5. */
export const DEFAULT_PRIORITY = 3;

/** Both lists' skills, each at the higher of the levels asked. */
export function mergeSkills(a: RequiredSkill[], b: RequiredSkill[]): RequiredSkill[] {
  const levels = new Map<string, number>();
  for (const { skill, minLevel } of [...a, ...b]) {
    levels.set(skill, Math.max(levels.get(skill) ?? 0, minLevel));
  }
  return [...levels].map(([skill, minLevel]) => ({ skill, minLevel }));
}

/**
 * Puts a handed-off session in line for an agent as a work item of `queue`. Call it inside the
 * write that moves the session to waiting, so the session never waits without its item or the
 * other way round. The item needs the hand-off's skills and the queue's own; its timers
 * (overflow, optional skills) are due-at columns a sweep acts on.
 */
export function enqueueHandoff(
  db: Db,
  session: { id: string; orgId: string },
  queue: typeof queues.$inferSelect,
  handoff: Handoff | undefined,
  at: Date,
) {
  const after = (seconds: number | null) =>
    seconds === null ? null : new Date(at.getTime() + seconds * 1000);
  const item = db
    .insert(workItems)
    .values({
      orgId: session.orgId,
      sessionId: session.id,
      queueId: queue.id,
      priority: handoff?.priority ?? DEFAULT_PRIORITY,
      askedAt: at,
      size: queue.workItemSize,
      requiredSkills: mergeSkills(handoff?.skills ?? [], queue.requiredSkills),
      optionalSkills: queue.optionalSkills,
      optionalSkillsUntil:
        queue.optionalSkills.length > 0 ? after(queue.optionalSkillsWaitSeconds) : null,
      overflowAt: queue.overflowQueueId ? after(queue.overflowAfterSeconds) : null,
      handoff: handoff?.details ?? {},
    })
    .returning()
    .get();
  logDecision(db, {
    orgId: session.orgId,
    workItemId: item.id,
    event: 'queued',
    reason: `handed off to the ${queue.name} queue`,
    at,
  });
  return item;
}
