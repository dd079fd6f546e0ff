import type { Db } from '../db/client';
import { workItems } from '../db/schema';
import type { Handoff } from './handoff';

/**
 * Puts a handed-off session in line for an agent as a work item of `queueId`. Call it inside
 * the write that moves the session to waiting, so the session never waits without its item or
 * the other way round. Without a hand-off (a session with no bot) the item asks for no skill.
 */
export function enqueueHandoff(
  db: Db,
  session: { id: string; orgId: string },
  queueId: string,
  handoff: Handoff | undefined,
) {
  db.insert(workItems)
    .values({
      orgId: session.orgId,
      sessionId: session.id,
      queueId,
      priority: handoff?.priority ?? 0,
      requiredSkills: handoff?.skills ?? [],
      handoff: handoff?.details ?? {},
    })
    .run();
}
